package exchange.workforce.operations;

import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A web integrator's TypeScript client, generated at build time from the committed spec (openapi-generator,
 * typescript-fetch), compiled with tsc --strict (TypeScript pinned in schemas/clients/typescript/package-lock.json) together
 * with schemas/clients/typescript/drive.ts, and run by Node against the running service: who am I, the catalogue, a benchmark,
 * a return stored with 201, and one refused with 422 read as a problem. Needs Node 18 or newer on the PATH; installs
 * the pinned compiler from the lock file (npm ci) if it is not there yet.
 */
@MicronautTest(transactional = false)
class TypeScriptClientTest extends PlatformTest {

    private static final Path CLIENTS = Path.of("..", "schemas", "clients", "typescript").toAbsolutePath().normalize();
    private static final Path GENERATED = Path.of("target", "typescript-client").toAbsolutePath();
    private static final Path WORK = Path.of("target", "typescript-check").toAbsolutePath();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @BeforeEach
    void published() throws Exception {
        TestDatabase.shared().importWorkforceIndicators();
    }

    @Test
    void anIntegratorsTypeScriptClientCompilesStrictlyAndDrivesTheService() throws Exception {
        Path tsc = CLIENTS.resolve("node_modules/typescript/bin/tsc");
        try {
            run(List.of("node", "--version"), CLIENTS, Map.of(), 30);
            run(List.of("npm", "--version"), CLIENTS, Map.of(), 60);
        } catch (IOException noNode) {
            throw new AssertionError("This test needs Node 18 or newer and npm on the PATH (apt-get install -y nodejs npm; "
                    + ".ci/run installs them): " + noNode.getMessage(), noNode);
        }
        if (!Files.exists(tsc)) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), CLIENTS, Map.of(), 300);
        }
        assertTrue(Files.exists(GENERATED.resolve("index.ts")), "the build generates the client into " + GENERATED);
        copy(GENERATED, WORK.resolve("client"));
        Files.copy(CLIENTS.resolve("drive.ts"), WORK.resolve("drive.ts"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(CLIENTS.resolve("tsconfig.json"), WORK.resolve("tsconfig.json"), StandardCopyOption.REPLACE_EXISTING);

        run(List.of("node", tsc.toString(), "-p", WORK.resolve("tsconfig.json").toString()), WORK, Map.of(), 180);

        String token = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER);
        String printed = run(List.of("node", WORK.resolve("out/drive.js").toString()), WORK,
                Map.of("WFX_BASE_URL", server.getURL().toString(), "WFX_TOKEN", token), 120);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = json.readValue(printed.strip().lines().reduce((a, b) -> b).orElse("{}"), Map.class);

        assertEquals("E10000016", seen.get("authority"), "who am I: " + printed);
        assertTrue(((Number) seen.get("measures")).intValue() > 10, "the catalogue as JSON");
        assertEquals("turnover_rate_fte", seen.get("benchmarked"));
        assertEquals(Boolean.TRUE, seen.get("benchmarkValueIsANumber"), "the South East's published turnover, typed as a number");
        assertEquals(201, ((Number) seen.get("storedStatus")).intValue(), "a stored return answers 201");
        assertEquals(1, ((Number) seen.get("storedVersion")).intValue());
        assertEquals(422, ((Number) seen.get("refusedStatus")).intValue());
        assertTrue(String.valueOf(seen.get("refusedType")).startsWith("application/problem+json"));
        assertEquals("RETURN_REJECTED", seen.get("problemCode"));
        assertEquals("NOT_A_NUMBER", seen.get("firstErrorCode"));
        assertEquals(Boolean.TRUE, seen.get("csvTemplateHasInPost"), "a CSV file through its own typed operation: " + printed);
        assertEquals(Boolean.TRUE, seen.get("workbookIsZip"), "a workbook, as bytes");
        assertEquals(Boolean.TRUE, seen.get("benchmarkCsvHasMeasure"), "a benchmark as CSV");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Runs a command to its end (or fails after the seconds given) and answers what it printed; fails on a non-zero exit. */
    private static String run(List<String> command, Path in, Map<String, String> environment, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(in.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream printedOut = process.getInputStream()) {
                return printedOut.readAllBytes();
            } catch (IOException unreadable) {
                return unreadable.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        String printed = new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + printed);
        return printed;
    }
}
