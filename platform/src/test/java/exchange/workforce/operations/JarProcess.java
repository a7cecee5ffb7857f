package exchange.workforce.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar as a newcomer runs it: started in a directory of its own with no configuration, and stopped. */
final class JarProcess {

    static final Path JAR = Path.of(System.getProperty("platform.jar", "target/platform.jar")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JarProcess() {
    }

    /** The service on a port, its output in service.log, its configuration directory inside {@code directory}. */
    static Process start(Path directory, int port, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", JAR.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("service.log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("WFX_"));
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("XDG_CONFIG_HOME", directory.resolve("config").toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    static void awaitHealthUp(Path directory, int port, Process process) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> "the service stopped: " + log(directory));
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("/health was not UP within 120 s: " + log(directory));
    }

    static String log(Path directory) {
        try {
            return Files.readString(directory.resolve("service.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the shutdown hook stops the embedded PostgreSQL cleanly
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
