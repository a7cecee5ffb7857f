package exchange.workforce.forecast;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Additive damped trend exponential smoothing (Gardner and McKenzie, 1985): a level and a trend, each smoothed, the
 * trend shrunk by φ every period so that a long horizon does not extend a short run of growth for ever.
 * <pre>
 *   level(t) = α·y(t) + (1 − α)·(level(t−1) + φ·trend(t−1))
 *   trend(t) = β·(level(t) − level(t−1)) + (1 − β)·φ·trend(t−1)
 *   forecast(t + h) = level(t) + (φ + φ² + … + φ^h)·trend(t)
 * </pre>
 * With φ = 1 it is Holt's linear method. Fitted by BOBYQA on the sum of squared one-step errors with α and β in
 * [0.01, 0.99] and φ in [0.80, 0.98] (the range Hyndman and Athanasopoulos recommend); the level and trend start from
 * the first two observations.
 */
final class DampedTrend implements ForecastMethod {

    private static final double[] LOWER = {0.01, 0.01, 0.80};
    private static final double[] UPPER = {0.99, 0.99, 0.98};

    /** Levels and trends after each observation smoothed. */
    record Smoothed(double[] levels, double[] trends) {

        double lastLevel() {
            return levels[levels.length - 1];
        }

        double lastTrend() {
            return trends[trends.length - 1];
        }
    }

    @Override
    public String code() {
        return "damped-trend";
    }

    @Override
    public String description() {
        return "damped trend exponential smoothing: a smoothed level and a trend that fades year by year";
    }

    @Override
    public int minimumHistory() {
        return 4;
    }

    /** Smooths {@code y} from the given starting level and trend (the state before {@code y[0]}). */
    static Smoothed smooth(double[] y, double alpha, double beta, double phi, double level, double trend) {
        double[] levels = new double[y.length];
        double[] trends = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            double previous = level;
            level = alpha * y[t] + (1 - alpha) * (previous + phi * trend);
            trend = beta * (level - previous) + (1 - beta) * phi * trend;
            levels[t] = level;
            trends[t] = trend;
        }
        return new Smoothed(levels, trends);
    }

    /** Forecasts 1 … horizon ahead from a level and trend. */
    static double[] project(double level, double trend, double phi, int horizon) {
        double[] values = new double[horizon];
        double damping = 0;
        double power = 1;
        for (int h = 1; h <= horizon; h++) {
            power *= phi;
            damping += power;
            values[h - 1] = level + damping * trend;
        }
        return values;
    }

    @Override
    public Fitted fit(double[] history) {
        double[] rest = java.util.Arrays.copyOfRange(history, 2, history.length);
        double level = history[1];
        double trend = history[1] - history[0];
        double[] best = fitParameters(rest, level, trend);
        Smoothed smoothed = smooth(rest, best[0], best[1], best[2], level, trend);
        return new Fitted() {
            @Override
            public double[] forecast(int horizon) {
                return project(smoothed.lastLevel(), smoothed.lastTrend(), best[2], horizon);
            }

            @Override
            public String parameters() {
                return "α " + Format.number(best[0]) + ", β " + Format.number(best[1]) + ", φ " + Format.number(best[2]);
            }
        };
    }

    /**
     * α, β and φ by BOBYQA. On a flat objective (a series that does not move, say) BOBYQA can stop because no step
     * improves its model; the best point it evaluated is then the answer, as good as any it could find.
     */
    private static double[] fitParameters(double[] y, double level, double trend) {
        double[] bestSeen = {0.5, 0.1, 0.9};
        double[] leastSeen = {Double.MAX_VALUE};
        ObjectiveFunction sse = new ObjectiveFunction(p -> {
            double value = sumOfSquaredErrors(y, p[0], p[1], p[2], level, trend);
            if (value < leastSeen[0]) {
                leastSeen[0] = value;
                System.arraycopy(p, 0, bestSeen, 0, 3);
            }
            return value;
        });
        try {
            return new BOBYQAOptimizer(7, 0.05, 1e-6).optimize(new MaxEval(2_000), sse, GoalType.MINIMIZE,
                    new InitialGuess(new double[]{0.5, 0.1, 0.9}), new SimpleBounds(LOWER, UPPER)).getPoint();
        } catch (MathRuntimeException stalled) {
            return bestSeen.clone();
        }
    }

    static double sumOfSquaredErrors(double[] y, double alpha, double beta, double phi, double level, double trend) {
        double sum = 0;
        for (double observed : y) {
            double error = observed - (level + phi * trend);
            sum += error * error;
            double previous = level;
            level = alpha * observed + (1 - alpha) * (previous + phi * trend);
            trend = beta * (level - previous) + (1 - beta) * phi * trend;
        }
        return sum;
    }
}
