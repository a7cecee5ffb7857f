package exchange.workforce.forecast;

import exchange.workforce.benchmark.AreaSeries;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One series projected from an origin: every year up to the origin with a figure that covers the whole area (nothing
 * after the origin is read; a year with no figure is a gap the method bridges, never a reason to drop the years
 * before it; a group's year that covers only some members is not the group's and is left out), the method the pooled
 * backtest of its measure and level uses, its point forecasts and interval half-widths.
 *
 * @param used   the years fitted, oldest first
 * @param values the forecasts for origin + 1 … origin + horizon
 */
record Projection(AreaSeries series, String origin, List<AreaSeries.Year> used, MethodChoice choice, double[] values,
                  double[] half80, double[] half95) {

    /**
     * @param backtests the pooled backtest of the series' measure and level for an origin year (every area's
     *                  published figures up to it)
     */
    static Projection of(AreaSeries series, String measureLabel, String origin, int horizon, IntFunction<PooledBacktest> backtests) {
        List<AreaSeries.Year> upToOrigin = series.years().stream().filter(y -> origin == null || y.period().compareTo(origin) <= 0).toList();
        AreaSeries.Year last = lastWithFigure(upToOrigin, origin, series, measureLabel);
        List<AreaSeries.Year> used = upToOrigin.stream().filter(Projection::usable).filter(y -> y.period().compareTo(last.period()) <= 0).toList();
        SortedMap<Integer, Double> history = new TreeMap<>();
        used.forEach(y -> history.put(Integer.parseInt(y.period()), y.value().doubleValue()));
        int at = Integer.parseInt(last.period());
        PooledBacktest backtest = backtests.apply(at);
        MethodChoice choice = MethodChoice.of(backtest);
        double[] values = choice.fitted().forecast(history, at, horizon);
        double scale = backtest.scaleFor(history);
        double[] q80 = backtest.quantiles(choice.method().code(), at, PooledBacktest.P80, horizon);
        double[] q95 = backtest.quantiles(choice.method().code(), at, PooledBacktest.P95, horizon);
        double[] half80 = new double[horizon];
        double[] half95 = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            half80[h - 1] = q80[h - 1] * scale;
            half95[h - 1] = q95[h - 1] * scale;
        }
        return new Projection(series, last.period(), used, choice, values, half80, half95);
    }

    /** A year the forecast may use: a figure that covers the whole area (a group's partial recomputation is not the group's). */
    static boolean usable(AreaSeries.Year year) {
        return year.value() != null && !year.partial();
    }

    private static AreaSeries.Year lastWithFigure(List<AreaSeries.Year> years, String origin, AreaSeries series, String measureLabel) {
        String latest = years.stream().filter(Projection::usable).reduce((a, b) -> b).map(AreaSeries.Year::period).orElse(null);
        if (origin == null) {
            if (latest == null) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "area", "There are no figures of " + measureLabel + " for "
                        + series.name() + " to forecast from.");
            }
            return years.stream().filter(y -> y.period().equals(latest)).findFirst().orElseThrow();
        }
        AreaSeries.Year at = years.stream().filter(y -> y.period().equals(origin)).findFirst().orElse(null);
        if (at == null || !usable(at)) {
            String why = at == null ? "" : at.partial() ? " (the figure covers only part of the group: " + at.note() + ")"
                    : at.note() != null ? " (" + at.note() + ")" : "";
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "origin", "origin: there is no figure of " + measureLabel + " for "
                    + series.name() + " in " + origin + why + (latest == null ? "." : "; the latest year up to " + origin + " with one is " + latest + "."));
        }
        return at;
    }

    String period(int h) {
        return String.valueOf(Integer.parseInt(origin) + h);
    }

    double last() {
        return used.get(used.size() - 1).value().doubleValue();
    }

    /** The figure of a used year, or NaN where the year was not used. */
    double at(String period) {
        return used.stream().filter(y -> y.period().equals(period)).findFirst().map(y -> y.value().doubleValue()).orElse(Double.NaN);
    }

    /** The figure of a year: observed up to the origin, projected after it (NaN beyond the horizon or before the run). */
    double observedOrProjected(String period) {
        int offset = Integer.parseInt(period) - Integer.parseInt(origin);
        return offset <= 0 ? at(period) : offset <= values.length ? values[offset - 1] : Double.NaN;
    }
}
