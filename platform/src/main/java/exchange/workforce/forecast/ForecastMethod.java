package exchange.workforce.forecast;

/**
 * A way of projecting a yearly series from its own history. Each method is fitted to one series (its parameters
 * estimated from that history alone) and then projects the next values; the backtest decides which method a series
 * uses (see {@link MethodChoice}).
 */
interface ForecastMethod {

    /** The code the answers use: naive, drift, damped-trend, theta. */
    String code();

    /** What the method does, in words a planner reads next to its forecast. */
    String description();

    /** The fewest observations the method can be fitted to. */
    int minimumHistory();

    /** The method fitted to {@code history} (oldest first, no gaps; at least {@link #minimumHistory()} values). */
    Fitted fit(double[] history);

    /** A fitted method: its point forecasts for the next periods, and its parameters as read by a person. */
    interface Fitted {

        /** Forecasts for 1 … {@code horizon} periods after the last observation. */
        double[] forecast(int horizon);

        /** The fitted parameters, e.g. "α 0.42, β 0.10, φ 0.90"; empty for methods without any. */
        String parameters();
    }
}
