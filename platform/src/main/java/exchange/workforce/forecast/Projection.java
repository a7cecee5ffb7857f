package exchange.workforce.forecast;

import exchange.workforce.benchmark.AreaSeries;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.util.ArrayList;
import java.util.List;

/**
 * One series projected from an origin: the unbroken run of yearly figures ending at the origin (nothing after it is
 * read), the method the backtest chose, its point forecasts and interval half-widths.
 *
 * @param used   the years fitted, oldest first
 * @param values the forecasts for origin + 1 … origin + horizon
 */
record Projection(AreaSeries series, String origin, List<AreaSeries.Year> used, MethodChoice.Choice choice, double[] values,
                  double[] half80, double[] half95) {

    static Projection of(AreaSeries series, String measureLabel, String origin, int horizon) {
        List<AreaSeries.Year> upToOrigin = series.years().stream().filter(y -> origin == null || y.period().compareTo(origin) <= 0).toList();
        AreaSeries.Year last = lastWithFigure(upToOrigin, origin, series, measureLabel);
        List<AreaSeries.Year> used = new ArrayList<>();
        int year = Integer.parseInt(last.period());
        for (int i = upToOrigin.indexOf(last); i >= 0; i--) {
            AreaSeries.Year y = upToOrigin.get(i);
            if (y.value() == null || Integer.parseInt(y.period()) != year) {
                break;
            }
            used.add(0, y);
            year--;
        }
        double[] history = used.stream().mapToDouble(y -> y.value().doubleValue()).toArray();
        MethodChoice.Choice choice = MethodChoice.choose(history);
        double[] values = choice.fitted().forecast(horizon);
        double[] half80 = new double[horizon];
        double[] half95 = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            half80[h - 1] = choice.halfWidth(h, MethodChoice.Z80);
            half95[h - 1] = choice.halfWidth(h, MethodChoice.Z95);
        }
        return new Projection(series, last.period(), used, choice, values, half80, half95);
    }

    private static AreaSeries.Year lastWithFigure(List<AreaSeries.Year> years, String origin, AreaSeries series, String measureLabel) {
        String latest = years.stream().filter(y -> y.value() != null).reduce((a, b) -> b).map(AreaSeries.Year::period).orElse(null);
        if (origin == null) {
            if (latest == null) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "area", "There are no figures of " + measureLabel + " for "
                        + series.name() + " to forecast from.");
            }
            return years.stream().filter(y -> y.period().equals(latest)).findFirst().orElseThrow();
        }
        AreaSeries.Year at = years.stream().filter(y -> y.period().equals(origin)).findFirst().orElse(null);
        if (at == null || at.value() == null) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "origin", "origin: there is no figure of " + measureLabel + " for "
                    + series.name() + " in " + origin + (at != null && at.note() != null ? " (" + at.note() + ")" : "")
                    + (latest == null ? "." : "; the latest year up to " + origin + " with one is " + latest + "."));
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
