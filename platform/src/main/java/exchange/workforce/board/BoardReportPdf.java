package exchange.workforce.board;

import exchange.workforce.web.TaggedPdf;
import io.micronaut.http.HttpResponse;

/** The board report as a tagged A4 PDF ({@link TaggedPdf}), named for the region and quarter. */
final class BoardReportPdf {

    static final String TYPE = TaggedPdf.TYPE;

    private BoardReportPdf() {
    }

    static byte[] render(String xhtml) {
        return TaggedPdf.render(xhtml);
    }

    static HttpResponse<byte[]> download(ReportingToTheBoard.Report report, String xhtml) {
        return HttpResponse.ok(render(xhtml)).contentType(TYPE).header("Content-Disposition",
                "attachment; filename=\"board-report-" + report.regionCode() + "-" + report.quarter().label() + ".pdf\"");
    }
}
