package exchange.workforce.reference;

import exchange.workforce.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A provided reference as a page shows it: each question of the standard template with its answer in words. */
final class ReferenceView {

    private ReferenceView() {
    }

    static Map<String, Object> of(ReferenceDao.ProvidedReference provided, String referee, String requester) {
        ReferenceTemplate r = provided.reference();
        List<Map<String, Object>> rows = new ArrayList<>();
        add(rows, "Role", words(r.role()));
        add(rows, "Engagement", words(r.engagementType()));
        add(rows, "Start date", r.startDate() == null ? "" : r.startDate().toString());
        add(rows, "End date", r.endDate() == null ? "Still employed" : r.endDate().toString());
        add(rows, "Reason for leaving", r.reasonForLeaving());
        if (r.practice() != null) {
            add(rows, practiceLabel("directWorkWithChildrenAndFamilies"), words(r.practice().directWorkWithChildrenAndFamilies()));
            add(rows, practiceLabel("assessmentAndAnalysis"), words(r.practice().assessmentAndAnalysis()));
            add(rows, practiceLabel("recording"), words(r.practice().recording()));
            add(rows, practiceLabel("workingWithPartners"), words(r.practice().workingWithPartners()));
            add(rows, practiceLabel("useOfSupervision"), words(r.practice().useOfSupervision()));
            add(rows, practiceLabel("timeliness"), words(r.practice().timeliness()));
            add(rows, "Comments on practice", r.practice().comments());
        }
        if (r.conduct() != null) {
            add(rows, "Safeguarding concerns", answer(r.conduct().safeguardingConcern()));
            add(rows, "Disciplinary action", answer(r.conduct().disciplinaryAction()));
            add(rows, "Capability procedures", answer(r.conduct().capabilityProcedures()));
        }
        if (r.wouldReemploy() != null) {
            add(rows, "Would re-employ", words(r.wouldReemploy().answer())
                    + (r.wouldReemploy().reason() == null ? "" : ": " + r.wouldReemploy().reason()));
        }
        if (r.writtenBy() != null) {
            add(rows, "Written by", r.writtenBy().name() + ", " + r.writtenBy().jobTitle());
        }
        add(rows, "Written on", r.writtenOn() == null ? "" : exchange.workforce.web.GovukDates.format(r.writtenOn()));
        return Pages.row("referee", referee, "requester", requester, "version", provided.templateVersion(), "rows", rows,
                "providedAt", exchange.workforce.web.GovukDates.format(provided.providedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()));
    }

    private static String answer(ReferenceTemplate.Answered answer) {
        return answer == null ? "" : words(answer.answer()) + (answer.details() == null ? "" : ": " + answer.details());
    }

    private static void add(List<Map<String, Object>> rows, String question, String answer) {
        rows.add(Pages.row("question", question, "answer", answer == null ? "" : answer));
    }

    /** A code in words: SENIOR_SOCIAL_WORKER → "Senior social worker". */
    static String words(String code) {
        if (code == null) {
            return "";
        }
        String text = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1).replace("iro cp chair", "IRO / CP chair");
    }

    static String practiceLabel(String code) {
        return switch (code) {
            case "directWorkWithChildrenAndFamilies" -> "Direct work with children and families";
            case "assessmentAndAnalysis" -> "Assessment and analysis";
            case "recording" -> "Recording";
            case "workingWithPartners" -> "Working with partners";
            case "useOfSupervision" -> "Use of supervision";
            default -> "Timeliness";
        };
    }
}
