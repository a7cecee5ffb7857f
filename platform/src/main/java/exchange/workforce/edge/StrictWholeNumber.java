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

/** Whole-number fields take whole JSON numbers only: 1.5 for a number of months is refused, not cut to 1. */
@Singleton
@Primary
public class StrictWholeNumber implements Deserializer<Integer> {

    @Override
    public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
        JsonNode node = StrictNodes.expect(decoder, type, JsonNode::isNumber, "a whole number");
        if (node == null) {
            return null;
        }
        BigDecimal value = new BigDecimal(node.getNumberValue().toString());
        try {
            return value.intValueExact();
        } catch (ArithmeticException notWhole) {
            throw new InputRefused(type.getName(), "The field '" + type.getName() + "' must be a whole number; "
                    + value.toPlainString() + " is not.");
        }
    }

    @Override
    public boolean allowNull() {
        return true;
    }
}
