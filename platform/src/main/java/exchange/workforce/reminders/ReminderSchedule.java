package exchange.workforce.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * When a region's reminders go: {@code enabled}, and the days before a return is due, after it is overdue, before a
 * reference request is due, and before an agency assignment's planned end. {@code setBy} is null for the default (off).
 */
@Serdeable
public record ReminderSchedule(String regionCode, boolean enabled, int returnDueDaysBefore, int returnOverdueDaysAfter,
                               int referenceDueDaysBefore, int assignmentEndDaysBefore, @Nullable String setBy,
                               @Nullable Instant setAt) {

    /** A region that has set nothing sends nothing; the days are what the form offers first. */
    static ReminderSchedule off(String regionCode) {
        return new ReminderSchedule(regionCode, false, 7, 3, 2, 28, null, null);
    }

    /** The schedule an administrator sets. */
    @Serdeable
    public record Change(
            @NotNull(message = "say whether your region sends reminders (true or false)") @Nullable Boolean enabled,
            @NotNull(message = "give the days before a return is due to remind (1 to 60)") @Min(value = 1, message = "returnDueDaysBefore: 1 to 60 days")
            @Max(value = 60, message = "returnDueDaysBefore: 1 to 60 days") @Nullable Integer returnDueDaysBefore,
            @NotNull(message = "give the days after a return's due date to remind (1 to 60)") @Min(value = 1, message = "returnOverdueDaysAfter: 1 to 60 days")
            @Max(value = 60, message = "returnOverdueDaysAfter: 1 to 60 days") @Nullable Integer returnOverdueDaysAfter,
            @NotNull(message = "give the days before a reference request is due to remind (1 to 30)") @Min(value = 1, message = "referenceDueDaysBefore: 1 to 30 days")
            @Max(value = 30, message = "referenceDueDaysBefore: 1 to 30 days") @Nullable Integer referenceDueDaysBefore,
            @NotNull(message = "give the days before an agency assignment's planned end to remind (1 to 90)") @Min(value = 1, message = "assignmentEndDaysBefore: 1 to 90 days")
            @Max(value = 90, message = "assignmentEndDaysBefore: 1 to 90 days") @Nullable Integer assignmentEndDaysBefore) {
    }
}
