package exchange.workforce.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * A worker who left a permanent post at the caller's council: registration number (body only, pseudonymised at once),
 * the day they left, their role type, and the exemption from cooling-off if their leaving had one (REDUNDANCY or
 * PROBATION).
 */
@Serdeable
public record NewLeaver(@Nullable String registrationNumber, @Nullable LocalDate leftOn, @Nullable String role, @Nullable String exemption) {
}
