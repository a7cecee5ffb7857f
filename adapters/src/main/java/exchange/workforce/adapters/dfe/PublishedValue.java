package exchange.workforce.adapters.dfe;

import java.math.BigDecimal;

/**
 * One published figure: a number, or one of DfE's symbols in its place, never both. A symbol is not a zero:
 * c suppressed, x unavailable, z not applicable, low rounds to zero but is not zero, u low reliability.
 */
public record PublishedValue(String measure, BigDecimal value, Symbol symbol) {

    public enum Symbol {
        c, x, z, low, u;

        static Symbol of(String text) {
            for (Symbol symbol : values()) {
                if (symbol.name().equals(text)) {
                    return symbol;
                }
            }
            return null;
        }
    }
}
