package exchange.workforce.problem;

import java.util.List;

/** Raised by the platform's own code to answer with a problem; the message is for a council officer. */
public class ApiProblem extends RuntimeException {

    private final ProblemCode code;
    private final String field;
    private final List<Problem.Violation> violations;

    public ApiProblem(ProblemCode code, String field, String detail) {
        this(code, field, detail, List.of());
    }

    public ApiProblem(ProblemCode code, String field, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
        this.violations = List.copyOf(violations);
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
