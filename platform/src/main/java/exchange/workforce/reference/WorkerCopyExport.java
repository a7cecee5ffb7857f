package exchange.workforce.reference;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

import java.util.UUID;

/** The worker's copy as a PDF response, for the API (content negotiation) and the reference page's download alike. */
final class WorkerCopyExport {

    static final String PDF = "application/pdf";

    private WorkerCopyExport() {
    }

    /** Whether the client asked for PDF: Accept names it, and names JSON not at all or after it. */
    static boolean wantsPdf(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT, String.class).orElse("");
        int pdf = accept.indexOf(PDF);
        int json = accept.indexOf("application/json");
        return pdf >= 0 && (json < 0 || pdf < json);
    }

    static HttpResponse<byte[]> pdf(WorkerCopy copy, UUID id) {
        return HttpResponse.ok(WorkerCopyPdf.of(copy)).contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"reference-" + id + ".pdf\"")
                .header("Cache-Control", "no-store");
    }
}
