package exchange.workforce.agency;

/**
 * At least two detailed, practice-based references on the memorandum's standard template, gathered through the
 * references feature for an engagement of the same worker.
 */
final class ReferencesRule implements AgencyRule {

    static final int NEEDED = 2;

    @Override
    public String code() {
        return "REFERENCES";
    }

    @Override
    public String source() {
        return STATUTORY_GUIDANCE + ", references; the memorandum's common reference standard";
    }

    @Override
    public Verdict judge(Proposal proposal) {
        if (proposal.referencesProvided() == null) {
            return Verdict.fail(this, "No engagement of this worker is linked: open one in References, ask two previous "
                    + "employers for a reference, and give its engagement reference (engagementId).");
        }
        if (proposal.referencesProvided() < NEEDED) {
            return Verdict.fail(this, proposal.referencesProvided() + " of the " + NEEDED + " references needed have been provided.");
        }
        return Verdict.pass(this, proposal.referencesProvided() + " references provided on the standard template.");
    }
}
