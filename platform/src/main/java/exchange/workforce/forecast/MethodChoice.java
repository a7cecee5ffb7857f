package exchange.workforce.forecast;

import java.util.Comparator;
import java.util.List;

/**
 * Which method a series uses, and how sure its forecast is. Every candidate is backtested on the series; the one with
 * the lowest mean absolute error is chosen, but only if it beats carrying the last figure forward, from at least two
 * origins: a method that does not beat naive on a series is not used for it. A series too short to backtest is forecast naively, and says so.
 *
 * <p>Prediction intervals come from the chosen method's own backtest errors, as a normal approximation: at horizon h,
 * the point ± z × the root mean square error of its h-year-ahead backtest forecasts (z 1.2816 for 80%, 1.96 for 95%).
 * Where fewer than two errors were seen at h, the nearest shorter horizon with two or more is used, widened by the
 * square root of the ratio of horizons. An interval is never narrower than a nearer year's: with a handful of errors
 * per horizon, a narrower band further ahead would be noise, not knowledge. With no horizon of two or more errors there
 * is no interval, and the answer says so.
 */
final class MethodChoice {

    static final List<ForecastMethod> CANDIDATES = List.of(new Naive(), new Drift(), new DampedTrend(), new Theta());
    /**
     * The fewest backtest origins on which a method may be preferred to naive. With one origin the choice rests on one
     * or two errors, and on DfE's data choosing from one origin did worse than naive on the years held out after it
     * (docs/forecasting.md).
     */
    static final int LEAST_ORIGINS = 2;
    static final double Z80 = 1.2816;
    static final double Z95 = 1.96;

    /** The chosen method fitted to the whole history, why it was chosen, and every candidate's backtest. */
    record Choice(ForecastMethod method, ForecastMethod.Fitted fitted, String reason, Backtest.Accuracy chosen,
                  Backtest.Accuracy naive, List<Backtest.Accuracy> candidates) {

        /** The half-width of the interval at horizon h for a z, or NaN where the backtest cannot give one. */
        double halfWidth(int h, double z) {
            if (chosen == null) {
                return Double.NaN;
            }
            double widest = Double.NaN;
            for (int ahead = 1; ahead <= h; ahead++) {
                double width = ownHalfWidth(ahead, z);
                widest = Double.isNaN(widest) ? width : Double.isNaN(width) ? widest : Math.max(widest, width);
            }
            return widest;
        }

        private double ownHalfWidth(int h, double z) {
            for (int k = h; k >= 1; k--) {
                if (chosen.count(k) >= 2) {
                    return z * chosen.rootMeanSquare(k) * Math.sqrt((double) h / k);
                }
            }
            return Double.NaN;
        }
    }

    private MethodChoice() {
    }

    static Choice choose(double[] y) {
        Naive naive = new Naive();
        if (!Backtest.possible(y)) {
            return new Choice(naive, naive.fit(y), "only " + y.length + " year" + (y.length == 1 ? "" : "s")
                    + " of figures: " + (Backtest.FIRST_ORIGIN + 1) + " are needed to test any method against carrying the "
                    + "last figure forward, so it is carried forward, with no interval", null, null, List.of());
        }
        List<Backtest.Accuracy> candidates = CANDIDATES.stream().filter(m -> y.length >= m.minimumHistory())
                .map(m -> Backtest.run(m, y)).toList();
        Backtest.Accuracy naiveAccuracy = candidates.stream().filter(a -> a.method().equals(Naive.CODE)).findFirst().orElseThrow();
        Backtest.Accuracy best = candidates.stream().filter(a -> Double.isFinite(a.mae()))
                .min(Comparator.comparingDouble(Backtest.Accuracy::mae)).orElse(naiveAccuracy);
        ForecastMethod method = CANDIDATES.stream().filter(m -> m.code().equals(best.method())).findFirst().orElseThrow();
        if (best.origins() < LEAST_ORIGINS) {
            return new Choice(naive, naive.fit(y), "only " + best.origins() + " backtest origin: a method replaces carrying the "
                    + "last figure forward only when it beats it from " + LEAST_ORIGINS + " or more origins, so it is carried forward",
                    naiveAccuracy, naiveAccuracy, candidates);
        }
        if (best.method().equals(Naive.CODE) || !(best.mae() < naiveAccuracy.mae())) {
            String reason = "no method beat carrying the last figure forward in the backtest of this series ("
                    + best.origins() + " origins), so it is carried forward";
            return new Choice(naive, naive.fit(y), reason, naiveAccuracy, naiveAccuracy, candidates);
        }
        String reason = "lowest mean absolute error in the backtest of this series: " + Format.number(best.mae()) + " against "
                + Format.number(naiveAccuracy.mae()) + " for carrying the last figure forward, over " + best.origins()
                + " origins and " + best.errors() + " forecasts one to three years ahead";
        return new Choice(method, method.fit(y), reason, best, naiveAccuracy, candidates);
    }
}
