package exchange.workforce.forecast;

import io.micronaut.core.annotation.Nullable;

/**
 * Which method a series is forecast with, and why: the one {@link PooledBacktest} uses for its measure and level at the
 * origin (chosen from every area of the level, kept only where that way of choosing beat naive on years it had not
 * seen), fitted to every area's figures up to the origin.
 *
 * @param backtest the pooled backtest behind the choice; null where there was none to run
 */
record MethodChoice(PanelMethod method, PanelMethod.Fitted fitted, String reason, @Nullable PooledBacktest backtest) {

    /** The method the backtest uses at its origin, fitted. */
    static MethodChoice of(PooledBacktest backtest) {
        PooledBacktest.Chosen used = backtest.used();
        return new MethodChoice(used.method(), backtest.fitted(used.method()), used.reason(), backtest);
    }

    /** The last figure carried forward, for a reason given, with no backtest (and so no interval). */
    static MethodChoice carriedForward(String reason) {
        CarriedForward naive = new CarriedForward();
        return new MethodChoice(naive, naive.fit(java.util.List.of()), reason, null);
    }
}
