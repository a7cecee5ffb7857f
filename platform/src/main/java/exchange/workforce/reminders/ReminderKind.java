package exchange.workforce.reminders;

/** What a reminder is about, and to whom at a council it goes (the contact answering for it). */
public enum ReminderKind {
    /** A member's return for a period is due within the region's days-before and has not arrived. */
    RETURN_DUE("Return due", exchange.workforce.contacts.Responsibility.WORKFORCE_RETURNS),
    /** A member's return is the region's days-after past its due date and has not arrived. */
    RETURN_OVERDUE("Return overdue", exchange.workforce.contacts.Responsibility.WORKFORCE_RETURNS),
    /** A reference request the council must answer is due within the days-before (or overdue). */
    REFERENCE_DUE("Reference request due", exchange.workforce.contacts.Responsibility.REFERENCES),
    /** One of the council's agency assignments is planned to end within the days-before, and no end is recorded. */
    ASSIGNMENT_ENDING("Agency assignment ending", exchange.workforce.contacts.Responsibility.AGENCY_COMPLIANCE);

    private final String words;
    private final exchange.workforce.contacts.Responsibility to;

    ReminderKind(String words, exchange.workforce.contacts.Responsibility to) {
        this.words = words;
        this.to = to;
    }

    public String words() {
        return words;
    }

    /** The contacts it is sent to. */
    public exchange.workforce.contacts.Responsibility to() {
        return to;
    }

    /** Whether the region sends it (returns); the others are a council's own business, sent and seen by it alone. */
    public boolean regional() {
        return this == RETURN_DUE || this == RETURN_OVERDUE;
    }
}
