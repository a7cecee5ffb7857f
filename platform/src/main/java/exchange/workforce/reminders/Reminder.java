package exchange.workforce.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One e-mail in the outbox: to whom, about what, and whether it was sent, cancelled (and why) or failed. */
@Serdeable
public record Reminder(UUID id, String regionCode, String authorityCode, String authorityName, ReminderKind kind, String about,
                       String recipientName, String recipientEmail, String subject, String body, Instant queuedAt,
                       @Nullable Instant sentAt, @Nullable Instant cancelledAt, @Nullable String cancelReason,
                       @Nullable String failure, int attempts) {

    /** Queued, sent, cancelled or failed (and to be tried again), in words. */
    public String state() {
        if (sentAt != null) {
            return "Sent";
        }
        if (cancelledAt != null) {
            return "Not sent: " + cancelReason;
        }
        return failure == null ? "Queued" : "Not sent yet (tried " + attempts + (attempts == 1 ? " time" : " times") + "): " + failure;
    }

    /** A reminder to queue: its rows' values before it has an id. */
    record Draft(String regionCode, String authorityCode, ReminderKind kind, String about, String recipientName,
                 String recipientEmail, String subject, String body) {
    }
}
