package exchange.workforce.agency;

/** The assignment's notice period is four weeks, or the council's permanent notice for the role where that is shorter. */
final class NoticeRule implements AgencyRule {

    static final int WEEKS = 4;

    @Override
    public String code() {
        return "NOTICE";
    }

    @Override
    public String source() {
        return STATUTORY_GUIDANCE + ", notice periods";
    }

    @Override
    public Verdict judge(Proposal proposal) {
        int required = proposal.permanentNoticeWeeks() == null ? WEEKS : Math.min(WEEKS, proposal.permanentNoticeWeeks());
        String basis = required < WEEKS ? "the permanent notice for the role (" + required + " weeks)" : WEEKS + " weeks";
        if (proposal.noticeWeeks() == required) {
            return Verdict.pass(this, "Notice of " + proposal.noticeWeeks() + " weeks, as the rule asks: " + basis + ".");
        }
        return Verdict.fail(this, "Notice of " + proposal.noticeWeeks() + " weeks in the contract; it should be " + basis + ".");
    }
}
