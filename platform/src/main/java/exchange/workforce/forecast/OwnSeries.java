package exchange.workforce.forecast;

import java.util.Collection;
import java.util.SortedMap;

/**
 * A method that learns from one series alone (drift, damped trend, theta), fitted to the series' unbroken run of
 * years ending at its last figure. A run shorter than the method needs is carried forward, as the platform would
 * forecast it, so the pooled backtest scores what would have been published.
 */
final class OwnSeries implements PanelMethod {

    private final ForecastMethod method;

    OwnSeries(ForecastMethod method) {
        this.method = method;
    }

    @Override
    public String code() {
        return method.code();
    }

    @Override
    public String description() {
        return method.description() + ", fitted to each area's own years";
    }

    @Override
    public Fitted fit(Collection<? extends SortedMap<Integer, Double>> series) {
        return new Fitted() {
            @Override
            public double[] forecast(SortedMap<Integer, Double> history, int origin, int horizon) {
                int last = history.lastKey();
                int first = last;
                while (history.containsKey(first - 1)) {
                    first--;
                }
                double[] run = new double[last - first + 1];
                for (int year = first; year <= last; year++) {
                    run[year - first] = history.get(year);
                }
                int ahead = PanelMethod.yearsAhead(history, origin, horizon);
                double[] projected = new double[ahead];
                if (run.length >= Math.max(method.minimumHistory(), 2)) {
                    projected = method.fit(run).forecast(ahead);
                } else {
                    java.util.Arrays.fill(projected, run[run.length - 1]);
                }
                return java.util.Arrays.copyOfRange(projected, ahead - horizon, ahead);
            }

            @Override
            public String parameters() {
                return "fitted to each area's own years";
            }
        };
    }
}
