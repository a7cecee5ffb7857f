package exchange.workforce.forecast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A scenario as a planner sends it: a name and at least one change; a change left out is no change. */
@Serdeable
public record NewScenario(
        @Nullable @NotBlank(message = "name the scenario, e.g. 'Turnover down 3 points'")
        @Size(max = 100, message = "say it in up to 100 characters") String name,
        @Nullable @DecimalMin(value = "-20", message = "give -20 to 20 percentage points (negative: turnover higher)")
        @DecimalMax(value = "20", message = "give -20 to 20 percentage points (negative: turnover higher)") BigDecimal turnoverReductionPoints,
        @Nullable @DecimalMin(value = "0", message = "give 0 to 5000 FTE a year")
        @DecimalMax(value = "5000", message = "give 0 to 5000 FTE a year") BigDecimal extraNewlyQualifiedFte,
        @Nullable @DecimalMin(value = "0", message = "give 0 to 100 (percent of agency FTE each year)")
        @DecimalMax(value = "100", message = "give 0 to 100 (percent of agency FTE each year)") BigDecimal agencyConversionPercent,
        @Nullable @DecimalMin(value = "5", message = "give a caseload of 5 to 40 cases per case-holding FTE")
        @DecimalMax(value = "40", message = "give a caseload of 5 to 40 cases per case-holding FTE") BigDecimal caseloadTarget) {
}
