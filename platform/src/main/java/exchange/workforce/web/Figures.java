package exchange.workforce.web;

import exchange.workforce.measures.Symbol;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Figures in words a person reads: units shown, thousands separated, and a symbol said in full, never as a number. */
public final class Figures {

    private Figures() {
    }

    /** Units DfE publishes to one decimal place, shown so whatever the figure's own precision. */
    static final java.util.Set<String> ONE_DECIMAL = java.util.Set.of("percent", "ratio", "fte", "per-10000-children", "months");

    public static String format(String unit, BigDecimal value, Symbol symbol) {
        if (value == null) {
            return symbol(symbol);
        }
        NumberFormat number = NumberFormat.getNumberInstance(Locale.UK);
        number.setMinimumFractionDigits(Math.min(Math.max(value.scale(), 0), 2));
        number.setMaximumFractionDigits(Math.max(Math.max(value.scale(), 0), 0));
        if (unit != null && ONE_DECIMAL.contains(unit)) { // rates, ratios and FTEs to one decimal place, as DfE publishes them: 12.0%, never 12% beside 9.60%
            value = value.setScale(1, java.math.RoundingMode.HALF_UP);
            number.setMinimumFractionDigits(1);
            number.setMaximumFractionDigits(1);
        }
        if ("pounds".equals(unit)) { // money is whole pounds or pounds and pence: £198,763.50, never £198,763.5
            boolean pence = value.stripTrailingZeros().scale() > 0;
            number.setMinimumFractionDigits(pence ? 2 : 0);
            number.setMaximumFractionDigits(pence ? 2 : 0);
        }
        String text = number.format(value);
        return switch (unit == null ? "" : unit) {
            case "percent" -> text + "%";
            case "pounds" -> "£" + text;
            case "fte" -> text + " FTE";
            case "per-10000-children" -> text + " per 10,000 children";
            case "days" -> text + (value.compareTo(BigDecimal.ONE) == 0 ? " day" : " days");
            case "months" -> text + (value.compareTo(BigDecimal.ONE) == 0 ? " month" : " months");
            default -> text;
        };
    }

    /** DfE's symbols (and the platform's) in words; no symbol and no number is "not available". */
    public static String symbol(Symbol symbol) {
        return (symbol == null ? Symbol.UNAVAILABLE : symbol).words();
    }
}
