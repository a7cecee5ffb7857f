package exchange.workforce.operations;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed OpenAPI spec linted by Spectral with OWASP's API security ruleset (pinned in schemas/lint/package-lock.json;
 * needs Node and npm on the PATH, as the TypeScript client test does), its three size rules applied to what the API takes
 * in (docs/adr/0003-limits-on-what-the-api-takes-in.md): no rule finds an error. The counts of what it finds at lower
 * severities are written to target/spectral-owasp.txt.
 */
class OwaspSpecLintTest {

    static final Path LINT = Path.of("..", "schemas", "lint").toAbsolutePath().normalize();
    static final Path SPEC = Path.of("..", "schemas", "openapi", "workforce-exchange.yml").toAbsolutePath().normalize();

    @Test
    void theSpecMeetsEveryOwaspRule() throws Exception {
        List<Map<String, Object>> findings = lint(SPEC, "spectral-owasp.json");
        Map<String, Integer> bySeverity = new TreeMap<>();
        findings.forEach(f -> bySeverity.merge(SEVERITIES.get(((Number) f.get("severity")).intValue()) + " " + f.get("code"), 1, Integer::sum));
        StringBuilder counts = new StringBuilder("Spectral, OWASP API security ruleset (size rules on inputs): findings by severity and rule\n");
        bySeverity.forEach((rule, n) -> counts.append(n).append(' ').append(rule).append('\n'));
        Files.writeString(Path.of("target", "spectral-owasp.txt"), counts, StandardCharsets.UTF_8);
        System.out.print(counts);

        List<String> errors = findings.stream().filter(f -> ((Number) f.get("severity")).intValue() == 0)
                .map(f -> f.get("code") + " at " + f.get("path")).limit(20).toList();
        assertEquals(List.of(), errors, "OWASP errors in the spec (target/spectral-owasp.json has them all)");
        assertTrue(findings.stream().anyMatch(f -> String.valueOf(f.get("code")).startsWith("owasp:")), "the ruleset ran");
    }

    @Test
    void aStringListOrNumberTakenInWithoutALimitIsAnErrorWhereverItIsAndOneSentBackIsNot() throws Exception {
        Path fixture = Path.of("target", "unlimited-input.yml").toAbsolutePath();
        Files.writeString(fixture, """
                openapi: 3.0.1
                info: {title: fixture, version: v1, description: fixture, license: {name: OGL}}
                servers: [{url: "https://example.gov.uk", x-internal: false}]
                security: [{bearer: []}]
                paths:
                  /api/v1/things:
                    post:
                      operationId: newThing
                      parameters:
                        - {name: size, in: query, schema: {type: integer, format: int32}}
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: "#/components/schemas/NewThing"}
                      responses:
                        "200":
                          description: the thing
                          content:
                            application/json:
                              schema: {$ref: "#/components/schemas/Thing"}
                components:
                  securitySchemes:
                    bearer: {type: http, scheme: bearer, bearerFormat: JWT}
                  schemas:
                    NewThing:
                      type: object
                      additionalProperties: false
                      properties:
                        name: {type: string}
                        tags: {type: array, items: {type: string, maxLength: 20}}
                    Thing:
                      type: object
                      additionalProperties: false
                      properties:
                        name: {type: string}
                        count: {type: integer, format: int32}
                """, StandardCharsets.UTF_8);
        List<String> errors = lint(fixture, "spectral-fixture.json").stream()
                .filter(f -> ((Number) f.get("severity")).intValue() == 0)
                .map(f -> f.get("code") + " " + String.join("/", ((List<?>) f.get("path")).stream().map(String::valueOf).toList()))
                .filter(f -> f.startsWith("taken-in")).sorted().toList();
        assertEquals(List.of(
                "taken-in-array-limit components/schemas/NewThing/properties/tags",
                "taken-in-integer-limit paths//api/v1/things/post/parameters/0/schema",
                "taken-in-string-limit components/schemas/NewThing/properties/name"), errors,
                "the input's string, list and number each found once, and the answer's (Thing) not at all");
    }

    private static final Map<Integer, String> SEVERITIES = Map.of(0, "error", 1, "warning", 2, "information", 3, "hint");

    /** Spectral's findings on the file, with our ruleset; the JSON report is kept in target/ under the name given. */
    private static List<Map<String, Object>> lint(Path spec, String reportName) throws Exception {
        Path spectral = LINT.resolve("node_modules/.bin/spectral");
        if (!Files.exists(spectral)) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 300);
        }
        Path report = Files.createDirectories(Path.of("target").toAbsolutePath()).resolve(reportName);
        run(List.of(spectral.toString(), "lint", "--ruleset", LINT.resolve(".spectral.yaml").toString(), "--format", "json",
                "--output", report.toString(), "--fail-severity", "hint", spec.toString()), 300); // exits 1 when it finds anything
        return JsonMapper.createDefault().readValue(Files.readAllBytes(report),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    /** Runs a command in schemas/lint to its end; its exit status is the caller's to judge. */
    private static void run(List<String> command, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "spectral-run.log").toAbsolutePath().toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " did not finish in " + seconds + " s");
        assertTrue(process.exitValue() <= 1, String.join(" ", command) + " failed: " + Files.readString(Path.of("target", "spectral-run.log")));
    }
}
