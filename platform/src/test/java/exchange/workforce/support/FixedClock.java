package exchange.workforce.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A real clock stopped at the start of a given day, for tests at a date's boundary: a test class sets
 * {@code wfx.test.today} (YYYY-MM-DD) and the service's one clock reads that day.
 */
@Factory
@Requires(property = "wfx.test.today")
public class FixedClock {

    @Singleton
    @Replaces(Clock.class)
    Clock clock(@Property(name = "wfx.test.today") String today) {
        ZoneId zone = ZoneId.of("Europe/London");
        return Clock.fixed(LocalDate.parse(today).atStartOfDay(zone).plusHours(9).toInstant(), zone);
    }
}
