package exchange.workforce.reference;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/** The holder look-ups counted for their limits ({@link HolderLookupLimits}): who looked up, when; never what. */
@Singleton
class HolderLookupDao {

    /** The look-ups in each window, and the seconds until the oldest of each leaves it (when one more is allowed). */
    private static final String RECENT = """
            select count(*) filter (where looked_up_by = ? and looked_up_at > now() - interval '1 hour'),
                   count(*) filter (where looked_up_at > now() - interval '1 day'),
                   ceil(extract(epoch from min(looked_up_at) filter (where looked_up_by = ? and looked_up_at > now() - interval '1 hour')
                                           + interval '1 hour' - now())),
                   ceil(extract(epoch from min(looked_up_at) filter (where looked_up_at > now() - interval '1 day') + interval '1 day' - now()))
              from holder_lookup where authority_code = ?""";

    /**
     * An authority's look-ups: the user's in the last hour and the authority's in the last day, and the seconds until the
     * oldest of each leaves its window.
     */
    record Recent(int byUserThisHour, int byAuthorityToday, int userSecondsToWait, int authoritySecondsToWait) {
    }

    private final JdbcOperations jdbc;

    HolderLookupDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the authority's look-ups still until the transaction ends, so two at once cannot both pass a limit. */
    void lock(String authority) {
        jdbc.prepareStatement("select pg_advisory_xact_lock(hashtext('holder_lookup:' || ?))", lock -> {
            lock.setString(1, authority);
            return lock.execute();
        });
    }

    Recent recent(String authority, String user) {
        return jdbc.prepareStatement(RECENT, statement -> {
            statement.setString(1, user);
            statement.setString(2, user);
            statement.setString(3, authority);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Recent(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4));
            }
        });
    }

    void record(String authority, String user) {
        jdbc.prepareStatement("insert into holder_lookup (authority_code, looked_up_by) values (?, ?)", insert -> {
            insert.setString(1, authority);
            insert.setString(2, user);
            return insert.executeUpdate();
        });
    }
}
