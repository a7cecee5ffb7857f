package exchange.workforce.operations;

import exchange.workforce.database.DatabaseConnection;
import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.database.Migrations;
import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database is killed with SIGKILL, twice, while four councils' clients upload returns. Every return the
 * service answered 2xx must be there afterwards, exactly once; while the database is down the service answers
 * 503 (never 500), the embedded server comes back by itself and the service reconnects without a restart.
 */
class DatabaseCrashTest {

    private static final int CLIENTS = 4;
    private static final List<String> YEARS = List.of("2021", "2022", "2023", "2024");

    private record Upload(String authority, String year, String key, String token) {
    }

    @Test
    void everyReturnAnsweredTwoHundredIsStillThereExactlyOnceAfterTheDatabaseIsKilledTwiceDuringUploads() throws Exception {
        java.nio.file.Path cluster = Files.createTempDirectory("wfx-crash");
        EmbeddedDatabase database = EmbeddedDatabase.start(cluster.resolve("postgres"));
        try {
            DatabaseConnection connection = database.connection();
            Migrations.apply(connection);
            Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
            properties.putAll(connection.applicationDatasourceProperties());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
                ConcurrentLinkedQueue<Upload> queue = new ConcurrentLinkedQueue<>(uploads(connection));
                int total = queue.size();
                assertTrue(total >= 500, "at least 500 uploads, not " + total);

                Set<Upload> acknowledged = ConcurrentHashMap.newKeySet();
                List<String> wrongAnswers = new CopyOnWriteArrayList<>();
                AtomicInteger unavailable = new AtomicInteger();
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int i = 0; i < CLIENTS; i++) {
                    clients.submit(() -> {
                        for (Upload upload; (upload = queue.poll()) != null; ) {
                            submitUntilAnswered(client, server.getURI(), json, upload, acknowledged, wrongAnswers, unavailable);
                        }
                        return null;
                    });
                }
                awaitAcknowledged(acknowledged, total / 4);
                kill(database);
                awaitAcknowledged(acknowledged, total * 2 / 3);
                kill(database);
                clients.shutdown();
                assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "the uploads finished");

                assertEquals(List.of(), wrongAnswers, "every answer was 201, or 503 while the database was down");
                assertEquals(total, acknowledged.size(), "every upload was acknowledged in the end");
                assertTrue(database.restarts() >= 2, "the embedded server was started again after each kill");
                Map<String, Integer> stored = storedVersions(connection);
                for (Upload upload : acknowledged) {
                    assertEquals(1, stored.getOrDefault(upload.authority + "/" + upload.year, 0),
                            "return " + upload.authority + " " + upload.year + " stored exactly once");
                }
                assertEquals(total, stored.size(), "nothing stored that was not acknowledged");
                System.out.printf("Database killed twice during %d uploads: %d acknowledged, %d present after recovery, "
                        + "%d answers of 503 while it was down, %d restarts%n", total, acknowledged.size(),
                        stored.size(), unavailable.get(), database.restarts());
            }
        } finally {
            database.close();
            exchange.workforce.support.TestDatabase.deleteTree(cluster);
        }
    }

    private static List<Upload> uploads(DatabaseConnection connection) throws Exception {
        List<Upload> uploads = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(connection.url(), connection.owner().user(), connection.owner().password());
             Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("select gss_code from authority where active order by gss_code")) {
            while (rows.next()) {
                String authority = rows.getString(1);
                String token = Tokens.authorityUser("submitter-" + authority, authority, Role.AUTHORITY_SUBMITTER);
                for (String year : YEARS) {
                    uploads.add(new Upload(authority, year, UUID.randomUUID().toString(), token));
                }
            }
        }
        return uploads;
    }

    /** A careful client: on 503 or a broken connection it sends the same return with the same key again. */
    private static void submitUntilAnswered(HttpClient client, URI service, JsonMapper json, Upload upload,
                                            Set<Upload> acknowledged, List<String> wrongAnswers, AtomicInteger unavailable)
            throws Exception {
        byte[] body = json.writeValueAsBytes(ReturnFixtures.censusReturn(upload.year, ReturnFixtures.kentFigures()));
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/api/v1/returns"))
                .header("Authorization", "Bearer " + upload.token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", upload.key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    acknowledged.add(upload);
                    return;
                }
                if (response.statusCode() != 503) {
                    wrongAnswers.add(upload.authority + " " + upload.year + ": " + response.statusCode() + " " + response.body());
                    return;
                }
                unavailable.incrementAndGet();
            } catch (java.io.IOException connectionBroken) {
                unavailable.incrementAndGet();
            }
            Thread.sleep(100);
        }
        wrongAnswers.add(upload.authority + " " + upload.year + ": not answered within 2 minutes");
    }

    private static void awaitAcknowledged(Set<Upload> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** SIGKILL to the postmaster and every server process under it: nothing is written on the way down. */
    private static void kill(EmbeddedDatabase database) throws InterruptedException {
        long pid = database.postmasterPid().orElseThrow();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> servers = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        servers.forEach(ProcessHandle::destroyForcibly);
        int restartsBefore = database.restarts();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (database.restarts() == restartsBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static Map<String, Integer> storedVersions(DatabaseConnection connection) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection owner = DriverManager.getConnection(connection.url(), connection.owner().user(), connection.owner().password());
             Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select authority_code, period, count(*) from workforce_return group by authority_code, period")) {
            while (rows.next()) {
                stored.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3));
            }
        }
        return stored;
    }
}
