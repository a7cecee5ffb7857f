package exchange.workforce.reference;

import exchange.workforce.identity.Caller;
import exchange.workforce.memorandum.Memoranda;
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

    private final Memoranda memoranda;

    SignatoryPolicy(Memoranda memoranda) {
        this.memoranda = memoranda;
    }

    void requireSignatory(String authorityCode, LocalDate today, String field) {
        if (!memoranda.isSignatoryOn(authorityCode, today)) {
            throw new ApiProblem(ProblemCode.NOT_A_SIGNATORY, field, "Authority " + authorityCode
                    + " is not a member of a memorandum of cooperation today, so references cannot be shared with it.");
        }
    }

    /**
     * A reference is asked of, and given to, an authority of the same memorandum: the memorandum is the
     * agreement under which references are shared, so a council outside it (another region's) has none.
     */
    void requireCommonMemorandum(String requester, String referee, LocalDate today, String field) {
        if (!memoranda.shareMemorandumOn(requester, referee, today)) {
            throw new ApiProblem(ProblemCode.NOT_A_SIGNATORY, field, "Authority " + referee + " is not a member of your "
                    + "memorandum of cooperation today, so references cannot be shared with it. Ask an authority of "
                    + "your own memorandum, or ask this one outside the platform.");
        }
    }

    void requireSignatory(Caller caller, LocalDate today) {
        requireSignatory(caller.authorityCode().orElseThrow(), today, null);
    }
}
