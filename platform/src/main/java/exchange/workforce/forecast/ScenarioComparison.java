package exchange.workforce.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Saved scenarios side by side for one area: each projected year's FTE in post, FTE required and the gap under the
 * baseline (first) and under each scenario, in the order asked.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioComparison(Forecast.Area area, String origin, List<Option> options, List<Year> years, String note) {

    /** The baseline (no id) or a saved scenario, and what it changes. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(@Nullable UUID id, String name, String changes) {
    }

    /** One projected year: the figures under each option, in the options' order. */
    @Serdeable
    public record Year(String period, List<Figures> options) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(@Nullable BigDecimal inpostFte, @Nullable BigDecimal requiredFte, @Nullable BigDecimal gapFte) {
    }
}
