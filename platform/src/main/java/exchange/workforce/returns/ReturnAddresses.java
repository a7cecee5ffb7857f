package exchange.workforce.returns;

/** Where the returns pages are: shared by the pages that link to one another (no page calls another's handler). */
final class ReturnAddresses {

    private ReturnAddresses() {
    }

    /** A return being entered online: its sections. */
    static String draft(ReturnDraft draft) {
        return "/returns/online/" + draft.periodType() + "/" + draft.period();
    }

    /** Where a submission's browser lands (a GET, so Back and refresh never send it again). */
    static String submitted(SubmittedReturn r) {
        return "/returns/" + r.periodType() + "/" + r.period() + "/submitted?version=" + r.version() + (r.unchanged() ? "&unchanged=true" : "");
    }
}
