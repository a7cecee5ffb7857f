package exchange.workforce.forecast;

/**
 * The Theta method of Assimakopoulos and Nikolopoulos (2000), non-seasonal: the series is split into two "theta
 * lines", the straight line fitted by least squares (θ = 0) and the line with twice the series' curvature
 * (θ = 2: 2·y − the straight line). The first is extended; the second is forecast by simple exponential smoothing; the
 * forecast is their average. Hyndman and Billah (2003) showed this is simple exponential smoothing with a drift of half
 * the fitted slope.
 */
final class Theta implements ForecastMethod {

    @Override
    public String code() {
        return "theta";
    }

    @Override
    public String description() {
        return "the Theta method: the average of the fitted straight line extended and exponential smoothing of the "
                + "series with its curvature doubled";
    }

    @Override
    public int minimumHistory() {
        return 3;
    }

    /** Least-squares intercept and slope of y against t = 1 … n. */
    static double[] line(double[] y) {
        int n = y.length;
        double meanT = (n + 1) / 2.0;
        double meanY = java.util.Arrays.stream(y).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (int t = 1; t <= n; t++) {
            covariance += (t - meanT) * (y[t - 1] - meanY);
            variance += (t - meanT) * (t - meanT);
        }
        double slope = covariance / variance;
        return new double[]{meanY - slope * meanT, slope};
    }

    /** The θ = 2 line: 2·y(t) − (a + b·t). */
    static double[] thetaTwo(double[] y, double[] line) {
        double[] doubled = new double[y.length];
        for (int t = 1; t <= y.length; t++) {
            doubled[t - 1] = 2 * y[t - 1] - (line[0] + line[1] * t);
        }
        return doubled;
    }

    /** The forecasts with a given smoothing parameter for the θ = 2 line. */
    static double[] forecast(double[] y, double alpha, int horizon) {
        double[] line = line(y);
        double smoothed = ExponentialSmoothing.level(thetaTwo(y, line), alpha);
        double[] values = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            values[h - 1] = 0.5 * (line[0] + line[1] * (y.length + h)) + 0.5 * smoothed;
        }
        return values;
    }

    @Override
    public Fitted fit(double[] history) {
        double alpha = ExponentialSmoothing.fitAlpha(thetaTwo(history, line(history)));
        double slope = line(history)[1];
        return new Fitted() {
            @Override
            public double[] forecast(int horizon) {
                return Theta.forecast(history, alpha, horizon);
            }

            @Override
            public String parameters() {
                return "α " + Format.number(alpha) + ", fitted slope " + Format.number(slope) + " a year";
            }
        };
    }
}
