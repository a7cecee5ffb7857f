package exchange.workforce.reference;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

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

    /** The look-ups in each window, and the seconds until the oldest of each leaves it (when one more is allowed). */
    private static final String COUNT = """
            select count(*) filter (where looked_up_by = ? and looked_up_at > now() - interval '1 hour'),
                   count(*) filter (where looked_up_at > now() - interval '1 day'),
                   ceil(extract(epoch from min(looked_up_at) filter (where looked_up_by = ? and looked_up_at > now() - interval '1 hour')
                                           + interval '1 hour' - now())),
                   ceil(extract(epoch from min(looked_up_at) filter (where looked_up_at > now() - interval '1 day') + interval '1 day' - now()))
              from holder_lookup where authority_code = ?""";

    private final JdbcOperations jdbc;

    HolderLookupLimits(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts this look-up, or refuses it if a limit is reached; returns the user's look-ups in the last hour, this one included. */
    int count(String authority, String user) {
        return jdbc.prepareStatement("select pg_advisory_xact_lock(hashtext('holder_lookup:' || ?))", lock -> {
            lock.setString(1, authority);
            lock.execute();
            int[] counts = jdbc.prepareStatement(COUNT, statement -> {
                statement.setString(1, user);
                statement.setString(2, user);
                statement.setString(3, authority);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new int[] {rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4)};
                }
            });
            if (counts[0] >= PER_USER_PER_HOUR) {
                throw new ApiProblem(ProblemCode.TOO_MANY_LOOKUPS, null, "You have made " + counts[0] + " holder look-ups "
                        + "in the last hour, the most one person may make (" + PER_USER_PER_HOUR + "). Try again later, "
                        + "or ask your region administrator if your work needs more.").retryAfter(counts[2]);
            }
            if (counts[1] >= PER_AUTHORITY_PER_DAY) {
                throw new ApiProblem(ProblemCode.TOO_MANY_LOOKUPS, null, "Your authority has made " + counts[1]
                        + " holder look-ups in the last 24 hours, the most allowed (" + PER_AUTHORITY_PER_DAY + "). Try again later.").retryAfter(counts[3]);
            }
            jdbc.prepareStatement("insert into holder_lookup (authority_code, looked_up_by) values (?, ?)", insert -> {
                insert.setString(1, authority);
                insert.setString(2, user);
                return insert.executeUpdate();
            });
            return counts[0] + 1;
        });
    }
}
