package exchange.workforce.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation: the method is fitted to the first four years, forecasts one to three years ahead, and is
 * compared with what happened; then to the first five years; and so on to the last year but one. Every forecast error
 * is made with data the method did not see.
 *
 * <ul>
 *   <li>MAE: the mean absolute error over every origin and horizon.</li>
 *   <li>MASE: each absolute error divided by the mean absolute year-on-year change of the history that origin saw
 *       (the in-sample error of the naive forecast), then averaged; below 1 beats a naive forecast made in-sample.</li>
 *   <li>Relative to naive: the method's MAE divided by the naive forecast's MAE on the same origins and horizons.</li>
 * </ul>
 */
final class Backtest {

    /** The first origin's history: four years. */
    static final int FIRST_ORIGIN = 4;
    /** Horizons tested: one to three years ahead. */
    static final int HORIZONS = 3;

    private Backtest() {
    }

    /** One method's backtest: its errors by horizon (index 0: one year ahead) and the summary figures. */
    record Accuracy(String method, int origins, List<List<Double>> errorsByHorizon, double mae, double mase) {

        int errors() {
            return errorsByHorizon.stream().mapToInt(List::size).sum();
        }

        /** The root mean square error at horizon h (1-based), or NaN where there is no error at h. */
        double rootMeanSquare(int h) {
            List<Double> errors = h <= errorsByHorizon.size() ? errorsByHorizon.get(h - 1) : List.of();
            return errors.isEmpty() ? Double.NaN : Math.sqrt(errors.stream().mapToDouble(e -> e * e).average().orElseThrow());
        }

        double meanAbsolute(int h) {
            List<Double> errors = h <= errorsByHorizon.size() ? errorsByHorizon.get(h - 1) : List.of();
            return errors.stream().mapToDouble(Math::abs).average().orElse(Double.NaN);
        }

        int count(int h) {
            return h <= errorsByHorizon.size() ? errorsByHorizon.get(h - 1).size() : 0;
        }
    }

    /** Whether a series is long enough to be backtested at all (one origin and one year after it). */
    static boolean possible(double[] y) {
        return y.length > FIRST_ORIGIN;
    }

    static Accuracy run(ForecastMethod method, double[] y) {
        List<List<Double>> errors = new ArrayList<>();
        for (int h = 0; h < HORIZONS; h++) {
            errors.add(new ArrayList<>());
        }
        double absolute = 0;
        double scaled = 0;
        int count = 0;
        int scaledCount = 0;
        int origins = 0;
        for (int origin = Math.max(FIRST_ORIGIN, method.minimumHistory()); origin < y.length; origin++) {
            double[] seen = java.util.Arrays.copyOf(y, origin);
            int horizon = Math.min(HORIZONS, y.length - origin);
            double[] forecast = method.fit(seen).forecast(horizon);
            double scale = naiveInSampleError(seen);
            origins++;
            for (int h = 1; h <= horizon; h++) {
                double error = y[origin + h - 1] - forecast[h - 1];
                errors.get(h - 1).add(error);
                absolute += Math.abs(error);
                count++;
                if (scale > 0) {
                    scaled += Math.abs(error) / scale;
                    scaledCount++;
                }
            }
        }
        return new Accuracy(method.code(), origins, errors, count == 0 ? Double.NaN : absolute / count,
                scaledCount == 0 ? Double.NaN : scaled / scaledCount);
    }

    /** The mean absolute year-on-year change: what a naive forecast one year ahead got wrong, on average, in-sample. */
    static double naiveInSampleError(double[] y) {
        double sum = 0;
        for (int t = 1; t < y.length; t++) {
            sum += Math.abs(y[t] - y[t - 1]);
        }
        return y.length < 2 ? Double.NaN : sum / (y.length - 1);
    }
}
