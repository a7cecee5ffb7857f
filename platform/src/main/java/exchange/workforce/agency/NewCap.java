package exchange.workforce.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A region's new cap for a role type from a date: pounds an hour, covering pay, employer's NI, apprenticeship levy and holiday pay. */
@Serdeable
public record NewCap(@Nullable String roleType, @Nullable BigDecimal hourlyCap, @Nullable LocalDate effectiveFrom, @Nullable String source) {
}
