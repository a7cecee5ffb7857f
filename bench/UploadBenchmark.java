import exchange.workforce.identity.LocalIssuer;
import exchange.workforce.identity.Role;
import exchange.workforce.tenancy.ReferenceAuthorities;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load generator: every current authority (153) uploads a CSV return for each of 12 months, against a service
 * running on loopback, then the same number of GET /health calls for comparison. Prints throughput and latency
 * percentiles. Bounded: it sends exactly authorities × months uploads and as many health checks, then stops.
 *
 *   java -cp platform/target/platform.jar bench/UploadBenchmark.java http://127.0.0.1:8080 data 4
 *   (arguments: base URL on loopback, the service's data directory, concurrent clients)
 */
public class UploadBenchmark {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("Benchmarks address only loopback, not " + base.getHost());
        }
        Path dataDir = Path.of(args.length > 1 ? args[1] : "data");
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        LocalIssuer issuer = LocalIssuer.open(dataDir.resolve("keys/local-issuer.jwk.json"));
        List<ReferenceAuthorities.Row> authorities = ReferenceAuthorities.load().authorities().stream()
                .filter(ReferenceAuthorities.Row::active).limit(153).toList();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.format(Locale.ROOT, "2024-%02d", m));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Request> uploads = new ArrayList<>();
        long bytes = 0;
        for (ReferenceAuthorities.Row authority : authorities) {
            String token = issuer.issue("bench", authority.gssCode(), null, List.of(Role.AUTHORITY_SUBMITTER), Duration.ofHours(2));
            for (int i = 0; i < months.size(); i++) {
                byte[] csv = csv(authority.gssCode(), months.get(i), i);
                bytes += csv.length;
                uploads.add(new Request(multipart(base, token, csv, run + "-" + authority.gssCode() + "-" + months.get(i)), 201));
            }
        }
        String anyToken = issuer.issue("bench", authorities.get(0).gssCode(), null, List.of(Role.AUTHORITY_VIEWER), Duration.ofHours(2));
        List<Request> health = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            health.add(new Request(HttpRequest.newBuilder(base.resolve("/health")).header("Authorization", "Bearer " + anyToken).GET().build(), 200));
        }
        System.out.printf(Locale.ROOT, "%d authorities x %d months = %d uploads (%.1f KB of CSV), %d clients%n",
                authorities.size(), months.size(), uploads.size(), bytes / 1024.0, clients);
        report("POST /api/v1/returns/uploads (CSV)", run(http, uploads, clients));
        report("GET /health", run(http, health, clients));
    }

    record Request(HttpRequest request, int expected) {
    }

    record Result(long[] nanos, long wallNanos, int failures) {
    }

    static Result run(HttpClient http, List<Request> requests, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (Request request : requests) {
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<String> response = http.send(request.request(), HttpResponse.BodyHandlers.ofString());
                long elapsed = System.nanoTime() - t;
                if (response.statusCode() != request.expected()) {
                    System.err.println(response.statusCode() + " " + response.body());
                    return -elapsed;
                }
                return elapsed;
            }));
        }
        long[] nanos = new long[done.size()];
        int failures = 0;
        for (int i = 0; i < done.size(); i++) {
            long n = done.get(i).get();
            if (n < 0) {
                failures++;
            }
            nanos[i] = Math.abs(n);
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        return new Result(nanos, wall, failures);
    }

    static void report(String name, Result result) {
        long[] sorted = result.nanos().clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-36s %6d requests in %6.2f s = %7.1f req/s; latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f; failures %d%n",
                name, sorted.length, result.wallNanos() / 1e9, sorted.length / (result.wallNanos() / 1e9),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6, result.failures());
    }

    static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** A plausible monthly return: every census component, leavers by reason, within every rule. */
    static byte[] csv(String authority, String month, int i) {
        double inpost = 200 + (authority.hashCode() & 0xFF) + i;
        StringBuilder text = new StringBuilder("authority,period_type,period,measure,breakdown,value\n");
        String prefix = authority + ",MONTH," + month + ",";
        line(text, prefix, "inpost_fte", "", inpost);
        line(text, prefix, "inpost_headcount", "", Math.ceil(inpost * 1.07));
        line(text, prefix, "starters_fte", "", 4);
        line(text, prefix, "starters_headcount", "", 4);
        line(text, prefix, "leavers_fte", "", 3);
        line(text, prefix, "leavers_headcount", "", 3);
        line(text, prefix, "leavers_fte", "leaving_reason=RESIGNATION", 2);
        line(text, prefix, "leavers_fte", "leaving_reason=RETIREMENT", 1);
        line(text, prefix, "agency_fte", "", Math.round(inpost * 0.2));
        line(text, prefix, "agency_headcount", "", Math.round(inpost * 0.2) + 1);
        line(text, prefix, "agency_cover_fte", "", Math.round(inpost * 0.15));
        line(text, prefix, "vacancy_fte", "", Math.round(inpost * 0.18));
        line(text, prefix, "case_holders_fte", "", Math.round(inpost * 0.8));
        line(text, prefix, "cases", "", Math.round(inpost * 0.8) * 16);
        line(text, prefix, "working_days_lost_fte", "", Math.round(inpost * 0.7));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void line(StringBuilder text, String prefix, String measure, String breakdown, double value) {
        text.append(prefix).append(measure).append(',').append(breakdown).append(',')
                .append(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)).append('\n');
    }

    static HttpRequest multipart(URI base, String token, byte[] csv, String key) {
        String boundary = "wfx-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"return.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        // a reason, so that a second run against the same data is a round of corrections rather than refused
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nbenchmark " + key
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        return HttpRequest.newBuilder(base.resolve("/api/v1/returns/uploads"))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

}
