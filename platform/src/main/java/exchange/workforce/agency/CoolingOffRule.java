package exchange.workforce.agency;

/**
 * No agency engagement of a worker within the cooling-off period (the memorandum's: 3 months nationally and in most
 * regions, 6 under the London Pledge) of their leaving a permanent post at the same council or any council of the same
 * region. Redundancy and leaving during probation are exempt. Checked across councils through the worker's pseudonym;
 * the answer says only until when, never where the worker was or why they left.
 */
final class CoolingOffRule implements AgencyRule {

    @Override
    public String code() {
        return "COOLING_OFF";
    }

    @Override
    public String source() {
        return STATUTORY_GUIDANCE + ", cooling-off; the memorandum's cooling-off period (seed 003: South East 3 months, London 6)";
    }

    @Override
    public Verdict judge(Proposal proposal) {
        if (proposal.coolingOffUntil() == null) {
            // the answer rests on councils recording their leavers: it says so rather than promising more than it knows
            return Verdict.pass(this, "No cooling-off applies to this worker on " + proposal.startDate() + " as far as the platform knows: "
                    + "no council of your region has recorded them leaving a permanent post within the cooling-off period. A leaving "
                    + "a council has not recorded is not known here; check the worker's recent employment history too."
                    + (proposal.leaversKnown() == null ? "" : proposal.leaversKnown().sentence().map(s -> " " + s).orElse("")));
        }
        return new Verdict(code(), Verdict.Outcome.FAIL, "Cooling-off applies until " + proposal.coolingOffUntil()
                + ": the assignment may start on " + proposal.coolingOffUntil().plusDays(1) + " at the earliest.",
                proposal.coolingOffUntil(), source());
    }
}
