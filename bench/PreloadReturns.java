import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a service with years of monthly returns before a benchmark (wrk runs for a time, not a count): every authority
 * in TOKENS_FILE (bench/BenchTokens.java) submits its monthly return for each of MONTHS months from January of
 * FIRST_YEAR, the same figures bench/upload-returns.lua sends, CLIENTS at a time; then it stops. Loopback only.
 *
 *   java bench/PreloadReturns.java http://127.0.0.1:18097 TOKENS_FILE 120 2015 4
 */
public class PreloadReturns {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("Benchmarks address only loopback, not " + base.getHost());
        }
        List<String[]> authorities = Files.readAllLines(Path.of(args[1])).stream().filter(l -> l.contains("\t"))
                .map(l -> l.split("\t")).toList();
        int months = Integer.parseInt(args[2]);
        int firstYear = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Runnable> uploads = new ArrayList<>();
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        for (int m = 0; m < months; m++) {
            String period = String.format(Locale.ROOT, "%04d-%02d", firstYear + m / 12, m % 12 + 1);
            for (int a = 0; a < authorities.size(); a++) {
                String body = body(period, a + 1, m);
                String token = authorities.get(a)[1];
                uploads.add(() -> {
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/returns"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            stored.incrementAndGet();
                        } else if (refused.incrementAndGet() <= 3) {
                            System.err.println("refused (" + answer.statusCode() + "): " + answer.body());
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                });
            }
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        uploads.forEach(pool::submit);
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "preloaded: %d stored, %d refused in %.1f s (%.0f a second)%n", stored.get(), refused.get(),
                seconds, stored.get() / seconds);
    }

    /** The figures bench/upload-returns.lua sends for authority number a (from 1) in month m (from 0). */
    static String body(String period, int a, int m) {
        long inpost = 200 + (a * 37L) % 256 + m % 7;
        StringBuilder values = new StringBuilder();
        figure(values, "inpost_fte", inpost, null);
        figure(values, "inpost_headcount", (long) Math.ceil(inpost * 1.07), null);
        figure(values, "starters_fte", 4, null);
        figure(values, "starters_headcount", 4, null);
        figure(values, "leavers_fte", 3, null);
        figure(values, "leavers_headcount", 3, null);
        figure(values, "leavers_fte", 2, "RESIGNATION");
        figure(values, "leavers_fte", 1, "RETIREMENT");
        figure(values, "agency_fte", (long) Math.floor(inpost * 0.2), null);
        figure(values, "agency_headcount", (long) Math.floor(inpost * 0.2) + 1, null);
        figure(values, "agency_cover_fte", (long) Math.floor(inpost * 0.15), null);
        figure(values, "vacancy_fte", (long) Math.floor(inpost * 0.18), null);
        figure(values, "case_holders_fte", (long) Math.floor(inpost * 0.8), null);
        figure(values, "cases", (long) Math.floor(inpost * 0.8) * 16, null);
        figure(values, "working_days_lost_fte", (long) Math.floor(inpost * 0.7), null);
        return "{\"periodType\":\"MONTH\",\"period\":\"" + period + "\",\"reason\":\"benchmark run\",\"values\":[" + values + "]}";
    }

    static void figure(StringBuilder values, String measure, long value, String reason) {
        if (!values.isEmpty()) {
            values.append(',');
        }
        values.append("{\"measure\":\"").append(measure).append('"');
        if (reason != null) {
            values.append(",\"breakdown\":{\"leaving_reason\":\"").append(reason).append("\"}");
        }
        values.append(",\"value\":").append(value).append('}');
    }
}
