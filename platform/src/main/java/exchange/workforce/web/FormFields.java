package exchange.workforce.web;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way pages read a form's fields and report what is wrong with them: each error is a row linking to its
 * field's id, in the error summary's words. A date is GOV.UK's three fields (name-day, name-month, name-year).
 */
public final class FormFields {

    private FormFields() {
    }

    /** The date typed, or null (nothing typed, or not a date: then the error says which). */
    public static LocalDate date(Map<String, String> form, String name, String what, List<Map<String, Object>> errors) {
        try {
            return DateField.read(form, name, what);
        } catch (IllegalArgumentException e) {
            errors.add(Pages.row("link", name + "-day", "message", e.getMessage()));
            return null;
        }
    }

    /** The date typed; an error saying to enter it if nothing was. */
    public static LocalDate requiredDate(Map<String, String> form, String name, String what, List<Map<String, Object>> errors) {
        int before = errors.size();
        LocalDate date = date(form, name, what, errors);
        if (date == null && errors.size() == before) {
            errors.add(Pages.row("link", name + "-day", "message", "Enter " + what.toLowerCase(Locale.UK)));
        }
        return date;
    }

    /** The text typed, trimmed; null for nothing but spaces. */
    public static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
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

    /** A use case's refusal, each violation linked to {@code field} on the page. */
    public static void refused(ApiProblem problem, String field, List<Map<String, Object>> errors) {
        List<Problem.Violation> violations = problem.violations().isEmpty()
                ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage()))
                : problem.violations();
        violations.forEach(v -> errors.add(Pages.row("link", field, "message", v.message())));
    }
}
