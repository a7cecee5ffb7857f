package exchange.workforce.returns;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** Where a member council's return for a period stands, as its region sees it. */
@Serdeable
public enum SubmissionStatus {
    /** No return yet, and none due yet (or no due date set). */
    NOT_STARTED("Not started"),
    /** No return yet, and the window's due date has passed. */
    LATE("Late"),
    /** Version 1 is in. */
    SUBMITTED("Submitted"),
    /** A later version corrected the first. */
    CORRECTED("Corrected");

    private final String words;

    SubmissionStatus(String words) {
        this.words = words;
    }

    /** As a page says it. */
    public String words() {
        return words;
    }

    /** The status of a council whose latest version is {@code version} (null: none), on {@code today}, given the due date. */
    public static SubmissionStatus of(Integer version, LocalDate dueOn, LocalDate today) {
        if (version == null) {
            return dueOn != null && today.isAfter(dueOn) ? LATE : NOT_STARTED;
        }
        return version == 1 ? SUBMITTED : CORRECTED;
    }
}
