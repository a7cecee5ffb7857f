package exchange.workforce.web;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * What a use case or a file's check refused, as a page's error summary says it: each problem a row linking to the box
 * it is about. (What is wrong with a form's own answers is {@link FormCheck}'s to say.)
 */
public final class FormFields {

    private FormFields() {
    }

    /** The most problems a refused file's error summary lists; the rest are counted. */
    static final int SHOWN_FILE_ERRORS = 50;

    /** A refused file's problems for the error summary: "Row 3, left_on: …", each linking to the file field. */
    public static List<Map<String, Object>> fileErrors(ApiProblem problem) {
        List<Problem.Violation> violations = problem.violations() == null || problem.violations().isEmpty()
                ? List.of(new Problem.Violation(problem.code().name(), "file", null, null, problem.getMessage())) : problem.violations();
        List<Map<String, Object>> errors = new java.util.ArrayList<>(violations.stream().limit(SHOWN_FILE_ERRORS).map(v -> Pages.row("link", "file",
                "message", (v.row() == null ? "" : "Row " + v.row() + ", ") + (v.column() == null ? "" : v.column() + ": ") + v.message())).toList());
        if (violations.size() > SHOWN_FILE_ERRORS) {
            errors.add(Pages.row("link", "file", "message", "and " + (violations.size() - SHOWN_FILE_ERRORS) + " more problems"));
        }
        return errors;
    }

    /** A use case's refusal, each violation linked to {@code field} on the page. */
    public static List<FieldError> refusedAt(ApiProblem problem, String field) {
        List<Problem.Violation> violations = problem.violations().isEmpty()
                ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage()))
                : problem.violations();
        return violations.stream().map(v -> new FieldError(field, v.message())).toList();
    }
}
