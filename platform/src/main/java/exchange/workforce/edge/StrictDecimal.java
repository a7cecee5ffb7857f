package exchange.workforce.edge;

import exchange.workforce.problem.InputRefused;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decimal fields (pay rates, caps, targets) take JSON numbers only, of at most 15 significant digits: {@code "36"}
 * where a number is expected is a mistake to report, not to read as 36, and a number of a million digits is refused
 * before anything computes with it.
 */
@Singleton
@Primary
public class StrictDecimal implements Deserializer<BigDecimal> {

    /** The most significant digits a decimal field takes (as many as a double holds exactly). */
    public static final int SIGNIFICANT_DIGITS = 15;

    @Override
    public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type) throws IOException {
        JsonNode node = StrictNodes.expect(decoder, type, JsonNode::isNumber, "a number (not in quotes)");
        if (node == null) {
            return null;
        }
        String text = node.getNumberValue().toString();
        BigDecimal value = text.length() > 40 ? null : new BigDecimal(text);
        if (value == null || value.precision() > SIGNIFICANT_DIGITS || Math.abs(value.scale()) > 40) {
            throw new InputRefused(type.getName(), "The field '" + type.getName() + "' has more than " + SIGNIFICANT_DIGITS
                    + " significant digits; give the figure as you would type it, e.g. 42.50.");
        }
        return value;
    }

    @Override
    public boolean allowNull() {
        return true;
    }
}
