package exchange.workforce.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import exchange.workforce.measures.Symbol;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One measure's forecast for one area: the history it was fitted to, the method chosen and why, the points with their
 * 80% and 95% prediction intervals, the backtest behind both, and what the figures cover.
 *
 * @param origin the last year whose figures were used: nothing after it was read
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Forecast(Area area, Measure measure, String origin, int horizon, Method method, List<Observed> history,
                       List<Point> points, Accuracy backtest, Coverage coverage, @Nullable AppliedScenario scenario,
                       String periods, String source) {

    @Serdeable
    public record Area(String code, String name, String level) {
    }

    @Serdeable
    public record Measure(String code, String label, String unit) {
    }

    /** The method used, its fitted parameters and why it was chosen for this series. */
    @Serdeable
    public record Method(String code, String description, String parameters, String reason) {
    }

    /** A year the forecast was fitted to (or left out, with why). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Observed(String period, @Nullable BigDecimal value, @Nullable Symbol symbol, boolean partial, boolean used,
                           @Nullable String note) {
    }

    /** A projected year: the forecast and its intervals (null where the backtest could not give one); baseline under a scenario. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String period, BigDecimal value, @Nullable BigDecimal lower80, @Nullable BigDecimal upper80,
                        @Nullable BigDecimal lower95, @Nullable BigDecimal upper95, @Nullable BigDecimal baseline) {
    }

    /**
     * The chosen method's rolling-origin backtest on this series: mean absolute error, mean absolute scaled error and
     * its MAE relative to carrying the last figure forward, over {@code origins} origins; per horizon; every candidate.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accuracy(@Nullable BigDecimal mae, @Nullable BigDecimal mase, @Nullable BigDecimal relativeToNaive, int origins,
                           int forecasts, List<HorizonAccuracy> horizons, List<Candidate> methods, String note) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HorizonAccuracy(int horizon, @Nullable BigDecimal mae, int forecasts) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String method, @Nullable BigDecimal mae, @Nullable BigDecimal mase, @Nullable BigDecimal relativeToNaive,
                            boolean chosen) {
    }

    /** The years used and, for a group, the years whose figure covers only some members. */
    @Serdeable
    public record Coverage(String first, String last, int years, List<String> partialYears, String note) {
    }

    /** The scenario applied, what it changes, and how its effect was computed. */
    @Serdeable
    public record AppliedScenario(UUID id, String name, String changes, String effect) {
    }
}
