package exchange.workforce.contacts;

/** What a named contact answers for under the memorandum. */
public enum Responsibility {
    WORKFORCE_RETURNS,
    REFERENCES,
    AGENCY_COMPLIANCE,
    DATA_PROTECTION,
    WORKFORCE_PLANNING
}
