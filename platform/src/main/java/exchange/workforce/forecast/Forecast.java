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
     * The track record of the way this forecast was made, out of sample and nested: at each past origin, the method the
     * platform would have chosen then (from every area of this level, using only the years before that origin) and
     * the errors of the forecasts it would have published, one to three years ahead, beside carrying the last figure
     * forward. {@code relativeToNaive} is the chosen methods' mean absolute scaled error over naive's on the same
     * forecasts (below 1: better); {@code coverage80} and {@code coverage95} are the shares of outcomes inside the
     * intervals as they would have been published then.
     *
     * @param pooledOver the areas the backtest learnt from and scored ("152 authorities", "9 regions and England")
     * @param track      per past origin and year forecast: the method then and its errors
     * @param thisArea   this area's own past forecasts in the record, each with what happened
     * @param methods    every candidate's backtest up to the origin, scaled error relative to naive's
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accuracy(@Nullable BigDecimal mae, @Nullable BigDecimal mase, @Nullable BigDecimal relativeToNaive, int origins,
                           int forecasts, List<HorizonAccuracy> horizons, List<Candidate> methods, String note, boolean outOfSample,
                           @Nullable BigDecimal coverage80, @Nullable BigDecimal coverage95, @Nullable String pooledOver,
                           List<TrackRecord> track, List<PastForecast> thisArea) {
    }

    /** The record at one horizon: the chosen methods' and naive's mean absolute error over the same forecasts. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HorizonAccuracy(int horizon, @Nullable BigDecimal mae, int forecasts, @Nullable BigDecimal naiveMae) {
    }

    /** How the way of forecasting did when the platform would have forecast {@code year} from {@code from}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackRecord(String from, String year, int horizon, String method, @Nullable BigDecimal mae, @Nullable BigDecimal naiveMae,
                              @Nullable BigDecimal relativeToNaive, int forecasts) {
    }

    /** One of this area's past forecasts in the record: from which year, for which, by which method, and what happened. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PastForecast(String from, String year, String method, @Nullable BigDecimal forecast, @Nullable BigDecimal actual) {
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
