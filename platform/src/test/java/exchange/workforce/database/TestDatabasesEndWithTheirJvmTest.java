package exchange.workforce.database;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test JVM killed with SIGKILL (no shutdown hook runs, as when a build is cancelled or runs out of memory) takes the
 * embedded PostgreSQL it started with it: the server's guardian sees the JVM's pipe close and stops it. No server is
 * left running to hold memory and ports on a shared machine.
 */
class TestDatabasesEndWithTheirJvmTest {

    @Test
    void aTestJvmKilledWithoutItsShutdownHookTakesItsDatabaseWithIt() throws Exception {
        String url = System.getenv("WFX_TEST_DATABASE_URL");
        assumeTrue(url == null || url.isBlank(), "tests given a database URL start no server of their own");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TestDatabaseChildJvm.class.getName())
                .redirectErrorStream(true).start();
        try {
            Path directory = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                for (String line = out.readLine(); line != null && System.nanoTime() < until; line = out.readLine()) {
                    if (line.startsWith(TestDatabaseChildJvm.DIRECTORY)) {
                        directory = Path.of(line.substring(TestDatabaseChildJvm.DIRECTORY.length()));
                        break;
                    }
                }
                assertNotNull(directory, "the child JVM started its test database");
                Optional<Long> postmaster = PostgresProcess.postmasterPid(directory);
                assertTrue(postmaster.isPresent() && ProcessHandle.of(postmaster.get()).map(ProcessHandle::isAlive).orElse(false),
                        "its PostgreSQL runs");

                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

                ProcessHandle server = ProcessHandle.of(postmaster.get()).orElse(null);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server != null && server.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertFalse(server != null && server.isAlive(), "PostgreSQL " + postmaster.get() + " outlived the JVM that started it");
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
