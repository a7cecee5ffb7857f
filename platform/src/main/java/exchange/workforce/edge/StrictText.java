package exchange.workforce.edge;

import exchange.workforce.problem.InputRefused;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Text fields of request bodies take JSON strings only: {@code ["a"]} or {@code 7} where text is expected is
 * a mistake to report, not to coerce into "a" or "7".
 */
@Singleton
@Primary
public class StrictText implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InputRefused(type.getName(), "The field '" + type.getName() + "' must be text in quotes, not "
                    + kind(node) + ".");
        }
        return node.getStringValue();
    }

    @Override
    public boolean allowNull() {
        return true;
    }

    static String kind(JsonNode node) {
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
