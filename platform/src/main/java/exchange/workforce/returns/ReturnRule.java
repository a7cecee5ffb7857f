package exchange.workforce.returns;

/**
 * The rules a return is checked against, by their stable codes: the same code is in the API's error list, the
 * upload error report and docs/errors.md ("Return rules"). Errors reject the whole return; warnings do not.
 */
public enum ReturnRule {
    EMPTY_RETURN,
    INVALID_PERIOD,
    PERIOD_OUT_OF_RANGE,
    AUTHORITY_NOT_YOURS,
    UNKNOWN_COLUMN,
    MISSING_COLUMN,
    MIXED_PERIODS,
    UNKNOWN_MEASURE,
    DERIVED_MEASURE_TYPED_IN,
    NOT_SUBMITTED_BY_AUTHORITIES,
    UNKNOWN_BREAKDOWN,
    DUPLICATE_ROW,
    NOT_A_NUMBER,
    REQUIRED_FIGURE_BLANK,
    NEGATIVE,
    /** More than 15 significant digits: no workforce figure has them, and a long enough one would hold the service. */
    TOO_MANY_DIGITS,
    /** Above the largest figure one authority can have for the measure's unit (the catalogue's "largest"). */
    OUT_OF_RANGE,
    FTE_ABOVE_HEADCOUNT,
    CASE_HOLDERS_ABOVE_STAFF,
    AGENCY_COVER_ABOVE_AGENCY,
    BREAKDOWN_DOES_NOT_ADD_UP,
    CORRECTION_NEEDS_REASON,
    /** A reason for a correction longer than 2,000 characters. */
    REASON_TOO_LONG,
    /** Warning: staff in post moved by more than 30% since the previous return. */
    STAFF_CHANGED_SHARPLY,
    /** Warning: the average caseload is above 25 cases per case-holding FTE. */
    CASELOAD_HIGH,
    /** Warning: figures left blank are not supplied; nothing is stored for them. */
    NOT_SUPPLIED,
    /** Warning: a correction leaves out figures the version it replaces has. */
    DROPPED_IN_CORRECTION,
    /** Warning: a figure or code was read otherwise than typed ('1,000' as 1000, 'Inpost_FTE' as inpost_fte). */
    READ_AS,
    /** A section of a return entered online was sent more answers than any section asks for. */
    TOO_MANY_ANSWERS,
    /** Warning: the figures are exactly the current version's, so nothing is stored (a second tab, a form sent again). */
    SAME_AS_CURRENT_VERSION
}
