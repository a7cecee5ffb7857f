package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.problem.Problem;
import exchange.workforce.tenancy.ReferenceAuthorities;

import java.util.List;

/**
 * A return is submitted for the submitter's own authority, which comes from the sign-in. A file may name it by ONS
 * code or by DfE's three-digit number (which DfE keeps when ONS recodes a council). A body or file that
 * names another authority is refused outright rather than silently re-labelled: it is almost certainly the
 * wrong file, and storing it under the submitter's name would be worse than refusing it.
 */
final class AuthorityOfTheFilePolicy {

    /** The reference list, read once: a file names its authority by ONS code or by DfE's three-digit number. */
    private static final ReferenceAuthorities REFERENCE = ReferenceAuthorities.load();

    private AuthorityOfTheFilePolicy() {
    }

    static void check(String named, Caller caller, Integer row) {
        String own = caller.authorityCode().orElseThrow();
        String ownNumber = REFERENCE.authorities().stream().filter(a -> a.gssCode().equals(own)).map(ReferenceAuthorities.Row::dfeNumber)
                .findFirst().orElse(null);
        boolean ours = named == null || named.isBlank() || named.trim().equalsIgnoreCase(own) || named.trim().equals(ownNumber);
        if (!ours) {
            throw SubmittingAReturn.rejected(List.of(new Problem.Violation(ReturnRule.AUTHORITY_NOT_YOURS.name(), "authority", row, "authority",
                    "this return names authority " + named.trim() + ", but you submit for " + own
                            + ". Check you have the right file; leave the authority out or give " + own
                            + (ownNumber == null ? "" : " (or DfE's number for it, " + ownNumber + ")") + ".")));
        }
    }
}
