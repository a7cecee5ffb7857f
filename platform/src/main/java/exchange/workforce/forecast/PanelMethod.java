package exchange.workforce.forecast;

import java.util.Collection;
import java.util.SortedMap;

/**
 * A way of projecting a yearly series that may learn from every series of the same measure and level (all
 * authorities, or the regions and England), not from one series alone. It is fitted to what every series showed up to
 * an origin, then projects any one series from its own figures up to that origin. A series may have gaps (a year
 * with no figure); its last figure may be before the origin.
 */
interface PanelMethod {

    /** The code the answers use: naive, national-trend, reversion, drift, damped-trend, theta. */
    String code();

    /** What the method does, in words a planner reads next to its forecast. */
    String description();

    /** The method fitted to every series' figures up to the origin (each series: year → figure, no year after the origin). */
    Fitted fit(Collection<? extends SortedMap<Integer, Double>> series);

    /** A fitted method: projects one series from its figures, and says what it learnt. */
    interface Fitted {

        /**
         * Forecasts for origin + 1 … origin + horizon of a series whose figures up to the origin are {@code history}
         * (at least one).
         */
        double[] forecast(SortedMap<Integer, Double> history, int origin, int horizon);

        /** The fitted parameters, e.g. "φ 0.62"; empty for methods without any. */
        String parameters();
    }

    /** Years from the series' last figure to origin + h: more than h where the series stops before the origin. */
    static int yearsAhead(SortedMap<Integer, Double> history, int origin, int h) {
        return origin + h - history.lastKey();
    }
}
