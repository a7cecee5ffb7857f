package exchange.workforce.retention;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.database.DatabaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
    private Retention() {
    }

    /** @return rows deleted by kind; empty if another run holds the lock */
    public static Map<String, Long> purge(DatabaseConnection database) {
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner().user(), database.owner().password())) {
            owner.setAutoCommit(false);
            try {
                RetentionDao retention = new RetentionDao(owner);
                if (!retention.tryLock()) {
                    LOG.info("Retention: another run is purging");
                    owner.rollback();
                    return Map.of();
                }
                RetentionDao.Purged purged = retention.purge();
                StringBuilder detail = new StringBuilder("{\"asOf\":\"").append(purged.asOf()).append('"');
                purged.deleted().forEach((kind, count) -> detail.append(",\"").append(kind).append("\":").append(count));
                retention.audit(AuditAction.RETENTION_PURGE.name(), detail.append('}').toString());
                owner.commit();
                LOG.info("Retention as of {}: deleted {}", purged.asOf(), purged.deleted());
                return purged.deleted();
            } catch (SQLException e) {
                owner.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention failed, nothing was deleted: " + e.getMessage(), e);
        }
    }
}
