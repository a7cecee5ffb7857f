package exchange.workforce.problem;

import java.util.List;

/** Raised by the platform's own code to answer with a problem; the message is for a council officer. */
public class ApiProblem extends RuntimeException {

    private final ProblemCode code;
    private final String field;
    private final List<Problem.Violation> violations;
    private final Long retryAfterSeconds;

    public ApiProblem(ProblemCode code, String field, String detail) {
        this(code, field, detail, List.of());
    }

    public ApiProblem(ProblemCode code, String field, String detail, List<Problem.Violation> violations) {
        this(code, field, detail, violations, null);
    }

    private ApiProblem(ProblemCode code, String field, String detail, List<Problem.Violation> violations, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
        this.violations = List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same problem, saying when to try again (the Retry-After header of a 429), in whole seconds, at least 1. */
    public ApiProblem retryAfter(long seconds) {
        return new ApiProblem(code, field, getMessage(), violations, Math.max(1, seconds));
    }

    /** Seconds until trying again may succeed, or null where waiting would not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(ProblemCode.NOT_FOUND, null, what);
    }

    public ProblemCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
