package exchange.workforce.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a newcomer does with the README, on the packaged jar in an empty directory: start it with no
 * configuration, see /health UP, get a token from the token command, use it, stop, start again, and find
 * the data still there.
 */
class ServiceJarIT {

    static final Path JAR = JarProcess.JAR;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Process> started = new ArrayList<>();

    @TempDir
    Path workingDirectory;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            JarProcess.stop(process);
        }
    }

    @Test
    void theJarStartsOnTheEmbeddedDatabaseIssuesWorkingTokensAndKeepsDataAcrossRestarts() throws Exception {
        int port = freePort();
        Process first = start(port, Map.of());
        awaitHealthUp(port, first);
        String token = token("--user", "alice", "--authority", "E10000016", "--roles", "AUTHORITY_SUBMITTER");
        createContact(port, token);
        assertTrue(Files.isDirectory(workingDirectory.resolve("data/postgres")), "data lives under ./data");
        assertTrue(Files.exists(workingDirectory.resolve("config/workforce-exchange/pseudonym-keys.properties")),
                "a pseudonym key was generated in the user's configuration directory");
        assertFalse(Files.exists(workingDirectory.resolve("data/keys/pseudonym-keys.properties")), "and not beside the data");

        List<String> importing = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString(), "import", "dfe",
                Path.of("..", "adapters", "src", "main", "resources", "dfe", "csww_indicators_2017_to_2023.csv").toAbsolutePath().toString()));
        ProcessBuilder importer = new ProcessBuilder(importing).directory(workingDirectory.toFile()).redirectErrorStream(true);
        importer.environment().put("XDG_CONFIG_HOME", workingDirectory.resolve("config").toString());
        Process imported = importer.start();
        String report = new String(imported.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(imported.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, imported.exitValue(), report);
        assertTrue(report.contains("1137 rows read, nothing new or changed") && report.contains("0 figures new, 0 changed, 25014 unchanged"),
                "the first start loaded it; importing it again while the service runs changes nothing: " + report);

        stop(first);
        Process second = start(port, Map.of());
        awaitHealthUp(port, second);
        HttpResponse<String> contacts = send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contacts"))
                .header("Authorization", "Bearer " + token).GET());
        assertEquals(200, contacts.statusCode());
        assertTrue(contacts.body().contains("jo@kent.gov.uk"), "the contact survived the restart: " + contacts.body());
    }

    @Test
    void aServiceKilledWithSigkillTakesItsDatabaseWithItAndTheNextStartHasEverythingItAcknowledged() throws Exception {
        int port = freePort();
        Process first = start(port, Map.of());
        awaitHealthUp(port, first);
        String token = token("--user", "alice", "--authority", "E10000016", "--roles", "AUTHORITY_SUBMITTER");
        createContact(port, token);
        long postmaster = Long.parseLong(Files.readAllLines(workingDirectory.resolve("data/postgres/postmaster.pid")).get(0).trim());

        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        Instant deadline = Instant.now().plusSeconds(30);
        while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "the embedded PostgreSQL stopped with the service");

        Process second = start(port, Map.of());
        awaitHealthUp(port, second);
        HttpResponse<String> contacts = send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contacts"))
                .header("Authorization", "Bearer " + token).GET());
        assertTrue(contacts.body().contains("jo@kent.gov.uk"), "the acknowledged contact survived: " + contacts.body());
    }

    @Test
    void productionModeRefusesToStartWithoutItsIdentityProvider() throws Exception {
        Process process = start(freePort(), Map.of("WFX_MODE", "production"));
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it should stop by itself");
        assertEquals(1, process.exitValue());
        String output = Files.readString(workingDirectory.resolve("service.log"));
        assertTrue(output.contains("WFX_OIDC_ISSUER") && output.contains("WFX_DATABASE_URL")
                && output.contains("WFX_PSEUDONYM_KEY_FILE"), output);
    }

    private Process start(int port, Map<String, String> environment) throws IOException {
        Process process = JarProcess.start(workingDirectory, port, environment);
        started.add(process);
        return process;
    }

    private void createContact(int port, String token) throws Exception {
        HttpResponse<String> created = send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contacts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Jo\",\"email\":\"jo@kent.gov.uk\",\"responsibility\":\"WORKFORCE_RETURNS\"}")));
        assertEquals(201, created.statusCode(), created.body());
    }

    private String token(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString(), "token"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("XDG_CONFIG_HOME", workingDirectory.resolve("config").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }

    private void awaitHealthUp(int port, Process process) throws Exception {
        JarProcess.awaitHealthUp(workingDirectory, port, process);
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process process) throws InterruptedException {
        JarProcess.stop(process);
    }

    private static String javaExecutable() {
        return JarProcess.javaExecutable();
    }

    private static int freePort() throws IOException {
        return JarProcess.freePort();
    }
}
