package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes references, requests, engagements and reviews past the retention period of the memorandum in
 * force for the authority holding them (a case is kept whole while any part of it is within the period).
 * Runs nightly on every replica; a transaction-scoped advisory lock lets exactly one of them do the work.
 */
@Singleton
public class ReferenceRetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceRetentionJob.class);
    private static final Caller SYSTEM = new Caller("retention-job", Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(hashtext('reference-retention'))";
    /** The purge takes "today" from the database itself, so it cannot be aimed at a future date. */
    private static final String PURGE = "select kind, deleted, current_date as as_of from purge_expired_references()";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final AuditTrail audit;

    public ReferenceRetentionJob(TransactionOperations<Connection> transactions, JdbcOperations jdbc, AuditTrail audit) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Scheduled(cron = "0 17 2 * * *")
    void nightly() {
        purge();
    }

    /** @return rows deleted by kind; empty if another replica holds the lock */
    public Map<String, Long> purge() {
        return transactions.executeWrite(status -> {
            boolean mine = jdbc.prepareStatement(TRY_LOCK, statement -> {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getBoolean(1);
                }
            });
            if (!mine) {
                LOG.info("Reference retention: another replica is purging");
                return Map.of();
            }
            LocalDate[] asOf = new LocalDate[1];
            Map<String, Long> deleted = jdbc.prepareStatement(PURGE, statement -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString("kind"), rows.getLong("deleted"));
                        asOf[0] = rows.getDate("as_of").toLocalDate();
                    }
                }
                return counts;
            });
            LocalDate today = asOf[0];
            Map<String, Object> detail = new LinkedHashMap<>(deleted);
            detail.put("asOf", today.toString());
            audit.record(SYSTEM, AuditAction.RETENTION_PURGE, "references", null, detail);
            LOG.info("Reference retention as of {}: deleted {}", today, deleted);
            return deleted;
        });
    }
}
