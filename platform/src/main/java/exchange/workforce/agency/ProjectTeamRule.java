package exchange.workforce.agency;

/**
 * A worker supplied in a project team or packaged model is identified and approved by the council before the
 * assignment starts, with costs broken down per worker.
 */
final class ProjectTeamRule implements AgencyRule {

    @Override
    public String code() {
        return "PROJECT_TEAM";
    }

    @Override
    public String source() {
        return STATUTORY_GUIDANCE + ", project teams and packaged models";
    }

    @Override
    public Verdict judge(Proposal proposal) {
        if (!proposal.projectTeam()) {
            return Verdict.pass(this, "Not part of a project team or packaged model.");
        }
        if (proposal.projectApprovedOn() == null) {
            return Verdict.fail(this, "Part of a project team with no approval recorded: the council approves each worker, "
                    + "identified and costed, before the assignment starts.");
        }
        if (proposal.projectApprovedOn().isAfter(proposal.startDate())) {
            return Verdict.fail(this, "Approved on " + proposal.projectApprovedOn() + ", after the start date " + proposal.startDate()
                    + ": approval comes first.");
        }
        return Verdict.pass(this, "Part of a project team; this worker was approved on " + proposal.projectApprovedOn()
                + ", before the start, at the hourly cost given here.");
    }
}
