package exchange.workforce.forecast;

import org.hipparchus.stat.descriptive.rank.Median;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which method forecasts a measure at a level, how well that choice has done on years it had not seen, and how wide
 * its intervals must be, learnt from every area of the level at once (some 150 authorities, or the nine regions and
 * England): a handful of yearly figures per area is too few to choose a method or an interval from one series alone.
 *
 * <p><b>Rolling origins.</b> At each past origin o (every year from the third of the figures to the year before the
 * forecast's own origin) every candidate is fitted to every area's figures up to o and forecasts each area with a
 * figure at o one to three years ahead; each forecast is scored against what happened, up to the forecast's origin
 * and never after it. An error is scaled by the area's mean absolute year-on-year change up to o, so a county and a
 * small unitary count alike.
 *
 * <p><b>Choice.</b> At origin t the method with the lowest summed scaled error over the origins before t (and the
 * outcomes up to t) is chosen, if that is below carrying the last figure forward and rests on at least
 * {@link #LEAST_ORIGINS} origins; otherwise naive.
 *
 * <p><b>Track record, nested.</b> For each past origin o the method that would have been chosen at o (from the origins
 * before o only) and its errors at o: the forecasts the platform would have published then. If that record is not
 * better than naive's, the forecast is carried forward and says why.
 *
 * <p><b>Intervals.</b> The 80% and 95% conformal quantiles ({@link #conformal}) of the used method's scaled absolute
 * errors at each horizon, pooled over areas and origins, times the series' own scale; a horizon with fewer than {@link #LEAST_ERRORS} errors
 * takes the nearest shorter one's, widened by √(h ÷ k); never narrower than a nearer year's. The coverage shown is
 * nested too: at each past origin, the intervals as they would have been published then, against what happened.
 */
final class PooledBacktest {

    static final int HORIZONS = 3;
    /** The fewest figures up to an origin for an area to be forecast in the backtest. */
    static final int LEAST_HISTORY = 3;
    static final int LEAST_ORIGINS = 2;
    static final int LEAST_ERRORS = 10;
    static final double P80 = 80;
    static final double P95 = 95;

    static final List<PanelMethod> CANDIDATES = List.of(new CarriedForward(), new NationalTrend(), new Reversion(),
            new OwnSeries(new Drift()), new OwnSeries(new DampedTrend()), new OwnSeries(new Theta()));

    /** One backtest forecast: an area, its origin, years ahead, the method, what it said and what happened, and the area's scale then. */
    record Trial(String area, int origin, int horizon, String method, double forecast, double actual, double scale) {

        double error() {
            return actual - forecast;
        }

        /** The absolute error in the area's own year-on-year changes; NaN for an area that never changed. */
        double scaled() {
            return scale > 0 ? Math.abs(error()) / scale : Double.NaN;
        }
    }

    /** The method chosen at an origin, and why, in words. */
    record Chosen(PanelMethod method, String reason) {
    }

    /**
     * What the nested backtest says of the choices the platform would have made: mean absolute error, mean absolute
     * scaled error, both for naive on the same forecasts, their ratio, by horizon, and the intervals' coverage.
     */
    record Record(List<Trial> trials, List<Trial> naive, double mae, double mase, double naiveMae, double naiveMase,
                  double coverage80, double coverage95, int covered) {

        /** The chosen methods' scaled error relative to naive's on the same forecasts (below 1: better). */
        double relativeToNaive() {
            return naiveMase > 0 ? mase / naiveMase : Double.NaN;
        }

        int origins() {
            return (int) trials.stream().mapToInt(Trial::origin).distinct().count();
        }


        double mae(int h) {
            return trials.stream().filter(t -> t.horizon() == h).mapToDouble(t -> Math.abs(t.error())).average().orElse(Double.NaN);
        }

        int count(int h) {
            return (int) trials.stream().filter(t -> t.horizon() == h).count();
        }

        /** The forecasts of one area in the record, oldest first. */
        List<Trial> of(String area) {
            return trials.stream().filter(t -> t.area().equals(area)).toList();
        }
    }

    private final int origin;
    private final Map<String, PanelMethod> methods = new LinkedHashMap<>();
    private final Map<String, List<Trial>> trials = new HashMap<>();
    private final List<Integer> origins = new ArrayList<>();
    private final Map<String, SortedMap<Integer, Double>> panel;
    /** The nested track record, computed once when the backtest is run (a backtest is kept and read by many requests). */
    private Record record;

    private PooledBacktest(Map<String, SortedMap<Integer, Double>> panel, int origin) {
        this.origin = origin;
        this.panel = panel;
    }

    /** The backtest of every candidate on the panel's figures up to {@code origin}: nothing after it is read. */
    static PooledBacktest run(Map<String, ? extends SortedMap<Integer, Double>> published, int origin) {
        Map<String, SortedMap<Integer, Double>> upToOrigin = new TreeMap<>();
        published.forEach((area, years) -> {
            SortedMap<Integer, Double> seen = new TreeMap<>(years.headMap(origin + 1));
            if (!seen.isEmpty()) {
                upToOrigin.put(area, seen);
            }
        });
        PooledBacktest backtest = new PooledBacktest(upToOrigin, origin);
        CANDIDATES.forEach(m -> backtest.methods.put(m.code(), m));
        int first = upToOrigin.values().stream().mapToInt(SortedMap::firstKey).min().orElse(origin);
        for (int o = first + LEAST_HISTORY - 1; o < origin; o++) {
            backtest.origins.add(o);
            Map<String, SortedMap<Integer, Double>> seen = new TreeMap<>();
            for (var area : upToOrigin.entrySet()) {
                SortedMap<Integer, Double> years = area.getValue().headMap(o + 1);
                if (!years.isEmpty()) {
                    seen.put(area.getKey(), years);
                }
            }
            for (PanelMethod method : CANDIDATES) {
                PanelMethod.Fitted fitted = method.fit(seen.values());
                for (var area : seen.entrySet()) {
                    SortedMap<Integer, Double> history = area.getValue();
                    if (history.size() < 2 || history.lastKey() != o) {
                        continue;
                    }
                    double[] forecast = fitted.forecast(history, o, HORIZONS);
                    double scale = scale(history);
                    for (int h = 1; h <= HORIZONS && o + h <= origin; h++) {
                        Double actual = upToOrigin.get(area.getKey()).get(o + h);
                        if (actual != null && Double.isFinite(forecast[h - 1])) {
                            backtest.trials.computeIfAbsent(method.code(), k -> new ArrayList<>())
                                    .add(new Trial(area.getKey(), o, h, method.code(), forecast[h - 1], actual, scale));
                        }
                    }
                }
            }
        }
        backtest.record = backtest.nested();
        return backtest;
    }

    /** The mean absolute year-on-year change of a series' consecutive years: its own scale; NaN with no two consecutive years. */
    static double scale(SortedMap<Integer, Double> history) {
        double sum = 0;
        int n = 0;
        for (var year : history.entrySet()) {
            Double next = history.get(year.getKey() + 1);
            if (next != null) {
                sum += Math.abs(next - year.getValue());
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The scale of a series too short to have one: its last figure times the panel's median of scale ÷ level. */
    double scaleFor(SortedMap<Integer, Double> history) {
        double own = scale(history);
        if (Double.isFinite(own) && own > 0) {
            return own;
        }
        double[] relative = panel.values().stream().filter(s -> s.size() >= 2)
                .mapToDouble(s -> scale(s) / Math.abs(s.get(s.lastKey()))).filter(Double::isFinite).toArray();
        return relative.length == 0 ? Double.NaN : new Median().evaluate(relative) * Math.abs(history.get(history.lastKey()));
    }

    int origin() {
        return origin;
    }

    int areas() {
        return panel.size();
    }

    /** Whether an area is among those the backtest learnt from. */
    boolean includes(String area) {
        return panel.containsKey(area);
    }

    /** Every candidate's trials scored on the origins before {@code t} with outcomes up to {@code t}. */
    private List<Trial> before(String method, int t) {
        return trials.getOrDefault(method, List.of()).stream().filter(x -> x.origin() < t && x.origin() + x.horizon() <= t).toList();
    }

    private static double scaledSum(List<Trial> trials) {
        return trials.stream().mapToDouble(Trial::scaled).filter(Double::isFinite).sum();
    }

    /** Each candidate's summed scaled error relative to naive's, on the origins before {@code t}. */
    Map<String, Double> relativeAt(int t) {
        double naive = scaledSum(before(CarriedForward.CODE, t));
        Map<String, Double> relative = new LinkedHashMap<>();
        for (String code : methods.keySet()) {
            List<Trial> seen = before(code, t);
            relative.put(code, seen.isEmpty() || naive <= 0 ? Double.NaN : scaledSum(seen) / naive);
        }
        return relative;
    }

    /** The method the backtest chooses at origin t, from the origins before it only. */
    Chosen chosenAt(int t) {
        PanelMethod naive = methods.get(CarriedForward.CODE);
        long seenOrigins = before(CarriedForward.CODE, t).stream().mapToInt(Trial::origin).distinct().count();
        if (seenOrigins < LEAST_ORIGINS) {
            return new Chosen(naive, "only " + seenOrigins + " earlier origin" + (seenOrigins == 1 ? "" : "s") + " to test methods on; a "
                    + "method replaces carrying the last figure forward only when it beats it from " + LEAST_ORIGINS + " or more");
        }
        Map<String, Double> relative = relativeAt(t);
        String best = relative.entrySet().stream().filter(e -> Double.isFinite(e.getValue()))
                .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(CarriedForward.CODE);
        if (best.equals(CarriedForward.CODE) || !(relative.get(best) < 1)) {
            return new Chosen(naive, "no method beat carrying the last figure forward over " + seenOrigins + " origins and " + areas()
                    + " areas");
        }
        return new Chosen(methods.get(best), "lowest error over every area of this level: " + Format.number(relative.get(best))
                + " times naive's (scaled), over " + seenOrigins + " origins");
    }

    /** The nested track record: at each past origin, the method chosen then and its errors, beside naive's, with interval coverage. */
    Record record() {
        return record;
    }

    private Record nested() {
        List<Trial> chosen = new ArrayList<>();
        List<Trial> naive = new ArrayList<>();
        int covered = 0;
        int in80 = 0;
        int in95 = 0;
        for (int o : origins) {
            String code = chosenAt(o).method().code();
            int at = o;
            List<Trial> made = trials.getOrDefault(code, List.of()).stream().filter(x -> x.origin() == at).toList();
            chosen.addAll(made);
            naive.addAll(trials.getOrDefault(CarriedForward.CODE, List.of()).stream().filter(x -> x.origin() == at).toList());
            double[] q80 = quantiles(code, o, P80);
            double[] q95 = quantiles(code, o, P95);
            for (Trial trial : made) {
                double width80 = q80[trial.horizon() - 1] * trial.scale();
                double width95 = q95[trial.horizon() - 1] * trial.scale();
                if (Double.isFinite(width80) && Double.isFinite(width95)) {
                    covered++;
                    in80 += Math.abs(trial.error()) <= width80 ? 1 : 0;
                    in95 += Math.abs(trial.error()) <= width95 ? 1 : 0;
                }
            }
        }
        return new Record(chosen, naive, meanAbsolute(chosen), meanScaled(chosen), meanAbsolute(naive), meanScaled(naive),
                covered == 0 ? Double.NaN : (double) in80 / covered, covered == 0 ? Double.NaN : (double) in95 / covered, covered);
    }

    /**
     * The method to forecast with at the origin: the one chosen, unless the nested track record says choosing this way
     * did not beat naive on years it had not seen; then naive, saying so.
     */
    Chosen used() {
        Chosen chosen = chosenAt(origin);
        if (chosen.method().code().equals(CarriedForward.CODE)) {
            return chosen;
        }
        Record record = record();
        if (!(record.relativeToNaive() < 1)) {
            return new Chosen(methods.get(CarriedForward.CODE), chosen.method().code() + " did best in the backtest, but choosing "
                    + "that way did not beat carrying the last figure forward on the years it had not seen ("
                    + Format.number(record.relativeToNaive()) + " times naive's scaled error), so it is carried forward");
        }
        return chosen;
    }

    /**
     * The scaled half-widths at horizons 1 … horizon for a method at origin t, from its errors on origins before t
     * (outcomes up to t): the percentile of the scaled absolute errors per horizon; NaN where there are too few.
     */
    double[] quantiles(String method, int t, double percentile) {
        return quantiles(method, t, percentile, HORIZONS);
    }

    double[] quantiles(String method, int t, double percentile, int horizon) {
        List<Trial> seen = before(method, t);
        double[] own = new double[HORIZONS];
        for (int h = 1; h <= HORIZONS; h++) {
            int at = h;
            double[] scaled = seen.stream().filter(x -> x.horizon() == at).mapToDouble(Trial::scaled).filter(Double::isFinite).toArray();
            own[h - 1] = scaled.length < LEAST_ERRORS ? Double.NaN : conformal(scaled, percentile);
        }
        double[] widths = new double[horizon];
        double widest = Double.NaN;
        for (int h = 1; h <= horizon; h++) {
            double width = Double.NaN;
            for (int k = Math.min(h, HORIZONS); k >= 1; k--) {
                if (Double.isFinite(own[k - 1])) {
                    width = own[k - 1] * Math.sqrt((double) h / k);
                    break;
                }
            }
            widest = Double.isNaN(widest) ? width : Double.isNaN(width) ? widest : Math.max(widest, width);
            widths[h - 1] = widest;
        }
        return widths;
    }

    /** A candidate's mean absolute error over the origins before this backtest's origin. */
    double meanAbsolute(String method) {
        return meanAbsolute(before(method, origin));
    }

    /** A candidate's mean absolute scaled error over the origins before this backtest's origin. */
    double meanScaled(String method) {
        return meanScaled(before(method, origin));
    }

    /**
     * The split-conformal quantile of scaled absolute errors: the ⌈(n + 1) × p⌉-th smallest of n, so that a new error
     * exchangeable with them falls at or below it with probability at least p (Vovk, Gammerman and Shafer; Lei et al.
     * 2018). With few errors this is wider than the sample percentile, which covers less than it claims; NaN where n
     * is too few for p (the rank would exceed n).
     */
    static double conformal(double[] scaled, double percentile) {
        double[] sorted = scaled.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil((sorted.length + 1) * percentile / 100);
        return rank > sorted.length ? Double.NaN : sorted[rank - 1];
    }

    /** The candidates' backtest at the origin: each one's summed scaled error relative to naive's. */
    Map<String, Double> candidates() {
        return relativeAt(origin);
    }

    Collection<PanelMethod> methods() {
        return methods.values();
    }

    /** The method fitted to every area's figures up to the origin. */
    PanelMethod.Fitted fitted(PanelMethod method) {
        return method.fit(panel.values());
    }

    /** The origins the record covers, oldest first. */
    List<Integer> origins() {
        return List.copyOf(new TreeSet<>(origins));
    }

    private static double meanAbsolute(List<Trial> trials) {
        return trials.stream().mapToDouble(t -> Math.abs(t.error())).average().orElse(Double.NaN);
    }

    private static double meanScaled(List<Trial> trials) {
        return trials.stream().mapToDouble(Trial::scaled).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return "PooledBacktest to " + origin + " over " + areas() + " areas: " + methods.keySet().stream()
                .map(m -> m + " " + trials.getOrDefault(m, List.of()).size()).collect(Collectors.joining(", "));
    }
}
