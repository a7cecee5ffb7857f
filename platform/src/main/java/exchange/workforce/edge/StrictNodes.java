package exchange.workforce.edge;

import exchange.workforce.problem.InputRefused;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;

import java.io.IOException;
import java.util.function.Predicate;

/** What the strict deserializers share: read the value, let JSON null through, refuse a value of another kind by name. */
final class StrictNodes {

    private StrictNodes() {
    }

    /** The value at the decoder, or null for JSON null; refused, naming the field, if it is not what the field takes. */
    static JsonNode expect(Decoder decoder, Argument<?> field, Predicate<JsonNode> takes, String what) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (node.isNull()) {
            return null;
        }
        if (!takes.test(node)) {
            throw new InputRefused(field.getName(), "The field '" + field.getName() + "' must be " + what + ", not " + kind(node) + ".");
        }
        return node;
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "true or false";
        }
        return "text";
    }
}
