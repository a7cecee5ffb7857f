package exchange.workforce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forecast laid out on the server for a template to draw as SVG: the observed years as a solid line, the forecast as
 * a dashed line from the last observed year, and its 95% and 80% intervals as shaded bands. Geometry only; the words,
 * and the table that gives every figure, are the template's.
 */
public record ForecastChart(int width, int height, String observed, String forecast, String band95, String band80,
                            List<Tick> xTicks, List<Tick> yTicks, int plotLeft, int plotBottom) {

    /** A labelled tick: where, and what it says. */
    public record Tick(int at, String label) {
    }

    /** A year of the chart: observed (no interval) or projected (with its intervals, which may be null). */
    public record Year(String label, double value, boolean projected, Double lower80, Double upper80, Double lower95, Double upper95) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 80;
    static final int RIGHT = 20;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    public static ForecastChart of(List<Year> years) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Year y : years) {
            for (Double v : new Double[]{y.value(), y.lower95(), y.upper95(), y.lower80(), y.upper80()}) {
                if (v != null && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (years.isEmpty() || min > max) {
            return new ForecastChart(WIDTH, HEIGHT, "", "", "", "", List.of(), List.of(), LEFT, HEIGHT - BOTTOM);
        }
        double pad = (max - min) * 0.08 + (max == min ? Math.max(1, Math.abs(max) * 0.05) : 0);
        double low = Math.max(0, min - pad);
        double high = max + pad;
        Scale scale = new Scale(years.size(), low, high);
        StringBuilder observed = new StringBuilder();
        StringBuilder forecast = new StringBuilder();
        List<String> upper95 = new ArrayList<>();
        List<String> lower95 = new ArrayList<>();
        List<String> upper80 = new ArrayList<>();
        List<String> lower80 = new ArrayList<>();
        int lastObserved = -1;
        for (int i = 0; i < years.size(); i++) {
            if (!years.get(i).projected()) {
                lastObserved = i;
                observed.append(observed.isEmpty() ? "" : " ").append(scale.point(i, years.get(i).value()));
            }
        }
        if (lastObserved >= 0) {
            Year anchor = years.get(lastObserved);
            forecast.append(scale.point(lastObserved, anchor.value()));
            for (List<String> side : List.of(upper95, lower95, upper80, lower80)) {
                side.add(scale.point(lastObserved, anchor.value()));
            }
        }
        for (int i = lastObserved + 1; i < years.size(); i++) {
            Year y = years.get(i);
            forecast.append(forecast.isEmpty() ? "" : " ").append(scale.point(i, y.value()));
            if (y.upper95() != null && y.lower95() != null && y.upper80() != null && y.lower80() != null) {
                upper95.add(scale.point(i, y.upper95()));
                lower95.add(scale.point(i, y.lower95()));
                upper80.add(scale.point(i, y.upper80()));
                lower80.add(scale.point(i, y.lower80()));
            }
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            xTicks.add(new Tick(scale.x(i), years.get(i).label()));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double v = low + (high - low) * t / 4;
            yTicks.add(new Tick(scale.y(v), String.format(Locale.UK, high - low < 10 ? "%,.1f" : "%,.0f", v)));
        }
        return new ForecastChart(WIDTH, HEIGHT, observed.toString(), forecast.toString(), band(upper95, lower95), band(upper80, lower80),
                xTicks, yTicks, LEFT, HEIGHT - BOTTOM);
    }

    private static String band(List<String> upper, List<String> lower) {
        if (upper.size() < 2) {
            return "";
        }
        List<String> outline = new ArrayList<>(upper);
        for (int i = lower.size() - 1; i >= 0; i--) {
            outline.add(lower.get(i));
        }
        return String.join(" ", outline);
    }

    private record Scale(int count, double low, double high) {

        int x(int index) {
            int plot = WIDTH - LEFT - RIGHT;
            return LEFT + (count == 1 ? plot / 2 : (int) Math.round((double) index * plot / (count - 1)));
        }

        int y(double value) {
            int plot = HEIGHT - TOP - BOTTOM;
            return TOP + (int) Math.round((high - value) / (high - low) * plot);
        }

        String point(int index, double value) {
            return x(index) + "," + y(value);
        }
    }
}
