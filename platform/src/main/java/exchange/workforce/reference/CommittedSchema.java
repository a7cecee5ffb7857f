package exchange.workforce.reference;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A committed JSON Schema from schemas/json, executed against a request body: the file is the rule, so changing a
 * rule there changes the platform's answer with no Java change. What JSON Schema cannot state (one date before another,
 * a date not in the future) stays in {@link ReferenceTemplatePolicy}. Each broken rule is named by its field in the
 * body's own words, with what would be valid; a value typed is never echoed back except a code from a list, since a
 * body may carry a registration number.
 */
final class CommittedSchema {

    static final String REFERENCE_TEMPLATE = "/contracts/json/reference-template-1.0.schema.json";
    static final String PLACEMENT_REVIEW = "/contracts/json/placement-review-1.0.schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;
    private final String text;

    private CommittedSchema(Schema schema, String text) {
        this.schema = schema;
        this.text = text;
    }

    /** The schema packaged by the schemas module (its classpath resource). */
    static CommittedSchema load(String resource) {
        try (InputStream in = CommittedSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the schemas module packages schemas/json");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema from its text. */
    static CommittedSchema of(String schemaText) {
        return new CommittedSchema(REGISTRY.getSchema(schemaText, InputFormat.JSON), schemaText);
    }

    /**
     * The values the schema allows for a property, by its path of property names ("practice", "recording"), in the
     * schema's order: what a page offers is what the file allows, so changing the file changes the page too.
     */
    List<String> allowed(String... path) {
        try {
            JsonNode node = JsonMapper.createDefault().readValue(text, JsonNode.class);
            for (String name : path) {
                JsonNode properties = node.get("properties");
                node = properties == null ? null : properties.get(name);
                if (node == null) {
                    throw new IllegalArgumentException("the schema has no property " + String.join(".", path));
                }
            }
            JsonNode values = node.get("enum");
            if (values == null || !values.isArray()) {
                throw new IllegalArgumentException("the schema lists no values for " + String.join(".", path));
            }
            List<String> allowed = new ArrayList<>();
            values.values().forEach(v -> allowed.add(v.getStringValue()));
            return List.copyOf(allowed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule of the schema the body breaks, as violations naming the field; none if it keeps them all. */
    List<Problem.Violation> check(Object body, JsonMapper json) {
        String instance;
        try {
            instance = json.writeValueAsString(withoutNulls(json.writeValueToTree(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Problem.Violation> violations = new LinkedHashMap<>();
        for (Error error : schema.validate(instance, InputFormat.JSON, context -> context.executionConfig(
                config -> config.formatAssertionsEnabled(true)))) {
            String field = field(error);
            violations.putIfAbsent(field, new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field, null, null,
                    field + ": " + words(error)));
        }
        return new ArrayList<>(violations.values());
    }

    /** Absent and null are one thing to a council officer: "not given". */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> kept = new LinkedHashMap<>();
            node.entries().forEach(e -> {
                if (!e.getValue().isNull()) {
                    kept.put(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return JsonNode.createObjectNode(kept);
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.values().forEach(v -> items.add(withoutNulls(v)));
            return JsonNode.createArrayNode(items);
        }
        return node;
    }

    /** The body's field the error is about: its location, and for a missing one the property it lacks. */
    private static String field(Error error) {
        NodePath at = error.getInstanceLocation();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + index + "]");
            } else {
                parts.add(String.valueOf(element));
            }
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            parts.add(error.getProperty());
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    /** The rule in words a person acts on. */
    private static String words(Error error) {
        Object[] arguments = error.getArguments() == null ? new Object[0] : error.getArguments();
        return switch (error.getKeyword()) {
            case "required" -> "is required";
            case "enum" -> "is not allowed: use one of " + allowed(arguments);
            case "minLength", "pattern" -> "must be given, not left blank" + ("pattern".equals(error.getKeyword())
                    && error.getInstanceLocation().toString().contains("registrationNumber")
                    ? " and be a Social Work England registration number: SW followed by its digits, e.g. SW123456" : "");
            case "maxLength" -> "is too long: at most " + first(arguments) + " characters";
            case "format" -> "give a date as YYYY-MM-DD";
            case "type" -> "must be " + first(arguments);
            default -> error.getMessage();
        };
    }

    private static String allowed(Object[] arguments) {
        String listed = arguments.length == 0 ? "" : String.valueOf(arguments[0]);
        return Arrays.stream(listed.replaceAll("[\\[\\]\"]", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }

    private static String first(Object[] arguments) {
        return arguments.length == 0 ? "" : String.valueOf(arguments[arguments.length - 1]);
    }
}
