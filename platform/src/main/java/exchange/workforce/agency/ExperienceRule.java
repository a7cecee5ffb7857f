package exchange.workforce.agency;

import java.time.LocalDate;

/**
 * At least three years' post-qualifying experience in local authority employment (the ASYE counts) on the start date:
 * 36 months of it, and qualified at least three years before the start.
 */
final class ExperienceRule implements AgencyRule {

    static final int MONTHS = 36;

    @Override
    public String code() {
        return "EXPERIENCE";
    }

    @Override
    public String source() {
        return STATUTORY_GUIDANCE + ", minimum post-qualifying experience";
    }

    @Override
    public Verdict judge(Proposal proposal) {
        if (proposal.postQualifyingMonths() < MONTHS) {
            return Verdict.fail(this, proposal.postQualifyingMonths() + " months of post-qualifying local authority experience; "
                    + MONTHS + " (3 years) are needed.");
        }
        if (proposal.qualifiedOn() != null) {
            LocalDate threeYears = proposal.qualifiedOn().plusYears(3);
            if (threeYears.isAfter(proposal.startDate())) {
                return Verdict.fail(this, "Qualified on " + proposal.qualifiedOn() + ": three years after is " + threeYears
                        + ", after the start date " + proposal.startDate() + ".");
            }
        }
        return Verdict.pass(this, proposal.postQualifyingMonths() + " months of post-qualifying local authority experience"
                + (proposal.qualifiedOn() == null ? "" : ", qualified on " + proposal.qualifiedOn()) + ".");
    }
}
