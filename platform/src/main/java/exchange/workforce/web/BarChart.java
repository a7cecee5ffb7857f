package exchange.workforce.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, for a template to draw as SVG: one bar per member with a value, the
 * viewer's own bar marked, and a line at the group's headline. Geometry only; the words are the template's.
 */
public record BarChart(int width, int height, int labelWidth, List<Bar> bars, Integer headlineX, String headlineLabel) {

    /** Whether one of the bars is the viewer's own council's (a regional viewer has none). */
    public boolean hasYou() {
        return bars.stream().anyMatch(Bar::you);
    }

    /** One bar: where it is, its label and shown value, and whether it is the viewer's own or flagged. */
    public record Bar(int y, int barWidth, int labelY, String label, String value, boolean you, boolean flagged) {
    }

    /** An input row: a label, the value (null: not drawn), the value in words, and the marks. */
    public record Row(String label, BigDecimal value, String shown, boolean you, boolean flagged) {
    }

    static final int BAR = 22;
    static final int GAP = 6;
    static final int LABEL = 230;
    static final int PLOT = 330;
    static final int VALUE = 110;

    public static BarChart of(List<Row> rows, BigDecimal headline, String headlineLabel) {
        List<Row> drawn = rows.stream().filter(r -> r.value() != null && r.value().signum() >= 0).toList();
        BigDecimal max = drawn.stream().map(Row::value).reduce(headline == null ? BigDecimal.ZERO : headline, BigDecimal::max);
        if (max.signum() == 0) {
            max = BigDecimal.ONE;
        }
        List<Bar> bars = new ArrayList<>();
        int top = 30;
        for (int i = 0; i < drawn.size(); i++) {
            Row row = drawn.get(i);
            int y = top + i * (BAR + GAP);
            int width = row.value().multiply(BigDecimal.valueOf(PLOT)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(y, Math.max(width, 1), y + 16, row.label(), row.shown(), row.you(), row.flagged()));
        }
        Integer x = headline == null || headline.signum() < 0 ? null
                : LABEL + headline.multiply(BigDecimal.valueOf(PLOT)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        int height = top + drawn.size() * (BAR + GAP) + 10;
        return new BarChart(LABEL + PLOT + VALUE, height, LABEL, bars, x, headlineLabel);
    }
}
