package exchange.workforce.forecast;

import java.util.Collection;
import java.util.SortedMap;

/**
 * Half-way between carrying the last figure forward and its reversion towards the series' own average: each area's
 * departure from its own mean shrinks by φ a year, φ learnt from every area of the measure and level (the pooled
 * least-squares slope of next year's departure on this year's), and the forecast is the mean of that and the last
 * figure. Rates such as turnover wander around an authority's own level; one φ from all of them is steadier than
 * each series' own, and averaging with naive corrects the pull towards zero a slope from short series has.
 */
final class Reversion implements PanelMethod {

    static final String CODE = "reversion";
    /** The fewest figures a series needs for its own average to be worth reverting to. */
    static final int LEAST_FIGURES = 3;

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "half-way between the last figure and its reversion towards the area's own average, at the rate every area of "
                + "this level reverted (pooled)";
    }

    @Override
    public Fitted fit(Collection<? extends SortedMap<Integer, Double>> series) {
        double products = 0;
        double squares = 0;
        for (SortedMap<Integer, Double> one : series) {
            if (one.size() < LEAST_FIGURES) {
                continue;
            }
            double mean = mean(one);
            for (var year : one.entrySet()) {
                Double next = one.get(year.getKey() + 1);
                if (next != null) {
                    products += (year.getValue() - mean) * (next - mean);
                    squares += (year.getValue() - mean) * (year.getValue() - mean);
                }
            }
        }
        double phi = squares > 0 ? Math.max(0, Math.min(1, products / squares)) : 1;
        return new Fitted() {
            @Override
            public double[] forecast(SortedMap<Integer, Double> history, int origin, int horizon) {
                double last = history.get(history.lastKey());
                double mean = history.size() < LEAST_FIGURES ? last : mean(history);
                double[] values = new double[horizon];
                for (int h = 1; h <= horizon; h++) {
                    double reverted = mean + Math.pow(phi, PanelMethod.yearsAhead(history, origin, h)) * (last - mean);
                    values[h - 1] = (last + reverted) / 2;
                }
                return values;
            }

            @Override
            public String parameters() {
                return "φ " + Format.number(phi);
            }
        };
    }

    private static double mean(SortedMap<Integer, Double> series) {
        return series.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
