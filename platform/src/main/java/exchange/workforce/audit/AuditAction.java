package exchange.workforce.audit;

/** What an audit event records. Stable names: the trail is read by people and by tools. */
public enum AuditAction {
    CONTACT_ADDED,
    CONTACT_REMOVED,
    MEMORANDUM_TERMS_VERSIONED,
    MEMBERSHIP_ADDED,
    MEMBERSHIP_ENDED,
    AUDIT_TRAIL_READ
}
