package exchange.workforce.memorandum;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.time.LocalDate;
import java.util.Optional;

/**
 * New terms take effect on or after the date of the version they replace. Back-dating past it would
 * rewrite which rules applied to decisions already taken (a cooling-off check, a suppression threshold).
 * And no more than {@link #FURTHEST_AHEAD} ahead: since terms must take effect on or after the latest
 * version, a version dated far ahead (9999-12-31) would freeze the memorandum, as no later change could
 * come before it. Two years covers a memorandum agreed for its next phase.
 */
final class TermsVersioningPolicy {

    private TermsVersioningPolicy() {
    }

    static final java.time.Period FURTHEST_AHEAD = java.time.Period.ofYears(2);

    static void check(Optional<MemorandumTerms> latest, LocalDate effectiveFrom, LocalDate today) {
        if (effectiveFrom.isAfter(today.plus(FURTHEST_AHEAD))) {
            throw new ApiProblem(ProblemCode.TERMS_EFFECTIVE_TOO_LATE, "effectiveFrom", "New terms may take effect up to "
                    + "two years ahead (by " + today.plus(FURTHEST_AHEAD) + "), not " + effectiveFrom
                    + ": a version dated further ahead would block every change until then.");
        }
        latest.filter(current -> effectiveFrom.isBefore(current.effectiveFrom())).ifPresent(current -> {
            throw new ApiProblem(ProblemCode.TERMS_EFFECTIVE_TOO_EARLY, "effectiveFrom",
                    "Version " + current.version() + " of the terms takes effect on " + current.effectiveFrom()
                            + "; new terms must take effect on or after that date, not " + effectiveFrom + ".");
        });
    }
}
