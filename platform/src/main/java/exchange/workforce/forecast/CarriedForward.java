package exchange.workforce.forecast;

import java.util.Arrays;
import java.util.Collection;
import java.util.SortedMap;

/** The last figure carried forward (naive): the benchmark every other method must beat to be used. */
final class CarriedForward implements PanelMethod {

    static final String CODE = "naive";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "the last figure carried forward (naive)";
    }

    @Override
    public Fitted fit(Collection<? extends SortedMap<Integer, Double>> series) {
        return new Fitted() {
            @Override
            public double[] forecast(SortedMap<Integer, Double> history, int origin, int horizon) {
                double[] values = new double[horizon];
                Arrays.fill(values, history.get(history.lastKey()));
                return values;
            }

            @Override
            public String parameters() {
                return "";
            }
        };
    }
}
