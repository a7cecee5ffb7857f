package exchange.workforce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several named series over the same years, laid out on the server for a template to draw as SVG lines, each with its
 * own dash pattern (told apart without colour) and a legend. Geometry only; the table beside it gives every figure.
 */
public record LinesChart(int width, int height, List<Line> lines, List<ForecastChart.Tick> xTicks, List<ForecastChart.Tick> yTicks,
                         int plotLeft, int plotBottom) {

    /** One series: its name, its points ("x,y x,y"), its dash pattern, and where its legend entry sits. */
    public record Line(String name, String points, String dash, int legendY) {
    }

    /** A series to draw: its name and a value a year (NaN for none). */
    public record Series(String name, double[] values) {
    }

    static final int WIDTH = 640;
    static final int LEFT = 80;
    static final int RIGHT = 20;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    static final int PLOT_HEIGHT = 240;
    static final int LEGEND_ROW = 22;
    private static final List<String> DASHES = List.of("", "8 5", "2 4", "12 4 2 4", "4 4", "16 6");

    public static LinesChart of(List<String> years, List<Series> series) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        int height = TOP + PLOT_HEIGHT + BOTTOM + LEGEND_ROW * series.size();
        if (years.isEmpty() || min > max) {
            return new LinesChart(WIDTH, height, List.of(), List.of(), List.of(), LEFT, TOP + PLOT_HEIGHT);
        }
        double pad = (max - min) * 0.08 + (max == min ? Math.max(1, Math.abs(max) * 0.05) : 0);
        double low = Math.max(0, min - pad);
        double high = max + pad;
        int count = years.size();
        int plot = WIDTH - LEFT - RIGHT;
        java.util.function.IntUnaryOperator x = i -> LEFT + (count == 1 ? plot / 2 : (int) Math.round((double) i * plot / (count - 1)));
        java.util.function.DoubleToIntFunction y = v -> TOP + (int) Math.round((high - v) / (high - low) * PLOT_HEIGHT);
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            double[] values = series.get(s).values();
            for (int i = 0; i < Math.min(count, values.length); i++) {
                if (Double.isFinite(values[i])) {
                    points.append(points.isEmpty() ? "" : " ").append(x.applyAsInt(i)).append(',').append(y.applyAsInt(values[i]));
                }
            }
            lines.add(new Line(series.get(s).name(), points.toString(), DASHES.get(s % DASHES.size()),
                    TOP + PLOT_HEIGHT + BOTTOM + LEGEND_ROW * s + 14));
        }
        List<ForecastChart.Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            xTicks.add(new ForecastChart.Tick(x.applyAsInt(i), years.get(i)));
        }
        List<ForecastChart.Tick> yTicks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double v = low + (high - low) * t / 4;
            yTicks.add(new ForecastChart.Tick(y.applyAsInt(v), String.format(Locale.UK, high - low < 10 ? "%,.1f" : "%,.0f", v)));
        }
        return new LinesChart(WIDTH, height, lines, xTicks, yTicks, LEFT, TOP + PLOT_HEIGHT);
    }
}
