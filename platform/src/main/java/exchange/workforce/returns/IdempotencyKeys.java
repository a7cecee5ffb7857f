package exchange.workforce.returns;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.util.regex.Pattern;

/** An Idempotency-Key is the client's own token for one submission: 8 to 128 letters, digits, '.', '_' or '-'. */
public final class IdempotencyKeys {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{8,128}");

    private IdempotencyKeys() {
    }

    public static String check(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!FORM.matcher(key.trim()).matches()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "Idempotency-Key",
                    "Idempotency-Key must be 8 to 128 letters, digits, '.', '_' or '-', e.g. a UUID.");
        }
        return key.trim();
    }
}
