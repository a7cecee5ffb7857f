package exchange.workforce.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A PDF a person can print and a screen reader can read, from XHTML: A4 as the page's CSS says, every font embedded
 * (Liberation Sans, which covers Welsh, Polish and other names as written), tagged to PDF/UA (headings, tables with
 * header cells, lists, the document's language and title). The board report and the worker's copy of a reference.
 */
public final class TaggedPdf {

    public static final String FONT_FAMILY = "Liberation Sans";
    public static final String TYPE = "application/pdf";

    private TaggedPdf() {
    }

    public static byte[] render(String xhtml) {
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
            throw new UncheckedIOException("The PDF could not be written", e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = TaggedPdf.class.getResourceAsStream("/liberation/" + file);
        if (in == null) {
            throw new IllegalStateException("The font " + file + " is missing from the build (openpdf-fonts-extra)");
        }
        return in;
    }
}
