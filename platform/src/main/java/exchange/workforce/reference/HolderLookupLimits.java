package exchange.workforce.reference;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import jakarta.inject.Singleton;

/**
 * How often holder look-ups may be made. A look-up answers whether a registration number belongs to a worker
 * with references in the memorandum, so without a limit a reference officer could try every number (about a
 * million) and learn who has worked where. A real search for one candidate takes a handful of look-ups.
 * Counted in the database, so the limit holds across replicas; every look-up is also audited.
 */
@Singleton
class HolderLookupLimits {

    /** One reference officer, in any hour: a day's busy recruitment, several times over. */
    static final int PER_USER_PER_HOUR = 30;
    /** One authority, in any 24 hours: its whole reference team's busiest day. */
    static final int PER_AUTHORITY_PER_DAY = 300;

    private final HolderLookupDao lookups;

    HolderLookupLimits(HolderLookupDao lookups) {
        this.lookups = lookups;
    }

    /** Counts this look-up, or refuses it if a limit is reached; returns the user's look-ups in the last hour, this one included. */
    int count(String authority, String user) {
        lookups.lock(authority);
        HolderLookupDao.Recent recent = lookups.recent(authority, user);
        if (recent.byUserThisHour() >= PER_USER_PER_HOUR) {
            throw new ApiProblem(ProblemCode.TOO_MANY_LOOKUPS, null, "You have made " + recent.byUserThisHour() + " holder look-ups "
                    + "in the last hour, the most one person may make (" + PER_USER_PER_HOUR + "). Try again later, "
                    + "or ask your region administrator if your work needs more.").retryAfter(recent.userSecondsToWait());
        }
        if (recent.byAuthorityToday() >= PER_AUTHORITY_PER_DAY) {
            throw new ApiProblem(ProblemCode.TOO_MANY_LOOKUPS, null, "Your authority has made " + recent.byAuthorityToday()
                    + " holder look-ups in the last 24 hours, the most allowed (" + PER_AUTHORITY_PER_DAY + "). Try again later.")
                    .retryAfter(recent.authoritySecondsToWait());
        }
        lookups.record(authority, user);
        return recent.byUserThisHour() + 1;
    }
}
