import exchange.workforce.database.DatabaseConnection;
import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.database.Migrations;
import exchange.workforce.identity.LocalIssuer;
import exchange.workforce.identity.Role;
import exchange.workforce.tenancy.ReferenceAuthorities;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fault drill: two replicas of the packaged service on loopback share one PostgreSQL (the platform's embedded
 * server, run by this drill). Careful clients upload census returns with idempotency keys, each return sent to
 * both replicas at once (concurrent idempotent resubmission), retrying on 503 or a broken connection. During the
 * uploads the drill kills the database with SIGKILL (phase 1), then one replica with SIGKILL (phase 2, restarted
 * afterwards). Then two referees answer one reference request at the same moment through different replicas
 * (phase 3). It counts what was acknowledged, what is present afterwards, and what is there twice.
 * Bounded: a fixed number of uploads, each retried for at most two minutes; everything it starts it stops.
 *
 *   ./mvnw -B package -DskipTests
 *   java -cp platform/target/platform.jar bench/FaultDrill.java [clients]
 *
 * Results for docs/reliability.md.
 */
public class FaultDrill {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String FIGURES = "[{\"measure\":\"inpost_fte\",\"value\":450.5},{\"measure\":\"inpost_headcount\",\"value\":480},"
            + "{\"measure\":\"leavers_fte\",\"value\":60.0},{\"measure\":\"leavers_headcount\",\"value\":63},"
            + "{\"measure\":\"agency_fte\",\"value\":90.0},{\"measure\":\"agency_headcount\",\"value\":92},"
            + "{\"measure\":\"agency_cover_fte\",\"value\":70.0},{\"measure\":\"vacancy_fte\",\"value\":100.0},"
            + "{\"measure\":\"case_holders_fte\",\"value\":380.0},{\"measure\":\"cases\",\"value\":6080},"
            + "{\"measure\":\"working_days_lost_fte\",\"value\":4000}]";

    record Upload(String authority, String year, String key, String token) {
    }

    record Tally(int sent, Set<Upload> acknowledged, AtomicInteger unavailable, List<String> wrong) {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Path jar = Path.of("platform/target/platform.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("wfx-fault-drill");
        EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("db/postgres"));
        List<Process> replicas = new ArrayList<>();
        try {
            DatabaseConnection connection = database.connection();
            Migrations.apply(connection);
            int[] ports = {freePort(), freePort()};
            for (int i = 0; i < 2; i++) {
                replicas.add(startReplica(jar, work, connection, ports[i], i));
            }
            for (int port : ports) {
                awaitReady(port);
            }
            LocalIssuer issuer = LocalIssuer.open(work.resolve("replica-data/keys/local-issuer.jwk.json"));
            List<String> authorities = ReferenceAuthorities.load().authorities().stream()
                    .filter(ReferenceAuthorities.Row::active).map(ReferenceAuthorities.Row::gssCode).toList();

            System.out.println("| phase | uploads | acknowledged (2xx) | present after recovery | stored twice | 503 or broken answers seen | other answers |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            Tally databaseKill = uploadWhile(issuer, authorities, List.of("2019", "2020", "2021"), ports, clients,
                    () -> killDatabase(database));
            report("SIGKILL of the database, mid-run", databaseKill, connection, List.of("2019", "2020", "2021"));
            Tally replicaKill = uploadWhile(issuer, authorities, List.of("2022", "2023", "2024"), ports, clients, () -> {
                replicas.get(0).destroyForcibly();
                waitFor(replicas.get(0));
            });
            report("SIGKILL of one replica, mid-run", replicaKill, connection, List.of("2022", "2023", "2024"));
            replicas.set(0, startReplica(jar, work, connection, ports[0], 0));
            awaitReady(ports[0]);
            concurrentProvide(issuer, ports);
        } finally {
            for (Process replica : replicas) {
                replica.destroy();
                if (!replica.waitFor(60, TimeUnit.SECONDS)) {
                    replica.destroyForcibly();
                }
            }
            database.close();
        }
        System.exit(0);
    }

    /** Uploads every authority's return for each year through both replicas at once; runs the fault a third of the way in. */
    static Tally uploadWhile(LocalIssuer issuer, List<String> authorities, List<String> years, int[] ports, int clients,
                             Runnable fault) throws Exception {
        ConcurrentLinkedQueue<Upload> queue = new ConcurrentLinkedQueue<>();
        for (String authority : authorities) {
            String token = issuer.issue("drill-" + authority, authority, null, List.of(Role.AUTHORITY_SUBMITTER), Duration.ofHours(1));
            for (String year : years) {
                queue.add(new Upload(authority, year, UUID.randomUUID().toString(), token));
            }
        }
        Tally tally = new Tally(queue.size(), ConcurrentHashMap.newKeySet(), new AtomicInteger(), new java.util.concurrent.CopyOnWriteArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients * 2, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                for (Upload upload; (upload = queue.poll()) != null; ) {
                    Upload u = upload;
                    // the same return, with the same key, to both replicas at once
                    Future<Boolean> other = pool.submit(() -> submit(ports, 1, u, tally));
                    boolean first = submit(ports, 0, u, tally);
                    if (first | other.get()) {
                        tally.acknowledged.add(u);
                    }
                }
                return null;
            }));
        }
        while (tally.acknowledged.size() < tally.sent / 3 && running.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(20);
        }
        fault.run();
        for (Future<?> f : running) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return tally;
    }

    /**
     * A careful client: on 503 or a broken connection it resends the same body with the same key, to the other
     * replica next (as a load balancer would), for up to two minutes.
     */
    static boolean submit(int[] ports, int first, Upload upload, Tally tally) throws InterruptedException {
        String body = "{\"periodType\":\"CENSUS_YEAR\",\"period\":\"" + upload.year + "\",\"values\":" + FIGURES + "}";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            int port = ports[(first + attempt) % ports.length];
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/returns"))
                    .header("Authorization", "Bearer " + upload.token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", upload.key).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 201) {
                    return true;
                }
                if (response.statusCode() != 503) {
                    tally.wrong.add(response.statusCode() + " " + response.body());
                    return false;
                }
            } catch (IOException brokenOrRefused) {
                // the replica is down or the connection broke: try again
            }
            tally.unavailable.incrementAndGet();
            Thread.sleep(200);
        }
        return false;
    }

    static void report(String phase, Tally tally, DatabaseConnection connection, List<String> years) throws Exception {
        int present = 0;
        int twice = 0;
        Map<String, Integer> versions = new HashMap<>();
        try (Connection owner = DriverManager.getConnection(connection.url(), connection.owner().user(), connection.owner().password());
             Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("select authority_code, period, count(*) from workforce_return "
                     + "where period in ('" + String.join("','", years) + "') group by authority_code, period")) {
            while (rows.next()) {
                versions.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3));
            }
        }
        for (Upload upload : tally.acknowledged) {
            Integer stored = versions.get(upload.authority + "/" + upload.year);
            if (stored != null) {
                present++;
                if (stored > 1) {
                    twice++;
                }
            }
        }
        System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", phase, tally.sent, tally.acknowledged.size(), present, twice,
                tally.unavailable.get(), tally.wrong.size());
        tally.wrong.stream().limit(3).forEach(w -> System.out.println("  other answer: " + w));
    }

    /** Two referees (same authority, two people) provide the same reference at once through the two replicas. */
    static void concurrentProvide(LocalIssuer issuer, int[] ports) throws Exception {
        String kent = issuer.issue("drill-kent", "E10000016", null, List.of(Role.REFERENCE_OFFICER), Duration.ofHours(1));
        String surrey = issuer.issue("drill-surrey", "E10000030", null, List.of(Role.REFERENCE_OFFICER), Duration.ofHours(1));
        int rounds = 20;
        int oneWinner = 0;
        for (int round = 0; round < rounds; round++) {
            String number = String.format("SW9%05d", round);
            String engagement = idOf(post(ports[0], "/api/v1/references/engagements", kent,
                    "{\"registrationNumber\":\"" + number + "\",\"role\":\"SOCIAL_WORKER\",\"engagementType\":\"AGENCY\"}"));
            String request = idOf(post(ports[0], "/api/v1/references/requests", kent, "{\"engagementId\":\"" + engagement
                    + "\",\"refereeAuthority\":\"E10000030\",\"dueOn\":\"" + LocalDate.now().plusDays(14)
                    + "\",\"consent\":{\"givenOn\":\"" + LocalDate.now() + "\",\"method\":\"signed application form\"}}"));
            String reference = "{\"registrationNumber\":\"" + number + "\",\"reference\":" + REFERENCE + "}";
            ExecutorService two = Executors.newFixedThreadPool(2);
            Future<HttpResponse<String>> a = two.submit(() -> post(ports[0], "/api/v1/references/requests/" + request + "/reference", surrey, reference));
            Future<HttpResponse<String>> b = two.submit(() -> post(ports[1], "/api/v1/references/requests/" + request + "/reference", surrey, reference));
            List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
            two.shutdown();
            if (statuses.contains(201) && statuses.contains(409)) {
                oneWinner++;
            } else {
                System.out.println("  provide round " + round + ": " + statuses);
            }
        }
        System.out.printf("%nConcurrent provide through two replicas: %d of %d rounds had exactly one 201 and one 409.%n", oneWinner, rounds);
    }

    static final String REFERENCE = "{\"role\":\"SOCIAL_WORKER\",\"engagementType\":\"PERMANENT\",\"startDate\":\"2019-09-02\","
            + "\"endDate\":\"2024-03-31\",\"reasonForLeaving\":\"Moved to agency work\",\"practice\":{"
            + "\"directWorkWithChildrenAndFamilies\":\"GOOD\",\"assessmentAndAnalysis\":\"GOOD\",\"recording\":\"GOOD\","
            + "\"workingWithPartners\":\"GOOD\",\"useOfSupervision\":\"GOOD\",\"timeliness\":\"GOOD\",\"comments\":\"Solid.\"},"
            + "\"conduct\":{\"safeguardingConcern\":{\"answer\":\"NO\"},\"disciplinaryAction\":{\"answer\":\"NONE\"},"
            + "\"capabilityProcedures\":{\"answer\":\"NO\"}},\"wouldReemploy\":{\"answer\":\"YES\"},"
            + "\"writtenBy\":{\"name\":\"Sam Patel\",\"jobTitle\":\"Team Manager\"},\"writtenOn\":\"" + LocalDate.now() + "\"}";

    static HttpResponse<String> post(int port, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String idOf(HttpResponse<String> response) {
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    static void killDatabase(EmbeddedDatabase database) {
        ProcessHandle postmaster = ProcessHandle.of(database.postmasterPid().orElseThrow()).orElseThrow();
        List<ProcessHandle> servers = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        servers.forEach(ProcessHandle::destroyForcibly);
    }

    static Process startReplica(Path jar, Path work, DatabaseConnection connection, int port, int index) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("replica-" + index + ".log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("WFX_"));
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("WFX_DATA_DIR", work.resolve("replica-data").toString());
        builder.environment().put("WFX_KEY_DIR", work.resolve("keys").toString());
        builder.environment().put("WFX_DATABASE_URL", connection.url());
        builder.environment().put("WFX_DATABASE_USER", connection.application().user());
        builder.environment().put("WFX_DATABASE_PASSWORD", connection.application().password());
        builder.environment().put("WFX_DATABASE_BENCHMARK_USER", connection.benchmark().user());
        builder.environment().put("WFX_DATABASE_BENCHMARK_PASSWORD", connection.benchmark().password());
        builder.environment().put("WFX_DATABASE_OWNER_USER", connection.owner().user());
        builder.environment().put("WFX_DATABASE_OWNER_PASSWORD", connection.owner().password());
        builder.environment().put("WFX_LOG_LEVEL", "WARN");
        return builder.start();
    }

    static void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("replica on port " + port + " was not ready within 2 minutes");
    }

    static void waitFor(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
