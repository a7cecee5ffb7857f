package exchange.workforce.retention;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.database.DatabaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes what is past the retention period of the memorandum in force for the authority holding it, with the
 * database's own date: references, requests, engagements and reviews (a case is kept whole while any part of it is
 * within the period; {@code purge_expired_references}); returns with their figures, agency assignments, permanent
 * leavers a year on, upload records after 30 days, and the audit trail by its own period ({@code purge_expired_records});
 * reminders a year after they were queued ({@code purge_expired_reminders}); returns being entered online that nobody
 * changed for six months ({@code purge_abandoned_drafts}). Maintenance, not a request: it runs as the owner of the tables, never as the application
 * role (which may not call the purge at all), from the nightly job where the service holds the owner's
 * credentials (local mode), or from {@code java -jar platform.jar retention} as a scheduled job in production.
 * A transaction-scoped advisory lock lets exactly one of several runs at once do the work; the run is audited.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
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

    private Retention() {
    }

    /** @return rows deleted by kind; empty if another run holds the lock */
    public static Map<String, Long> purge(DatabaseConnection database) {
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner().user(), database.owner().password())) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                try (ResultSet lock = statement.executeQuery(TRY_LOCK)) {
                    lock.next();
                    if (!lock.getBoolean(1)) {
                        LOG.info("Retention: another run is purging");
                        owner.rollback();
                        return Map.of();
                    }
                }
                Map<String, Long> deleted = new LinkedHashMap<>();
                String asOf = null;
                try (ResultSet rows = statement.executeQuery(PURGE)) {
                    while (rows.next()) {
                        deleted.put(rows.getString("kind"), rows.getLong("deleted"));
                        asOf = rows.getString("as_of");
                    }
                }
                StringBuilder detail = new StringBuilder("{\"asOf\":\"").append(asOf).append('"');
                deleted.forEach((kind, count) -> detail.append(",\"").append(kind).append("\":").append(count));
                try (PreparedStatement audit = owner.prepareStatement(AUDIT)) {
                    audit.setString(1, AuditAction.RETENTION_PURGE.name());
                    audit.setString(2, detail.append('}').toString());
                    audit.executeUpdate();
                }
                owner.commit();
                LOG.info("Retention as of {}: deleted {}", asOf, deleted);
                return deleted;
            } catch (SQLException e) {
                owner.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention failed, nothing was deleted: " + e.getMessage(), e);
        }
    }
}
