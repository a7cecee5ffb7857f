package exchange.workforce.memorandum;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.time.LocalDate;
import java.util.Optional;

/**
 * New terms take effect on or after the date of the version they replace. Back-dating past it would
 * rewrite which rules applied to decisions already taken (a cooling-off check, a suppression threshold).
 */
final class TermsVersioningPolicy {

    private TermsVersioningPolicy() {
    }

    static void check(Optional<MemorandumTerms> latest, LocalDate effectiveFrom) {
        latest.filter(current -> effectiveFrom.isBefore(current.effectiveFrom())).ifPresent(current -> {
            throw new ApiProblem(ProblemCode.TERMS_EFFECTIVE_TOO_EARLY, "effectiveFrom",
                    "Version " + current.version() + " of the terms takes effect on " + current.effectiveFrom()
                            + "; new terms must take effect on or after that date, not " + effectiveFrom + ".");
        });
    }
}
