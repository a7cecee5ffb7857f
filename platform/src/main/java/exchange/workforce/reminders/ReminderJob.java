package exchange.workforce.reminders;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Runs the reminders every quarter of an hour where e-mail is configured (WFX_SMTP_HOST; off by default locally). Two
 * replicas may both run it: each reminder is queued once and locked while it is sent, so none goes twice.
 */
@Singleton
@Requires(property = "javamail.enabled", value = "true")
@Requires(property = "wfx.reminders.scheduled", notEquals = "false")
class ReminderJob {

    private final Reminders reminders;
    private final Clock clock;

    ReminderJob(Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${wfx.reminders.interval:15m}", initialDelay = "${wfx.reminders.initial-delay:1m}")
    void run() {
        reminders.run(LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))));
    }
}
