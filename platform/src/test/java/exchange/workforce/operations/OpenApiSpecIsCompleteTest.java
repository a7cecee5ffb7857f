package exchange.workforce.operations;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client generator and an integrator need of the spec the code generates: a server; tags; one meaningful,
 * unique operationId per operation (no generator-made "_1" suffix, none a generated client's own method name); every
 * operation's problem responses as application/problem+json; the status codes the service really answers; CSV, Excel
 * and PDF answers declared as such.
 */
class OpenApiSpecIsCompleteTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec() throws IOException {
        try (InputStream in = OpenApiSpecIsCompleteTest.class.getResourceAsStream("/META-INF/swagger/workforce-exchange-v1.yml")) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void everyOperationHasAMeaningfulUniqueIdAndItsProblemResponses() throws IOException {
        Map<String, Object> spec = spec();
        assertFalse(((List<?>) spec.get("servers")).isEmpty(), "a server entry");
        assertFalse(((List<?>) spec.get("tags")).isEmpty(), "global tags");
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
            if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            Map<String, Object> operation = map(op);
            String id = String.valueOf(operation.get("operationId"));
            if (!ids.add(id) || id.matches(".*_[0-9]+$") || List.of("request", "configuration", "fetchApi").contains(id)) {
                problems.add(method + " " + path + ": operationId " + id);
            }
            Map<String, Object> responses = map(operation.get("responses"));
            for (String status : List.of("401", "403", "422", "500")) {
                Object response = responses.get(status);
                if (response == null || !map(map(response).get("content")).containsKey("application/problem+json")) {
                    problems.add(method + " " + path + ": no " + status + " problem response");
                }
            }
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void theStatusCodesAndMediaTypesAreTheOnesTheServiceAnswers() throws IOException {
        Map<String, Object> paths = map(spec().get("paths"));
        assertTrue(map(map(map(paths.get("/api/v1/returns")).get("post")).get("responses")).containsKey("201"), "a stored return answers 201");
        assertEquals(Set.of("text/csv"), content(paths, "/api/v1/agency/returns/{quarter}.csv").keySet());
        assertTrue(content(paths, "/api/v1/benchmarks").containsKey("text/csv"), "format=csv answers text/csv");
        assertTrue(content(paths, "/api/v1/references/requests/{id}/reference/export").containsKey("application/pdf"));
        assertEquals(Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                content(paths, "/api/v1/returns/templates/{periodType}.xlsx").keySet(), "each format of a template is an operation of its own");
        assertEquals(Set.of("text/csv"), content(paths, "/api/v1/returns/templates/{periodType}.csv").keySet());
        assertEquals(Set.of("text/csv"), content(paths, "/api/v1/benchmarks/export.csv").keySet(), "a client generated from the spec gets CSV");
        assertEquals(Set.of("application/pdf"), content(paths, "/api/v1/references/requests/{id}/reference/export.pdf").keySet());
        assertEquals("object", map(content(paths, "/api/v1/measures").get("application/json")).get("schema") instanceof Map<?, ?> s ? s.get("type") : null,
                "the catalogue is JSON, not bytes");
    }

    @Test
    void aProblemRequiresOnlyWhatEveryProblemHas() throws IOException {
        Map<String, Object> problem = map(map(map(spec().get("components")).get("schemas")).get("Problem"));
        assertEquals(List.of("code", "detail", "requestId", "status", "title", "type"), problem.get("required"),
                "field and errors are absent when they do not apply: a strict client must not expect them");
    }

    @Test
    void everyCodeIsAnEnumAClientCanCheck() throws IOException {
        Map<String, Object> spec = spec();
        Map<String, Object> schemas = map(map(spec.get("components")).get("schemas"));
        assertEquals(List.of("c", "x", "z", "low", "u"), map(schemas.get("FigureSymbol")).get("enum"), "DfE's symbols, as written");
        assertEquals(List.of("MONTH", "QUARTER", "CENSUS_YEAR"), map(schemas.get("PeriodType")).get("enum"));
        assertEquals(List.of("return", "dfe", "computed", "none"), map(schemas.get("FigureSource")).get("enum"));
        Map<String, String> codes = Map.of("periodType", "PeriodType", "symbol", "FigureSymbol", "fromSymbol", "FigureSymbol", "toSymbol", "FigureSymbol",
                "roles", "Role");
        List<String> loose = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Object> schema : schemas.entrySet()) {
            Object properties = map(schema.getValue()).get("properties");
            for (Map.Entry<String, Object> property : properties == null ? Set.<Map.Entry<String, Object>>of() : map(properties).entrySet()) {
                String wanted = codes.get(property.getKey());
                if (wanted != null) {
                    checked++;
                    if (!refersTo(map(property.getValue()), wanted)) {
                        loose.add(schema.getKey() + "." + property.getKey() + " is not " + wanted);
                    }
                }
            }
        }
        for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
            for (Object operation : map(path.getValue()).values()) {
                Object parameters = operation instanceof Map<?, ?> op ? op.get("parameters") : null;
                for (Object parameter : parameters == null ? List.of() : (List<?>) parameters) {
                    if ("periodType".equals(map(parameter).get("name"))) {
                        checked++;
                        if (!refersTo(map(map(parameter).get("schema")), "PeriodType")) {
                            loose.add(path.getKey() + " ?periodType is not PeriodType");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), loose);
        assertTrue(checked > 20, "the walk found the codes (" + checked + ")");
        assertTrue(refersTo(map(map(map(schemas.get("MeasureBenchmark.Member")).get("properties")).get("source")), "FigureSource"));
        assertTrue(refersTo(map(map(map(schemas.get("SubmissionWindows.MemberStatus")).get("properties")).get("status")), "SubmissionStatus"));
        assertTrue(refersTo(map(map(map(schemas.get("ReferenceRequest")).get("properties")).get("status")), "RequestStatus"));
    }

    @Test
    void aReturnsBodySaysWhatItNeedsWithExamplesAsDoesTheBenchmarkQuery() throws IOException {
        Map<String, Object> spec = spec();
        Map<String, Object> schemas = map(map(spec.get("components")).get("schemas"));
        Map<String, Object> body = map(schemas.get("ReturnController.ReturnBody"));
        assertEquals(List.of("period", "periodType", "values"), body.get("required"));
        Map<String, Object> figure = map(schemas.get("ReturnController.Figure"));
        assertEquals(List.of("measure", "value"), figure.get("required"));
        for (Map<String, Object> schema : List.of(body, figure)) {
            map(schema.get("properties")).forEach((name, property) -> {
                if (!List.of("periodType", "values").contains(name)) {
                    assertTrue(map(property).containsKey("example"), name + " has an example");
                }
            });
        }
        assertEquals("string", map(map(figure.get("properties")).get("value")).get("type"), "a figure is sent as text: a number, x or z");
        List<?> parameters = (List<?>) map(map(map(spec.get("paths")).get("/api/v1/benchmarks")).get("get")).get("parameters");
        for (Object parameter : parameters) {
            if (!"format".equals(map(parameter).get("name"))) {
                assertTrue(map(parameter).containsKey("example"), map(parameter).get("name") + " has an example");
            }
        }
    }

    /**
     * The reference template and placement review bodies are judged by the committed JSON Schemas; the spec lists the
     * same allowed values for each of their enumerated answers, so an integrator's client offers exactly what the
     * platform accepts. A schema file changed without the spec fails here.
     */
    @Test
    void theSpecOffersExactlyTheAnswersTheCommittedSchemasAccept() throws IOException {
        Map<String, Object> schemas = map(map(spec().get("components")).get("schemas"));
        int compared = 0;
        for (Map.Entry<String, String> file : Map.of("/contracts/json/reference-template-1.0.schema.json", "ReferenceTemplate",
                "/contracts/json/placement-review-1.0.schema.json", "PlacementReview").entrySet()) {
            Map<String, Object> committed;
            try (InputStream in = OpenApiSpecIsCompleteTest.class.getResourceAsStream(file.getKey())) {
                committed = new Yaml().load(in);
            }
            List<List<String>> paths = new ArrayList<>();
            enumPaths(committed, new ArrayList<>(), paths);
            for (List<String> path : paths) {
                Map<String, Object> property = map(schemas.get(file.getValue()));
                for (String name : path) {
                    property = resolve(schemas, map(map(property.get("properties")).get(name)));
                }
                assertEquals(enumAt(committed, path), property.get("enum"), file.getValue() + " " + path);
                compared++;
            }
        }
        assertTrue(compared >= 16, "every enumerated answer of both schemas compared (" + compared + ")");
    }

    /** The paths (property names) to every enum in a JSON Schema's properties, not in its if/then rules. */
    private static void enumPaths(Map<String, Object> schema, List<String> at, List<List<String>> into) {
        if (schema.containsKey("enum")) {
            into.add(List.copyOf(at));
        }
        Object properties = schema.get("properties");
        if (properties != null) {
            map(properties).forEach((name, child) -> {
                List<String> deeper = new ArrayList<>(at);
                deeper.add(name);
                enumPaths(map(child), deeper, into);
            });
        }
    }

    private static Object enumAt(Map<String, Object> schema, List<String> path) {
        Map<String, Object> node = schema;
        for (String name : path) {
            node = map(map(node.get("properties")).get(name));
        }
        return node.get("enum");
    }

    /** A property, or the component schema it refers to (directly or as a nullable allOf). */
    private static Map<String, Object> resolve(Map<String, Object> schemas, Map<String, Object> property) {
        Object ref = property.get("$ref");
        if (ref == null && property.get("allOf") instanceof List<?> all && all.size() == 1) {
            ref = map(all.get(0)).get("$ref");
        }
        return ref == null ? property : map(schemas.get(String.valueOf(ref).substring("#/components/schemas/".length())));
    }

    /** A property that is the enum, a nullable one (allOf the enum), or a list of it. */
    private static boolean refersTo(Map<String, Object> property, String schema) {
        String ref = "#/components/schemas/" + schema;
        if (ref.equals(property.get("$ref"))) {
            return true;
        }
        if (property.get("allOf") instanceof List<?> all && all.size() == 1 && ref.equals(map(all.get(0)).get("$ref"))) {
            return true;
        }
        return property.get("items") instanceof Map<?, ?> items && ref.equals(items.get("$ref"));
    }

    private static Map<String, Object> content(Map<String, Object> paths, String path) {
        return map(map(map(map(map(paths.get(path)).get("get")).get("responses")).get("200")).get("content"));
    }
}
