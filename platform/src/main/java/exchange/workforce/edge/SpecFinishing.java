package exchange.workforce.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes into the OpenAPI spec micronaut-openapi generates what the edge does for every operation, which no
 * annotation can say once for all: the rate-limit headers on every answer ({@link RateLimitFilter}) and the 429 it may
 * give, the CORS header a named origin gets (config.Settings, WFX_CORS_ORIGINS), and the limits {@link InputLimits} and
 * the server enforce on every string, list and file taken in, where a feature declares none tighter. The build runs it
 * on the generated file before the tests and the jar see it ({@code platform/pom.xml}, exec-maven-plugin).
 */
public final class SpecFinishing {

    static final List<String> RATE_LIMIT_HEADERS = List.of(RateLimitFilter.LIMIT, RateLimitFilter.REMAINING, RateLimitFilter.RESET,
            RateLimitFilter.POLICY);
    static final String CORS = "Access-Control-Allow-Origin";
    static final String RETRY_AFTER = "Retry-After";

    private SpecFinishing() {
    }

    /** Finishes the spec file in place: its one argument is the file. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.writeString(file, finish(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    static String finish(String yaml) throws IOException {
        YAMLMapper mapper = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        ObjectNode spec = (ObjectNode) mapper.readTree(yaml);
        ObjectNode components = spec.with("components");
        headers(components.with("headers"));
        Set<String> limited = new HashSet<>();
        for (JsonNode path : iterable(spec.path("paths").elements())) {
            for (Map.Entry<String, JsonNode> operation : iterable(path.fields())) {
                if (!(operation.getValue() instanceof ObjectNode op) || !op.has("responses")) {
                    continue;
                }
                for (JsonNode parameter : op.path("parameters")) {
                    limitTakenIn(parameter.path("schema"), components, limited);
                }
                for (JsonNode media : iterable(op.path("requestBody").path("content").elements())) {
                    limitTakenIn(media.path("schema"), components, limited);
                }
                ObjectNode responses = (ObjectNode) op.get("responses");
                if (!responses.has("429")) {
                    ObjectNode tooMany = responses.putObject("429");
                    tooMany.put("description", "Too many requests from this caller this minute (TOO_MANY_REQUESTS): Retry-After says "
                            + "in how many seconds to send it again");
                    tooMany.putObject("content").putObject("application/problem+json").putObject("schema")
                            .put("$ref", "#/components/schemas/Problem");
                }
                for (Map.Entry<String, JsonNode> response : iterable(responses.fields())) {
                    ObjectNode headers = ((ObjectNode) response.getValue()).with("headers");
                    RATE_LIMIT_HEADERS.forEach(name -> headers.putObject(name).put("$ref", "#/components/headers/" + name));
                    headers.putObject(CORS).put("$ref", "#/components/headers/" + CORS);
                    if (response.getKey().equals("429") && !headers.has(RETRY_AFTER)) {
                        headers.putObject(RETRY_AFTER).put("$ref", "#/components/headers/" + RETRY_AFTER);
                    }
                }
            }
        }
        return mapper.writeValueAsString(spec);
    }

    /** The headers every API answer may carry, described once. */
    private static void headers(ObjectNode headers) {
        header(headers, RateLimitFilter.LIMIT, "Requests this caller (its token, or its address without one) may make to the API a minute on "
                + "this replica: 600 unless the operator set WFX_RATE_LIMIT_PER_MINUTE", integer(1, 1_000_000_000));
        header(headers, RateLimitFilter.REMAINING, "Requests this caller may still make before the minute ends", integer(0, 1_000_000_000));
        header(headers, RateLimitFilter.RESET, "Seconds until the minute ends and the allowance is whole again", integer(1, 60));
        header(headers, RateLimitFilter.POLICY, "The allowance as the IETF RateLimit headers draft writes it: requests;w=seconds",
                JsonNodes.object().put("type", "string").put("maxLength", 20).put("pattern", "^[0-9]{1,10};w=60$"));
        header(headers, RETRY_AFTER, "Seconds until the request may be sent again", integer(1, 86_400));
        header(headers, CORS, "Sent only when the request comes from a browser application at an origin the operator named in "
                + "WFX_CORS_ORIGINS, and then that origin; never otherwise, so no other site's script can read an answer",
                JsonNodes.object().put("type", "string").put("maxLength", 2048));
    }

    private static void header(ObjectNode headers, String name, String description, ObjectNode schema) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.set("schema", schema);
    }

    private static ObjectNode integer(long minimum, long maximum) {
        return JsonNodes.object().put("type", "integer").put("format", "int32").put("minimum", minimum).put("maximum", maximum);
    }

    /**
     * Every string, list and file the operation takes in gets the limit the edge enforces, unless its schema says a tighter
     * one (or an enum): text {@link InputLimits#MAX_TEXT_LENGTH} characters, lists {@link InputLimits#MAX_ITEMS} items, a
     * file or body {@link InputLimits#MAX_REQUEST_BYTES} bytes, dates and ids their own length.
     */
    private static void limitTakenIn(JsonNode schema, ObjectNode components, Set<String> limited) {
        if (!(schema instanceof ObjectNode node)) {
            if (schema != null && schema.isArray()) {
                schema.forEach(each -> limitTakenIn(each, components, limited));
            }
            return;
        }
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            String name = ref.substring("#/components/schemas/".length());
            if (limited.add(name)) {
                limitTakenIn(components.path("schemas").path(name), components, limited);
            }
        }
        String type = node.path("type").asText("");
        if (type.equals("string") && !node.has("maxLength") && !node.has("enum") && !node.has("const")) {
            node.put("maxLength", switch (node.path("format").asText("")) {
                case "binary" -> InputLimits.MAX_REQUEST_BYTES;
                case "date" -> 10;
                case "uuid" -> 36;
                default -> InputLimits.MAX_TEXT_LENGTH;
            });
        }
        if (type.equals("array") && !node.has("maxItems")) {
            node.put("maxItems", InputLimits.MAX_ITEMS);
        }
        for (JsonNode child : iterable(node.elements())) {
            limitTakenIn(child, components, limited);
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }

    /** Empty JSON objects to build on. */
    private static final class JsonNodes {
        static ObjectNode object() {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
    }
}
