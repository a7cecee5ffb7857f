package exchange.workforce.reference;

import exchange.workforce.web.GovukDates;
import exchange.workforce.web.TaggedPdf;
import org.apache.commons.text.StringEscapeUtils;

import java.time.ZoneId;
import java.util.List;

/**
 * The worker's copy of a reference as a PDF to print or send: the notice of their right to see it, who wrote it and for
 * whom, and every answer on the template in words (ratings and codes spelled out), in the order the template asks. A4,
 * fonts embedded (a name prints as written), tagged for a screen reader ({@link TaggedPdf}).
 */
final class WorkerCopyPdf {

    private WorkerCopyPdf() {
    }

    static byte[] of(WorkerCopy copy) {
        StringBuilder html = new StringBuilder();
        String title = "A reference about you, written by " + copy.writtenByAuthority();
        html.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\" /><title>").append(x(title)).append("</title>")
                .append("<meta name=\"author\" content=\"Workforce Exchange\" /><style>")
                .append("@page { size: A4; margin: 20mm; } body { font-family: '").append(TaggedPdf.FONT_FAMILY).append("'; font-size: 10pt; }")
                .append(" h1 { font-size: 18pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt 0; } table { width: 100%; border-collapse: collapse; }")
                .append(" th, td { text-align: left; vertical-align: top; border-bottom: 0.5pt solid #b1b4b6; padding: 4pt; } th { width: 30%; }")
                .append("</style></head><body>");
        html.append("<h1>A reference about you</h1><p>").append(x(copy.notice())).append("</p>");
        ReferenceTemplate r = copy.reference();
        table(html, null, List.of(
                List.of("Written by", copy.writtenByAuthority()),
                List.of("Written for", copy.writtenForAuthority()),
                List.of("Provided on", GovukDates.format(copy.providedAt().atZone(ZoneId.of("Europe/London")).toLocalDate())),
                List.of("Shared with you on", copy.sharedWithWorkerOn() == null ? "Not yet recorded" : GovukDates.format(copy.sharedWithWorkerOn())),
                List.of("Template", "Standard reference template, version " + copy.templateVersion())));
        table(html, "Your employment", List.of(
                List.of("Role", ReferenceView.words(r.role()) + ", " + ReferenceView.words(r.engagementType()).toLowerCase(java.util.Locale.ROOT)),
                List.of("From", r.startDate() == null ? "" : GovukDates.format(r.startDate())),
                List.of("To", r.endDate() == null ? "Still employed" : GovukDates.format(r.endDate())),
                List.of("Reason for leaving", text(r.reasonForLeaving()))));
        ReferenceTemplate.PracticeRatings p = r.practice();
        if (p != null) {
            table(html, "Practice", List.of(
                    List.of(ReferenceView.practiceLabel("directWorkWithChildrenAndFamilies"), ReferenceView.words(p.directWorkWithChildrenAndFamilies())),
                    List.of(ReferenceView.practiceLabel("assessmentAndAnalysis"), ReferenceView.words(p.assessmentAndAnalysis())),
                    List.of(ReferenceView.practiceLabel("recording"), ReferenceView.words(p.recording())),
                    List.of(ReferenceView.practiceLabel("workingWithPartners"), ReferenceView.words(p.workingWithPartners())),
                    List.of(ReferenceView.practiceLabel("useOfSupervision"), ReferenceView.words(p.useOfSupervision())),
                    List.of(ReferenceView.practiceLabel("timeliness"), ReferenceView.words(p.timeliness())),
                    List.of("Comments", text(p.comments()))));
        }
        ReferenceTemplate.Conduct c = r.conduct();
        if (c != null) {
            table(html, "Conduct and safeguarding", List.of(
                    List.of("Any safeguarding concern", answer(c.safeguardingConcern())),
                    List.of("Disciplinary action", answer(c.disciplinaryAction())),
                    List.of("Capability procedures", answer(c.capabilityProcedures()))));
        }
        ReferenceTemplate.WouldReemploy w = r.wouldReemploy();
        table(html, "Would they employ you again", List.of(List.of("Answer", w == null ? "" : ReferenceView.words(w.answer())),
                List.of("Reason", w == null ? "" : text(w.reason()))));
        ReferenceTemplate.Author a = r.writtenBy();
        table(html, "Written by", List.of(List.of("Name", a == null ? "" : text(a.name())), List.of("Job title", a == null ? "" : text(a.jobTitle())),
                List.of("Date", r.writtenOn() == null ? "" : GovukDates.format(r.writtenOn()))));
        html.append("</body></html>");
        return TaggedPdf.render(html.toString());
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

    private static String x(String text) {
        return StringEscapeUtils.escapeXml10(text);
    }

    /** A section: its heading (none for the first) and a two-column table, each row's label a header cell. */
    private static void table(StringBuilder html, String heading, List<List<String>> rows) {
        if (heading != null) {
            html.append("<h2>").append(x(heading)).append("</h2>");
        }
        html.append("<table>");
        for (List<String> row : rows) {
            html.append("<tr><th scope=\"row\">").append(x(row.get(0))).append("</th><td>").append(x(row.get(1))).append("</td></tr>");
        }
        html.append("</table>");
    }
}
