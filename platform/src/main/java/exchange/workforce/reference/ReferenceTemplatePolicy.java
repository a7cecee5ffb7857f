package exchange.workforce.reference;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the standard template. A reference is only useful to the next employer if it is complete and
 * honest about conduct: every practice area is rated on the fixed scale, every "yes" to a conduct question
 * explains itself, and the dates make sense. The committed JSON Schemas state the first two (schemas/json, executed by
 * {@link CommittedSchema}); this policy adds only what a schema cannot: an end before the start, and dates in the future.
 */
final class ReferenceTemplatePolicy {

    private static final CommittedSchema REFERENCE = CommittedSchema.load(CommittedSchema.REFERENCE_TEMPLATE);
    private static final CommittedSchema REVIEW = CommittedSchema.load(CommittedSchema.PLACEMENT_REVIEW);

    /** The role types and engagement types engagements take and pages offer: the reference template schema's, read from it. */
    static final List<String> ROLES = REFERENCE.allowed("role");
    static final List<String> ENGAGEMENT_TYPES = REFERENCE.allowed("engagementType");
    /** The practice rating scale, and the answers to the conduct and re-employ questions, as the schema allows them. */
    static final List<String> RATINGS = REFERENCE.allowed("practice", "directWorkWithChildrenAndFamilies");
    static final List<String> YES_NO = REFERENCE.allowed("conduct", "safeguardingConcern", "answer");
    static final List<String> DISCIPLINARY = REFERENCE.allowed("conduct", "disciplinaryAction", "answer");
    static final List<String> REEMPLOY = REFERENCE.allowed("wouldReemploy", "answer");

    private final List<Problem.Violation> violations = new ArrayList<>();

    private ReferenceTemplatePolicy() {
    }

    static void check(ReferenceTemplate reference, LocalDate today, JsonMapper json) {
        check(reference, today, json, REFERENCE);
    }

    /** The same checks under another schema: how a test shows that the schema file, not Java, holds the rules. */
    static void check(ReferenceTemplate reference, LocalDate today, JsonMapper json, CommittedSchema schema) {
        ReferenceTemplatePolicy policy = new ReferenceTemplatePolicy();
        policy.violations.addAll(schema.check(reference, json));
        policy.dates(reference.startDate(), reference.endDate(), today);
        policy.notInFuture("writtenOn", reference.writtenOn(), today);
        policy.raise();
    }

    static void check(PlacementReview review, LocalDate today, JsonMapper json) {
        ReferenceTemplatePolicy policy = new ReferenceTemplatePolicy();
        policy.violations.addAll(REVIEW.check(review, json));
        policy.dates(review.startDate(), review.endDate(), today);
        policy.notInFuture("writtenOn", review.writtenOn(), today);
        policy.raise();
    }

    private void dates(LocalDate start, LocalDate end, LocalDate today) {
        if (start != null && end != null && end.isBefore(start)) {
            add("endDate", "the end date " + end + " is before the start date " + start);
        }
        notInFuture("startDate", start, today);
    }

    private void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            add(field, "cannot be in the future (" + date + ")");
        }
    }

    private void add(String field, String message) {
        if (violations.stream().noneMatch(v -> v.field().equals(field))) {
            violations.add(new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field, null, null, field + ": " + message));
        }
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
