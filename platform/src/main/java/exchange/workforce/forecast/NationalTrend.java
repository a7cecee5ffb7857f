package exchange.workforce.forecast;

import org.hipparchus.stat.descriptive.rank.Median;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;

/**
 * The last figure moved by the typical year-on-year growth of every series of the measure and level: the median of
 * log(y[t+1] ÷ y[t]) over every area and every pair of consecutive years up to the origin. One growth rate learnt from
 * some 150 authorities' years is far steadier than each authority's own trend (drift), which follows its noise.
 */
final class NationalTrend implements PanelMethod {

    static final String CODE = "national-trend";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "the last figure moved by the median year-on-year growth of every area of this level (a pooled trend)";
    }

    @Override
    public Fitted fit(Collection<? extends SortedMap<Integer, Double>> series) {
        List<Double> growths = new ArrayList<>();
        for (SortedMap<Integer, Double> one : series) {
            for (var year : one.entrySet()) {
                Double next = one.get(year.getKey() + 1);
                if (next != null && year.getValue() > 0 && next > 0) {
                    growths.add(Math.log(next / year.getValue()));
                }
            }
        }
        double growth = growths.isEmpty() ? 0 : new Median().evaluate(growths.stream().mapToDouble(Double::doubleValue).toArray());
        return new Fitted() {
            @Override
            public double[] forecast(SortedMap<Integer, Double> history, int origin, int horizon) {
                double last = history.get(history.lastKey());
                double[] values = new double[horizon];
                for (int h = 1; h <= horizon; h++) {
                    values[h - 1] = last * Math.exp(growth * PanelMethod.yearsAhead(history, origin, h));
                }
                return values;
            }

            @Override
            public String parameters() {
                return "growth " + Format.number(100 * Math.expm1(growth)) + "% a year, the median of " + growths.size() + " year-on-year changes";
            }
        };
    }
}
