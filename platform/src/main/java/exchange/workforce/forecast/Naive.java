package exchange.workforce.forecast;

import java.util.Arrays;

/** The last value carried forward: the benchmark every other method must beat to be used. */
final class Naive implements ForecastMethod {

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
    public int minimumHistory() {
        return 1;
    }

    @Override
    public Fitted fit(double[] history) {
        double last = history[history.length - 1];
        return new Fitted() {
            @Override
            public double[] forecast(int horizon) {
                double[] values = new double[horizon];
                Arrays.fill(values, last);
                return values;
            }

            @Override
            public String parameters() {
                return "";
            }
        };
    }
}
