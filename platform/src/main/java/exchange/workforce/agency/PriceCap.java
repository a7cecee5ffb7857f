package exchange.workforce.agency;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A region's price cap for a role type, in force from a date until the next one for the same role. */
@Serdeable
public record PriceCap(UUID id, String regionCode, RoleType roleType, BigDecimal hourlyCap, LocalDate effectiveFrom, String source,
                       String setBy, Instant setAt) {
}
