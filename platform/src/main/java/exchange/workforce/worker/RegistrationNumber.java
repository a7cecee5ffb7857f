package exchange.workforce.worker;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Social Work England registration number, such as SW123456. Accepted in lower case and with spaces
 * ("sw 123 456"); anything else is refused. It exists only in memory, on its way to becoming a pseudonym:
 * it has no toString that reveals it, and it is never stored or logged.
 */
public final class RegistrationNumber {

    private static final Pattern FORM = Pattern.compile("SW[0-9]{1,8}");

    private final String normalised;

    private RegistrationNumber(String normalised) {
        this.normalised = normalised;
    }

    public static RegistrationNumber parse(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            throw new ApiProblem(ProblemCode.INVALID_REGISTRATION_NUMBER, field,
                    "Give the worker's Social Work England registration number, e.g. SW123456.");
        }
        String normalised = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!FORM.matcher(normalised).matches()) {
            throw new ApiProblem(ProblemCode.INVALID_REGISTRATION_NUMBER, field,
                    "That is not a Social Work England registration number: it should be SW followed by its digits, "
                            + "e.g. SW123456 (spaces and lower case are fine).");
        }
        return new RegistrationNumber(normalised);
    }

    public String normalised() {
        return normalised;
    }

    @Override
    public String toString() {
        return "RegistrationNumber[redacted]";
    }
}
