package exchange.workforce.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The SQL of the retention run ({@link Retention}), as the owner, on the connection it is given. */
final class RetentionDao {

    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(hashtext('reference-retention'))";
    private static final String PURGE = """
            select kind, deleted, current_date::text as as_of from purge_expired_references()
            union all
            select kind, deleted, current_date::text as as_of from purge_expired_records()
            union all
            select kind, deleted, current_date::text as as_of from purge_expired_reminders()
            union all
            select kind, deleted, current_date::text as as_of from purge_abandoned_drafts()""";
    private static final String AUDIT = """
            insert into audit_event (actor, action, target_type, detail) values ('retention-job', ?, 'retention', ?::jsonb)""";

    /** What a purge deleted by kind, and the database's date it purged as of. */
    record Purged(Map<String, Long> deleted, String asOf) {
    }

    private final Connection owner;

    RetentionDao(Connection owner) {
        this.owner = owner;
    }

    /** Whether this run may purge: false while another holds the lock (until its transaction ends). */
    boolean tryLock() throws SQLException {
        try (Statement statement = owner.createStatement(); ResultSet lock = statement.executeQuery(TRY_LOCK)) {
            lock.next();
            return lock.getBoolean(1);
        }
    }

    Purged purge() throws SQLException {
        Map<String, Long> deleted = new LinkedHashMap<>();
        String asOf = null;
        try (Statement statement = owner.createStatement(); ResultSet rows = statement.executeQuery(PURGE)) {
            while (rows.next()) {
                deleted.put(rows.getString("kind"), rows.getLong("deleted"));
                asOf = rows.getString("as_of");
            }
        }
        return new Purged(deleted, asOf);
    }

    void audit(String action, String detailJson) throws SQLException {
        try (PreparedStatement audit = owner.prepareStatement(AUDIT)) {
            audit.setString(1, action);
            audit.setString(2, detailJson);
            audit.executeUpdate();
        }
    }
}
