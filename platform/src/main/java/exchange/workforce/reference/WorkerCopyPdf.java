package exchange.workforce.reference;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;

/**
 * The worker's copy of a reference as a PDF to print or send: the notice of their right to see it, who wrote it and for
 * whom, and every answer on the template in words (ratings and codes spelled out), in the order the template asks.
 */
final class WorkerCopyPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font KEY = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

    private WorkerCopyPdf() {
    }

    static byte[] of(WorkerCopy copy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Reference about you, written by " + copy.writtenByAuthority());
            document.addCreator("Workforce Exchange");
            document.open();
            document.add(new Paragraph("A reference about you", TITLE));
            document.add(spaced(new Paragraph(copy.notice(), TEXT)));
            ReferenceTemplate r = copy.reference();
            table(document, List.of(
                    List.of("Written by", copy.writtenByAuthority()),
                    List.of("Written for", copy.writtenForAuthority()),
                    List.of("Provided on", copy.providedAt().atZone(ZoneId.of("Europe/London")).toLocalDate().toString()),
                    List.of("Shared with you on", copy.sharedWithWorkerOn() == null ? "Not yet recorded" : copy.sharedWithWorkerOn().toString()),
                    List.of("Template", "Standard reference template, version " + copy.templateVersion())));
            heading(document, "Your employment");
            table(document, List.of(
                    List.of("Role", ReferenceView.words(r.role()) + ", " + ReferenceView.words(r.engagementType()).toLowerCase(java.util.Locale.ROOT)),
                    List.of("From", text(r.startDate())),
                    List.of("To", r.endDate() == null ? "Still employed" : r.endDate().toString()),
                    List.of("Reason for leaving", text(r.reasonForLeaving()))));
            heading(document, "Practice");
            ReferenceTemplate.PracticeRatings p = r.practice();
            if (p != null) {
                table(document, List.of(
                        List.of(ReferenceView.practiceLabel("directWorkWithChildrenAndFamilies"), ReferenceView.words(p.directWorkWithChildrenAndFamilies())),
                        List.of(ReferenceView.practiceLabel("assessmentAndAnalysis"), ReferenceView.words(p.assessmentAndAnalysis())),
                        List.of(ReferenceView.practiceLabel("recording"), ReferenceView.words(p.recording())),
                        List.of(ReferenceView.practiceLabel("workingWithPartners"), ReferenceView.words(p.workingWithPartners())),
                        List.of(ReferenceView.practiceLabel("useOfSupervision"), ReferenceView.words(p.useOfSupervision())),
                        List.of(ReferenceView.practiceLabel("timeliness"), ReferenceView.words(p.timeliness())),
                        List.of("Comments", text(p.comments()))));
            }
            heading(document, "Conduct and safeguarding");
            ReferenceTemplate.Conduct c = r.conduct();
            if (c != null) {
                table(document, List.of(
                        List.of("Any safeguarding concern", answer(c.safeguardingConcern())),
                        List.of("Disciplinary action", answer(c.disciplinaryAction())),
                        List.of("Capability procedures", answer(c.capabilityProcedures()))));
            }
            heading(document, "Would they employ you again");
            ReferenceTemplate.WouldReemploy w = r.wouldReemploy();
            table(document, List.of(List.of("Answer", w == null ? "" : ReferenceView.words(w.answer())),
                    List.of("Reason", w == null ? "" : text(w.reason()))));
            heading(document, "Written by");
            ReferenceTemplate.Author a = r.writtenBy();
            table(document, List.of(List.of("Name", a == null ? "" : text(a.name())), List.of("Job title", a == null ? "" : text(a.jobTitle())),
                    List.of("Date", text(r.writtenOn()))));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The worker's copy could not be written as PDF", e);
        }
        return out.toByteArray();
    }

    private static String answer(ReferenceTemplate.Answered answer) {
        if (answer == null) {
            return "";
        }
        return ReferenceView.words(answer.answer()) + (answer.details() == null || answer.details().isBlank() ? "" : ": " + answer.details());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Paragraph spaced(Paragraph paragraph) {
        paragraph.setSpacingBefore(8);
        paragraph.setSpacingAfter(8);
        return paragraph;
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static void table(Document document, List<List<String>> rows) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1.3f, 3f});
        table.setWidthPercentage(100);
        for (List<String> row : rows) {
            PdfPCell key = new PdfPCell(new Phrase(row.get(0), KEY));
            key.setBorder(PdfPCell.BOTTOM);
            key.setPadding(4);
            key.setVerticalAlignment(Element.ALIGN_TOP);
            PdfPCell value = new PdfPCell(new Phrase(row.get(1), TEXT));
            value.setBorder(PdfPCell.BOTTOM);
            value.setPadding(4);
            table.addCell(key);
            table.addCell(value);
        }
        document.add(table);
    }
}
