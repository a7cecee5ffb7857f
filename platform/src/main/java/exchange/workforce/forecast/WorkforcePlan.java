package exchange.workforce.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Supply against demand for one area, year by year: the stock of social workers in post (FTE) as stock + starters −
 * leavers + other movements, the FTE the projected children in need would require at the caseload target, the gap and
 * the agency share that would fill it. Observed years show DfE's own flows, with "other movements" the part of the
 * change in stock its starters and leavers do not explain.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkforcePlan(Forecast.Area area, String origin, int horizon, @Nullable BigDecimal caseloadTarget,
                            String caseloadBasis, @Nullable Forecast.AppliedScenario scenario, List<Year> years,
                            List<Component> components, List<String> notes, String source) {

    /** One year of the plan; observed years have no required FTE or gap except the origin. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Year(String period, boolean projected, @Nullable BigDecimal inpostFte, @Nullable BigDecimal baselineInpostFte,
                       @Nullable BigDecimal startersFte, @Nullable BigDecimal leaversFte, @Nullable BigDecimal otherMovementsFte,
                       @Nullable BigDecimal turnoverRate, @Nullable BigDecimal agencyFte, @Nullable BigDecimal childrenInNeed,
                       @Nullable BigDecimal requiredFte, @Nullable BigDecimal gapFte, @Nullable BigDecimal agencyShareNeededPercent) {
    }

    /** A series the plan projects, and the method its backtest chose. */
    @Serdeable
    public record Component(String measure, String method, String reason) {
    }
}
