package exchange.workforce.edge;

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
        JsonNode node = StrictNodes.expect(decoder, type, JsonNode::isString, "text in quotes");
        return node == null ? null : node.getStringValue();
    }

    @Override
    public boolean allowNull() {
        return true;
    }
}
