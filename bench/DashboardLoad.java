import exchange.workforce.identity.LocalIssuer;
import exchange.workforce.identity.Role;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load generator: a regional dashboard (GET /api/v1/benchmarks for one region and census year, every workforce measure,
 * each with its time series over every year) requested N times, then GET /health N times, in the same run, against a
 * service on loopback. Prints throughput and latency percentiles. Bounded: exactly N of each, then it stops.
 *
 *   java -cp platform/target/platform.jar bench/DashboardLoad.java http://127.0.0.1:8080 data 2000 4
 *   (arguments: base URL on loopback, the service's data directory, requests of each kind, concurrent clients)
 */
public class DashboardLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("Benchmarks address only loopback, not " + base.getHost());
        }
        LocalIssuer issuer = LocalIssuer.open(Path.of(args.length > 1 ? args[1] : "data").resolve("keys/local-issuer.jwk.json"));
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String token = issuer.issue("bench", "E10000030", null, List.of(Role.AUTHORITY_VIEWER), Duration.ofHours(2));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest dashboard = HttpRequest.newBuilder(base.resolve("/api/v1/benchmarks?group=region:E12000008&period=2023"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> sample = http.send(dashboard, HttpResponse.BodyHandlers.ofString());
        System.out.printf(Locale.ROOT, "dashboard: HTTP %d, %d bytes; %d requests of each kind, %d clients%n",
                sample.statusCode(), sample.body().length(), count, clients);
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).GET().build();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT; the second is reported
            long[] d = run(http, dashboard, count, clients);
            long[] h = run(http, health, count, clients);
            if (round == 1) {
                report("GET /api/v1/benchmarks (regional dashboard)", d);
                report("GET /health", h);
            }
        }
    }

    static long[] run(HttpClient http, HttpRequest request, int count, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return System.nanoTime() - t;
            }));
        }
        long[] nanos = new long[count + 1];
        for (int i = 0; i < count; i++) {
            nanos[i] = done.get(i).get();
        }
        nanos[count] = System.nanoTime() - start;
        pool.shutdown();
        return nanos;
    }

    static void report(String name, long[] nanosAndWall) {
        long wall = nanosAndWall[nanosAndWall.length - 1];
        long[] sorted = Arrays.copyOf(nanosAndWall, nanosAndWall.length - 1);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-46s %6d in %6.2f s = %7.1f req/s; latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                name, sorted.length, wall / 1e9, sorted.length / (wall / 1e9), p(sorted, 50), p(sorted, 95), p(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    static double p(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
