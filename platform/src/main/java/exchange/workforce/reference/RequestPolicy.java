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

    static void check(ReferenceRequests.NewRequest request, String requester, LocalDate today) {
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
        ReferenceRequests.Consent consent = request.consent();
        if (consent == null || consent.givenOn() == null) {
            broken.add(violation("consent.givenOn", "record the date the worker consented to the reference being sought"));
        } else if (consent.givenOn().isAfter(today)) {
            broken.add(violation("consent.givenOn", "consent cannot be dated in the future (" + consent.givenOn() + ")"));
        }
        if (consent == null || consent.method() == null || consent.method().isBlank()) {
            broken.add(violation("consent.method", "say how consent was given, e.g. 'signed application form'"));
        }
        workerDetails(request.worker(), today, broken);
        if (!broken.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, broken.size() == 1 ? broken.get(0).field() : null,
                    String.join("; ", broken.stream().map(Problem.Violation::message).toList()), broken);
        }
    }

    /**
     * The worker's stated details are optional (the referee can also confirm by registration number); given, they need
     * the name, and dates that make sense. Bounded, since they are sealed and kept.
     */
    private static void workerDetails(exchange.workforce.worker.WorkerDetails worker, LocalDate today, List<Problem.Violation> broken) {
        if (worker == null) {
            return;
        }
        if (worker.name() == null || worker.name().isBlank() || worker.name().length() > 200) {
            broken.add(violation("worker.name", "give the worker's name as stated on the application (up to 200 characters)"));
        }
        if (worker.jobTitle() != null && worker.jobTitle().length() > 200) {
            broken.add(violation("worker.jobTitle", "give the job title in up to 200 characters"));
        }
        if (worker.employedFrom() != null && worker.employedFrom().isAfter(today)) {
            broken.add(violation("worker.employedFrom", "the employment cannot have started in the future (" + worker.employedFrom() + ")"));
        }
        if (worker.employedFrom() != null && worker.employedTo() != null && worker.employedTo().isBefore(worker.employedFrom())) {
            broken.add(violation("worker.employedTo", "the employment ended (" + worker.employedTo() + ") before it began (" + worker.employedFrom() + ")"));
        }
    }

    /** The details as they will be sealed: text trimmed, blanks as nothing; nothing at all if no name was given. */
    static exchange.workforce.worker.WorkerDetails trimmed(exchange.workforce.worker.WorkerDetails worker) {
        if (worker == null || worker.name() == null || worker.name().isBlank()) {
            return null;
        }
        return new exchange.workforce.worker.WorkerDetails(worker.name().trim(), worker.jobTitle() == null || worker.jobTitle().isBlank()
                ? null : worker.jobTitle().trim(), worker.employedFrom(), worker.employedTo());
    }

    private static Problem.Violation violation(String field, String message) {
        return new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field, null, null, field + ": " + message);
    }
}
