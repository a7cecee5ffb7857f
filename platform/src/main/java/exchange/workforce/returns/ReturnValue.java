package exchange.workforce.returns;

import exchange.workforce.measures.Symbol;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A stored figure: a number, or the symbol x (unavailable) or z (not applicable) in its place — never a zero. */
@Serdeable
public record ReturnValue(String measure, String breakdown, @Nullable BigDecimal value, @Nullable Symbol symbol) {
}
