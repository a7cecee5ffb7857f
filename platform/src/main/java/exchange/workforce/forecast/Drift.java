package exchange.workforce.forecast;

/**
 * The last value plus the average change over the whole history, per period ahead: the straight line from the first
 * observation through the last, extended (Hyndman and Athanasopoulos, Forecasting: Principles and Practice, 5.2).
 */
final class Drift implements ForecastMethod {

    @Override
    public String code() {
        return "drift";
    }

    @Override
    public String description() {
        return "the last figure plus the average yearly change since the first year (drift)";
    }

    @Override
    public int minimumHistory() {
        return 2;
    }

    @Override
    public Fitted fit(double[] history) {
        int n = history.length;
        double last = history[n - 1];
        double slope = (last - history[0]) / (n - 1);
        return new Fitted() {
            @Override
            public double[] forecast(int horizon) {
                double[] values = new double[horizon];
                for (int h = 1; h <= horizon; h++) {
                    values[h - 1] = last + h * slope;
                }
                return values;
            }

            @Override
            public String parameters() {
                return "average change " + Format.number(slope) + " a year";
            }
        };
    }
}
