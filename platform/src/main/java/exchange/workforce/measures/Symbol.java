package exchange.workforce.measures;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Optional;

/**
 * What stands in a figure's place when there is no number, in DfE's symbols (its "Symbols used" guidance). A symbol
 * is never a number: {@code low} rounds to zero but is not zero, {@code c} hides a real count.
 */
@Serdeable
@Schema(name = "FigureSymbol") // not "Symbol", which a TypeScript client's model would shadow JavaScript's own with
public enum Symbol {
    /** c: suppressed to protect people in small numbers. */
    @JsonProperty("c")
    SUPPRESSED("c", "suppressed (small numbers)"),
    /** x: not available (not collected, not submitted, or not published). */
    @JsonProperty("x")
    UNAVAILABLE("x", "not available"),
    /** z: does not apply (no children's services, or a rate with a zero denominator). */
    @JsonProperty("z")
    NOT_APPLICABLE("z", "not applicable"),
    /** low: published by DfE as rounding to zero, which is not the same as zero. */
    @JsonProperty("low")
    LOW("low", "under 0.5"),
    /** u: DfE's mark of low reliability. */
    @JsonProperty("u")
    LOW_RELIABILITY("u", "low reliability");

    private final String code;
    private final String words;

    Symbol(String code, String words) {
        this.code = code;
        this.words = words;
    }

    /** As DfE writes it in a data file and as the API answers it: c, x, z, low or u. */
    public String code() {
        return code;
    }

    /** As a person reads it on a page. */
    public String words() {
        return words;
    }

    /** The symbol a code stands for, upper or lower case; empty for anything else (a number, a blank). */
    public static Optional<Symbol> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Symbol symbol : values()) {
            if (symbol.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(symbol);
            }
        }
        return Optional.empty();
    }

    /** The symbol a stored code stands for, or null where the column holds none. */
    public static Symbol stored(String code) {
        return code == null ? null : of(code).orElseThrow(() -> new IllegalStateException("not a symbol: " + code));
    }

    /** The code to store, or null for no symbol. */
    public static String codeOf(Symbol symbol) {
        return symbol == null ? null : symbol.code;
    }

    /** Whether a council may give this symbol in a return: only x and z; c and low are DfE's to publish. */
    public boolean givenByCouncils() {
        return this == UNAVAILABLE || this == NOT_APPLICABLE;
    }
}
