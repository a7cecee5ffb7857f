package exchange.workforce.reference;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of the standard template. A reference is only useful to the next employer if it is complete and
 * honest about conduct: every practice area is rated on the fixed scale, every "yes" to a conduct question
 * explains itself, and the dates make sense.
 */
final class ReferenceTemplatePolicy {

    static final List<String> ROLES = List.of("SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER", "ADVANCED_PRACTITIONER",
            "TEAM_MANAGER", "IRO_CP_CHAIR");
    static final List<String> ENGAGEMENT_TYPES = List.of("PERMANENT", "AGENCY");
    static final List<String> RATINGS = List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_OBSERVED");
    static final List<String> YES_NO = List.of("YES", "NO");
    static final List<String> DISCIPLINARY = List.of("NONE", "CURRENT", "EXPIRED");
    static final List<String> REEMPLOY = List.of("YES", "NO", "WITH_RESERVATIONS");
    private static final int LONG_TEXT = 4000;

    private final List<Problem.Violation> violations = new ArrayList<>();

    private ReferenceTemplatePolicy() {
    }

    static void check(ReferenceTemplate reference, LocalDate today) {
        ReferenceTemplatePolicy policy = new ReferenceTemplatePolicy();
        policy.oneOf("role", reference.role(), ROLES);
        policy.oneOf("engagementType", reference.engagementType(), ENGAGEMENT_TYPES);
        policy.dates(reference.startDate(), reference.endDate(), false, today);
        if (reference.endDate() != null) {
            policy.text("reasonForLeaving", reference.reasonForLeaving(), "say why the worker left");
        }
        policy.practice(reference.practice());
        policy.conduct(reference.conduct());
        policy.reemploy(reference.wouldReemploy());
        policy.author(reference.writtenBy(), reference.writtenOn(), today);
        policy.raise();
    }

    static void check(PlacementReview review, LocalDate today) {
        ReferenceTemplatePolicy policy = new ReferenceTemplatePolicy();
        policy.oneOf("role", review.role(), ROLES);
        policy.text("agency", review.agency(), "name the agency that supplied the worker");
        policy.dates(review.startDate(), review.endDate(), true, today);
        policy.practice(review.practice());
        policy.text("summary", review.summary(), "summarise the worker's practice during the placement");
        policy.author(review.writtenBy(), review.writtenOn(), today);
        policy.raise();
    }

    private void practice(ReferenceTemplate.PracticeRatings practice) {
        if (practice == null) {
            add("practice", "rate each area of practice: " + String.join(", ", RATINGS));
            return;
        }
        oneOf("practice.directWorkWithChildrenAndFamilies", practice.directWorkWithChildrenAndFamilies(), RATINGS);
        oneOf("practice.assessmentAndAnalysis", practice.assessmentAndAnalysis(), RATINGS);
        oneOf("practice.recording", practice.recording(), RATINGS);
        oneOf("practice.workingWithPartners", practice.workingWithPartners(), RATINGS);
        oneOf("practice.useOfSupervision", practice.useOfSupervision(), RATINGS);
        oneOf("practice.timeliness", practice.timeliness(), RATINGS);
        length("practice.comments", practice.comments());
    }

    private void conduct(ReferenceTemplate.Conduct conduct) {
        if (conduct == null) {
            add("conduct", "answer the conduct and safeguarding questions");
            return;
        }
        answered("conduct.safeguardingConcern", conduct.safeguardingConcern(), YES_NO, Set.of("YES"));
        answered("conduct.disciplinaryAction", conduct.disciplinaryAction(), DISCIPLINARY, Set.of("CURRENT", "EXPIRED"));
        answered("conduct.capabilityProcedures", conduct.capabilityProcedures(), YES_NO, Set.of("YES"));
    }

    private void answered(String field, ReferenceTemplate.Answer answer, List<String> allowed, Set<String> needDetails) {
        String value = answer == null ? null : answer.answer();
        if (!oneOf(field + ".answer", value, allowed)) {
            return;
        }
        if (needDetails.contains(value) && blank(answer.details())) {
            add(field + ".details", "an answer of " + value + " needs details: what happened, when, and the outcome");
        }
        length(field + ".details", answer.details());
    }

    private void reemploy(ReferenceTemplate.WouldReemploy reemploy) {
        String value = reemploy == null ? null : reemploy.answer();
        if (oneOf("wouldReemploy.answer", value, REEMPLOY) && !"YES".equals(value) && blank(reemploy.reason())) {
            add("wouldReemploy.reason", "an answer of " + value + " needs the reason");
        }
    }

    private void author(ReferenceTemplate.Author author, LocalDate writtenOn, LocalDate today) {
        text("writtenBy.name", author == null ? null : author.name(), "give the name of the person who wrote it");
        text("writtenBy.jobTitle", author == null ? null : author.jobTitle(), "give the writer's job title");
        if (writtenOn == null) {
            add("writtenOn", "give the date it was written (YYYY-MM-DD)");
        } else if (writtenOn.isAfter(today)) {
            add("writtenOn", "cannot be in the future (" + writtenOn + ")");
        }
    }

    private void dates(LocalDate start, LocalDate end, boolean endRequired, LocalDate today) {
        if (start == null) {
            add("startDate", "give the start date (YYYY-MM-DD)");
        }
        if (end == null && endRequired) {
            add("endDate", "give the end date (YYYY-MM-DD)");
        }
        if (start != null && end != null && end.isBefore(start)) {
            add("endDate", "the end date " + end + " is before the start date " + start);
        }
        if (start != null && start.isAfter(today)) {
            add("startDate", "cannot be in the future (" + start + ")");
        }
    }

    private boolean oneOf(String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            add(field, "is required: one of " + String.join(", ", allowed));
            return false;
        }
        if (!allowed.contains(value)) {
            add(field, "'" + value + "' is not allowed: use one of " + String.join(", ", allowed));
            return false;
        }
        return true;
    }

    private void text(String field, String value, String what) {
        if (blank(value)) {
            add(field, what);
        }
        length(field, value);
    }

    private void length(String field, String value) {
        if (value != null && value.length() > LONG_TEXT) {
            add(field, "is " + value.length() + " characters; at most " + LONG_TEXT);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private void add(String field, String message) {
        violations.add(new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field, null, null, field + ": " + message));
    }

    private void raise() {
        if (violations.isEmpty()) {
            return;
        }
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " answers need correcting: " + String.join("; ",
                violations.stream().map(Problem.Violation::message).toList());
        throw new ApiProblem(ProblemCode.VALIDATION_FAILED, violations.size() == 1 ? violations.get(0).field() : null,
                detail, violations.size() > 1 ? violations : List.of());
    }
}
