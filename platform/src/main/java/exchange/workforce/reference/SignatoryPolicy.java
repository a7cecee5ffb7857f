package exchange.workforce.reference;

import exchange.workforce.identity.Caller;
import exchange.workforce.memorandum.MemorandumDao;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * References are shared under a memorandum: only authorities that are members of one on the day may ask
 * for, give or see them. Reviews and references are the memorandum's common standard, not a public register.
 */
@Singleton
class SignatoryPolicy {

    private final MemorandumDao memoranda;

    SignatoryPolicy(MemorandumDao memoranda) {
        this.memoranda = memoranda;
    }

    void requireSignatory(String authorityCode, LocalDate today, String field) {
        if (!memoranda.isSignatoryOn(authorityCode, today)) {
            throw new ApiProblem(ProblemCode.NOT_A_SIGNATORY, field, "Authority " + authorityCode
                    + " is not a member of a memorandum of cooperation today, so references cannot be shared with it.");
        }
    }

    void requireSignatory(Caller caller, LocalDate today) {
        requireSignatory(caller.authorityCode().orElseThrow(), today, null);
    }
}
