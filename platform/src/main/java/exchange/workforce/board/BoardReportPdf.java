package exchange.workforce.board;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report as a PDF a board member can print and a screen reader can read: A4, every font embedded (Liberation Sans,
 * which covers Welsh, Polish and other names as written), tagged to PDF/UA (headings, tables with header cells,
 * lists, the document's language and title), from the same XHTML the page shows.
 */
final class BoardReportPdf {

    static final String FONT_FAMILY = "Liberation Sans";
    static final String TYPE = "application/pdf";

    private BoardReportPdf() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.withProducer("Workforce Exchange");
            builder.useFont(() -> font("LiberationSans-Regular.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("LiberationSans-Bold.ttf"), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("LiberationSans-Italic.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.ITALIC, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The board report's PDF could not be written", e);
        }
    }

    /** The report's PDF as a download named for the region and quarter. */
    static io.micronaut.http.HttpResponse<byte[]> download(ReportingToTheBoard.Report report, String xhtml) {
        return io.micronaut.http.HttpResponse.ok(render(xhtml)).contentType(TYPE).header("Content-Disposition",
                "attachment; filename=\"board-report-" + report.regionCode() + "-" + report.quarter().label() + ".pdf\"");
    }

    private static InputStream font(String file) {
        InputStream in = BoardReportPdf.class.getResourceAsStream("/liberation/" + file);
        if (in == null) {
            throw new IllegalStateException("The font " + file + " is missing from the build (openpdf-fonts-extra)");
        }
        return in;
    }
}
