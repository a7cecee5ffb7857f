package exchange.workforce.problem;

import exchange.workforce.operations.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;

/**
 * A request that parses but breaks a rule (a required field missing, a number out of range) answers 422,
 * naming each field and what would be valid.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class RuleViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Problem.Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field(v), null, null,
                        field(v) + ": " + v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " fields need correcting: "
                        + String.join("; ", violations.stream().map(Problem.Violation::message).toList());
        Problem body = Problem.of(ProblemCode.VALIDATION_FAILED, violations.size() == 1 ? violations.get(0).field() : null,
                detail, RequestIds.of(request), violations.size() > 1 ? violations : null);
        return HttpResponse.<Problem>status(ProblemCode.VALIDATION_FAILED.status()).body(body).contentType(Problem.MEDIA_TYPE);
    }

    /** The property name as the caller wrote it: the last node of the path that is not the method or its parameter. */
    private static String field(ConstraintViolation<?> violation) {
        String name = "request";
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            if (depth > 2 && node.getName() != null) {
                name = node.getName();
            } else if (depth == 2 && node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
