package exchange.workforce.web;

import io.micronaut.http.HttpResponse;

import java.nio.charset.StandardCharsets;

/** A file to download, as the API and the pages send it: its type, and a file name that is safe in a header. */
public final class Downloads {

    private Downloads() {
    }

    /** A PDF, named {@code name}.pdf, never kept by a shared cache (a worker's copy of their reference is personal). */
    public static HttpResponse<byte[]> pdf(byte[] bytes, String name) {
        return HttpResponse.ok(bytes).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "") + ".pdf\"")
                .header("Cache-Control", "no-store");
    }

    /** A CSV file, UTF-8, named {@code name}.csv with only letters, digits and . _ - kept. */
    public static HttpResponse<byte[]> csv(String text, String name) {
        return HttpResponse.ok(text.getBytes(StandardCharsets.UTF_8)).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "") + ".csv\"");
    }
}
