package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.problem.Problem;

import java.util.List;

/**
 * A return is submitted for the submitter's own authority, which comes from the sign-in. A body or file that
 * names another authority is refused outright rather than silently re-labelled: it is almost certainly the
 * wrong file, and storing it under the submitter's name would be worse than refusing it.
 */
final class AuthorityOfTheFilePolicy {

    private AuthorityOfTheFilePolicy() {
    }

    static void check(String named, Caller caller, Integer row) {
        String own = caller.authorityCode().orElseThrow();
        if (named != null && !named.isBlank() && !named.trim().equalsIgnoreCase(own)) {
            throw SubmittingAReturn.rejected(List.of(new Problem.Violation(ReturnRule.AUTHORITY_NOT_YOURS.name(), "authority", row, "authority",
                    "this return names authority " + named.trim() + ", but you submit for " + own
                            + ". Check you have the right file; leave the authority out or give " + own + ".")));
        }
    }
}
