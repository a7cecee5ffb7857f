package exchange.workforce.reference;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A request needs the worker's consent (recorded with when and how it was given, not in the future), a
 * referee, and a due date in the future: a referee cannot be late for a date already past.
 */
final class RequestPolicy {

    private RequestPolicy() {
    }

    static void check(RequestController.NewRequest request, String requester, LocalDate today) {
        List<Problem.Violation> broken = new ArrayList<>();
        if (request.engagementId() == null) {
            broken.add(violation("engagementId", "name the engagement the reference is for"));
        }
        if (request.refereeAuthority() == null || request.refereeAuthority().isBlank()) {
            broken.add(violation("refereeAuthority", "name the authority asked for the reference (ONS code, e.g. E10000016)"));
        }
        if (request.dueOn() == null) {
            broken.add(violation("dueOn", "give the date the reference is due (YYYY-MM-DD)"));
        } else if (!request.dueOn().isAfter(today)) {
            broken.add(violation("dueOn", "the due date " + request.dueOn() + " must be after today"));
        }
        RequestController.Consent consent = request.consent();
        if (consent == null || consent.givenOn() == null) {
            broken.add(violation("consent.givenOn", "record the date the worker consented to the reference being sought"));
        } else if (consent.givenOn().isAfter(today)) {
            broken.add(violation("consent.givenOn", "consent cannot be dated in the future (" + consent.givenOn() + ")"));
        }
        if (consent == null || consent.method() == null || consent.method().isBlank()) {
            broken.add(violation("consent.method", "say how consent was given, e.g. 'signed application form'"));
        }
        if (!broken.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, broken.size() == 1 ? broken.get(0).field() : null,
                    String.join("; ", broken.stream().map(Problem.Violation::message).toList()), broken);
        }
    }

    private static Problem.Violation violation(String field, String message) {
        return new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field, null, null, field + ": " + message);
    }
}
