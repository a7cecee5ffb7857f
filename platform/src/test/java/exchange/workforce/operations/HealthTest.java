package exchange.workforce.operations;

import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.database.Migrations;
import exchange.workforce.support.PlatformTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What anyone may learn from /health (UP or DOWN, nothing more), and readiness following the database. */
class HealthTest {

    @TempDir
    Path data;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anonymousHealthSaysOnlyUpOrDownAndReadinessFollowsTheDatabaseWhileTheServiceReconnectsByItself() throws Exception {
        Path cluster = data.resolve("postgres");
        EmbeddedDatabase database = EmbeddedDatabase.start(cluster);
        Migrations.apply(database.connection());
        Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        properties.putAll(database.connection().applicationDatasourceProperties());
        properties.put("wfx.health.database-check-interval", "200ms");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            HttpResponse<String> health = get(server, "/health");
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            for (String internal : new String[] {"jdbc", "postgresql", "localhost", "diskSpace", "free", "threshold"}) {
                assertFalse(health.body().toLowerCase().contains(internal.toLowerCase()), "no '" + internal + "' in " + health.body());
            }

            database.close();
            // the database is checked in the background at most once an interval (here 200 ms): no request waits for it
            HttpResponse<String> notReady = get(server, "/health/readiness");
            long down = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < down && notReady.statusCode() != 503) {
                Thread.sleep(100);
                notReady = get(server, "/health/readiness");
            }
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertTrue(notReady.body().contains("DOWN"), notReady.body());
            assertEquals(200, get(server, "/health/liveness").statusCode(), "alive, only not ready");

            database = EmbeddedDatabase.start(cluster);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && (status = get(server, "/health/readiness").statusCode()) != 200) {
                Thread.sleep(200);
            }
            assertEquals(200, status, "ready again once the database is back, without a restart of the service");
        } finally {
            database.close();
        }
    }

    @Test
    void aThousandHealthChecksInOneIntervalCostTheDatabaseOneQuery() throws Exception {
        Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        properties.put("wfx.health.database-check-interval", "1h");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            DatabaseHealth database = server.getApplicationContext().getBean(DatabaseHealth.class);
            long before = database.checks();
            for (int i = 0; i < 1000; i++) {
                HttpResponse<String> health = get(server, "/health");
                assertEquals(200, health.statusCode());
                assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            }
            assertEquals(before, database.checks(), "the check made at start-up answers every call of the interval");
        }
    }

    private HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
