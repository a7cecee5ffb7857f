package exchange.workforce.governance;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The pack as a Word document the region's data protection officer can edit: real heading styles (Word's navigation
 * pane and a screen reader find them), tables with a header row, and under each section where its statements came from.
 */
final class GovernanceDocument {

    static final String TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private GovernanceDocument() {
    }

    static byte[] write(GovernancePack.Pack pack) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = document.createStyles();
            heading(styles, "Title", "Title", 36);
            heading(styles, "Heading1", "heading 1", 28);
            document.getProperties().getCoreProperties().setTitle("Information governance pack: " + pack.regionName() + " memorandum");
            document.getProperties().getCoreProperties().setCreator("Workforce Exchange");
            paragraph(document, "Title", "Information governance pack: " + pack.regionName() + " memorandum");
            paragraph(document, null, "A draft for the region's data protection officer to review and edit, written on "
                    + exchange.workforce.web.GovukDates.format(pack.generatedOn()) + " from version " + pack.termsVersion() + " of the memorandum's terms (in force from "
                    + exchange.workforce.web.GovukDates.format(pack.termsInForceFrom()) + ") and the platform's configuration. It is not legal advice.");
            for (GovernancePack.Section section : pack.sections()) {
                paragraph(document, "Heading1", section.title());
                section.paragraphs().forEach(text -> paragraph(document, null, text));
                if (!section.table().isEmpty()) {
                    table(document, section.table());
                }
                if (!section.derivedFrom().isEmpty()) {
                    StringBuilder from = new StringBuilder("Written from: ");
                    int i = 0;
                    for (Map.Entry<String, String> entry : section.derivedFrom().entrySet()) {
                        from.append(i++ == 0 ? "" : "; ").append(entry.getKey()).append(" = ").append(entry.getValue());
                    }
                    paragraph(document, null, from.toString()).getRuns().get(0).setItalic(true);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pack as a download named for the region and day. */
    static io.micronaut.http.HttpResponse<byte[]> download(GovernancePack.Pack pack) {
        return io.micronaut.http.HttpResponse.ok(write(pack)).contentType(TYPE).header("Content-Disposition",
                "attachment; filename=\"governance-pack-" + pack.regionCode() + "-" + pack.generatedOn() + ".docx\"");
    }

    private static void heading(XWPFStyles styles, String id, String name, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewQFormat();
        if (id.startsWith("Heading")) {
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
        }
        var run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
        return paragraph;
    }

    private static void table(XWPFDocument document, List<List<String>> rows) {
        XWPFTable table = document.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            for (int c = 0; c < rows.get(r).size(); c++) {
                var cell = row.getCell(c);
                cell.removeParagraph(0);
                var run = cell.addParagraph().createRun();
                run.setText(rows.get(r).get(c));
                run.setBold(r == 0);
            }
        }
        document.createParagraph();
    }
}
