package exchange.workforce.operations;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the committed OpenAPI spec, called by a council user and a regional user holding every role,
 * with hostile path values and malformed bodies: each answer is a problem+json 4xx (or a success), never a 500.
 */
@MicronautTest(transactional = false)
class NoInputProducesA500Test extends PlatformTest {

    static final List<String> PATH_VALUES = List.of("not-an-id", "00000000-0000-0000-0000-000000000000", "%27%3B--", "..%2F..%2Fetc",
            "x".repeat(300), "-1", "CENSUS_YEAR");
    static final List<String> BODIES = List.of("{", "[]", "null", "\"text\"", "{\"values\": 7}", "{\"registrationNumber\": []}",
            "{\"name\": {\"nested\": true}}", "{\"effectiveFrom\": \"yesterday\"}", "{\"" + "k".repeat(1000) + "\": 1}",
            // control characters, extreme dates, duplicate keys, values of the wrong type, trailing data
            "{\"name\": \"a\\u0000b\", \"reason\": \"a\\u0000b\", \"method\": \"a\\u0007\"}",
            "{\"effectiveFrom\": \"+999999999-12-31\", \"dueOn\": \"-4713-01-01\", \"on\": \"9999-12-31\"}",
            "{\"name\": \"a\", \"name\": \"b\"}", "{\"coolingOffMonths\": 1.5, \"name\": [\"a\"]}", "{} {}",
            "{\"engagementId\": 7, \"registrationNumber\": {\"a\": 1}}", "[".repeat(100) + "]".repeat(100));
    static final List<String> QUERIES = List.of("?period=2023&group=england&limit=abc",
            "?on=%2B999999999-12-31&before=-4713-01-01&period=%00&measures=a%01b&group=x%00");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationAnswersMalformedInputWithA4xx() throws Exception {
        Map<String, Object> spec;
        try (InputStream in = Files.newInputStream(Path.of("..", "schemas", "openapi", "workforce-exchange.yml"))) {
            spec = new Yaml().load(in);
        }
        // every role a council user may hold, and every role a regional user may hold
        List<String> tokens = List.of(
                Tokens.authorityUser("fuzz", "E10000016", Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER, Role.REFERENCE_OFFICER, Role.PLANNER),
                Tokens.regionalUser("fuzz", "E12000008", Role.REGIONAL_VIEWER, Role.REGION_ADMIN, Role.PLANNER));
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Object> path : ((Map<String, Object>) spec.get("paths")).entrySet()) {
            for (String method : ((Map<String, Object>) path.getValue()).keySet()) {
                for (String value : PATH_VALUES) {
                    String uri = path.getKey().replaceAll("\\{[^}]+}", value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
                    for (String token : tokens) for (String query : QUERIES) {
                        for (String body : method.equalsIgnoreCase("get") || method.equalsIgnoreCase("delete") ? List.of("") : BODIES) {
                            HttpRequest<?> request = HttpRequest.create(HttpMethod.parse(method.toUpperCase()), uri + query)
                                    .bearerAuth(token);
                            if (!body.isEmpty()) {
                                // uploads answer a JSON body with 415; hostile files themselves are ReturnUploadTest's
                                request = ((io.micronaut.http.MutableHttpRequest<?>) request).body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
                            }
                            Api.Answer answer = api.send(request);
                            calls++;
                            if (answer.status() >= 500 || (answer.status() >= 400 && !"application/problem+json".equals(answer.contentType()))) {
                                failures.add(method.toUpperCase() + " " + uri + " " + body + " -> " + answer.status() + " " + answer.body());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(calls > 500, "made " + calls + " calls");
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " calls were answered badly");
    }
}
