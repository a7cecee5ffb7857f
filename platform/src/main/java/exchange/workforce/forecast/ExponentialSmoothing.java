package exchange.workforce.forecast;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * Simple exponential smoothing: each level is α of the new observation and 1 − α of the level before; the forecast is
 * the last level. Used inside {@link Theta}; its smoothing parameter is fitted by Brent's method on the sum of squared
 * one-step errors.
 */
final class ExponentialSmoothing {

    static final double LOWEST = 0.01;
    static final double HIGHEST = 0.99;

    private ExponentialSmoothing() {
    }

    /** The one-step forecasts: {@code forecasts[t]} is the forecast of {@code y[t]} made after {@code y[t - 1]}; [0] is the initial level. */
    static double[] forecasts(double[] y, double alpha, double initialLevel) {
        double[] forecasts = new double[y.length + 1];
        double level = initialLevel;
        for (int t = 0; t < y.length; t++) {
            forecasts[t] = level;
            level = alpha * y[t] + (1 - alpha) * level;
        }
        forecasts[y.length] = level;
        return forecasts;
    }

    /** The last level (the forecast for every period ahead) of the series smoothed from its first value. */
    static double level(double[] y, double alpha) {
        double[] f = forecasts(y, alpha, y[0]);
        return f[y.length];
    }

    /** The α in [0.01, 0.99] with the least sum of squared one-step errors, starting from the first value as level. */
    static double fitAlpha(double[] y) {
        UnivariateObjectiveFunction sse = new UnivariateObjectiveFunction(alpha -> {
            double[] f = forecasts(y, alpha, y[0]);
            double sum = 0;
            for (int t = 1; t < y.length; t++) {
                sum += (y[t] - f[t]) * (y[t] - f[t]);
            }
            return sum;
        });
        return new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(500), sse, GoalType.MINIMIZE,
                new SearchInterval(LOWEST, HIGHEST, 0.5)).getPoint();
    }
}
