package exchange.workforce.memorandum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

@Serdeable
public record Membership(long id, String authorityCode, String authorityName, String phase, LocalDate effectiveFrom,
                         @Nullable LocalDate effectiveTo) {
}
