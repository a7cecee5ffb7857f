package exchange.workforce.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.micronaut.http.HttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every answer the test client gets from an API operation is checked against the OpenAPI specification the service
 * publishes: the status must be one the operation documents, the content type one it lists for that status, and a JSON
 * body must match the schema. A test whose call gets an answer the specification does not describe fails, so the spec
 * cannot drift from what the service sends. (Requests are not checked: tests send wrong ones on purpose.)
 */
public final class SpecConformance {

    /** The specification micronaut-openapi writes at build time, as the service serves it. */
    static final String SPEC = "/META-INF/swagger/workforce-exchange-v1.yml";
    private static final OpenApiInteractionValidator VALIDATOR = validator();
    /** What the validator says of a request to a path or method the specification does not have. */
    private static final java.util.Set<String> NO_OPERATION = java.util.Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private SpecConformance() {
    }

    private static OpenApiInteractionValidator validator() {
        try (InputStream in = SpecConformance.class.getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException(SPEC + " is missing: the build writes it");
            }
            com.fasterxml.jackson.databind.JsonNode spec = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(in);
            nullableReferences(spec);
            return OpenApiInteractionValidator.createForInlineApiSpecification(spec.toString()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A property that may be null and is described by another schema is written, as micronaut-openapi writes it and
     * the OpenAPI Initiative advises for 3.0 (OAI/OpenAPI-Specification#1368), {@code nullable: true} beside
     * {@code allOf: [$ref]}. This validator reads {@code nullable} only beside a {@code type}, so for it each such
     * property becomes "the schema, or null" ({@code anyOf}); every other rule is read as written.
     */
    static void nullableReferences(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            com.fasterxml.jackson.databind.JsonNode allOf = object.get("allOf");
            if (object.path("nullable").asBoolean(false) && allOf != null && allOf.isArray() && allOf.size() == 1
                    && allOf.get(0).has("$ref") && !object.has("type")) {
                com.fasterxml.jackson.databind.node.ArrayNode anyOf = object.arrayNode();
                anyOf.add(allOf.get(0));
                anyOf.addObject().put("type", "object").put("nullable", true).put("maxProperties", 0);
                object.remove("allOf");
                object.set("anyOf", anyOf);
            }
        }
        node.forEach(SpecConformance::nullableReferences);
    }

    /** Checks one answer to one request; an API path only (pages are not in the specification). */
    static void check(HttpRequest<?> request, int status, String contentType, String body) {
        String path = request.getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        Request.Method method = Request.Method.valueOf(request.getMethodName().toUpperCase(Locale.ROOT));
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null) {
            response.withBody(body); // a file's body too: its schema is a string
        }
        ValidationReport report = VALIDATOR.validateResponse(path, method, response.build());
        if (!report.hasErrors() || report.getMessages().stream().anyMatch(m -> NO_OPERATION.contains(m.getKey()))) {
            return; // a path or method the service does not have (a test of 404 or 405): no operation to describe it
        }
        String said = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n  "));
        String mismatch = method + " " + path + " -> " + status + " " + contentType + "\n  " + said;
        if ("report".equals(System.getProperty("spec.conformance"))) {
            try {
                Files.writeString(Path.of("target", "spec-mismatches.txt"), mismatch + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError("The answer is not what the OpenAPI specification says: " + mismatch + "\nbody: "
                + (body == null ? "" : body.substring(0, Math.min(body.length(), 1500))));
    }
}
