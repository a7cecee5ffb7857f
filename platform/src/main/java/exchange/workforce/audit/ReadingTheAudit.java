package exchange.workforce.audit;

import exchange.workforce.identity.Caller;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.Map;

/**
 * Reading the audit trail of the caller's region: who did what, newest first, a page at a time. The use case under
 * the API ({@link AuditController}).
 */
@Singleton
public class ReadingTheAudit {

    @Serdeable
    public record AuditPage(List<AuditEvent> events, @Nullable Long nextBefore) {
    }

    private final TenantTransactions transactions;
    private final AuditDao audit;
    private final AuditTrail trail;

    public ReadingTheAudit(TenantTransactions transactions, AuditDao audit, AuditTrail trail) {
        this.transactions = transactions;
        this.audit = audit;
        this.trail = trail;
    }

    /** Your region's audit trail, newest first. */
    public AuditPage read(Caller caller, @Nullable @Min(1) Long before, @Min(1) @Max(1000) int limit) {
        String region = caller.regionCode().orElseThrow();
        return transactions.write(caller, () -> {
            List<AuditEvent> events = audit.regionPage(region, before == null ? Long.MAX_VALUE : before, limit);
            trail.record(caller, AuditAction.AUDIT_TRAIL_READ, "audit_trail", region,
                    Map.of("before", before == null ? "" : before.toString(), "returned", events.size()));
            return new AuditPage(events, events.size() == limit ? events.get(events.size() - 1).id() : null);
        });
    }

    /** The actions that read or export a worker-level record (a reference, an engagement, a review, who holds references). */
    public static final List<AuditAction> WORKER_RECORD_READS = List.of(AuditAction.ENGAGEMENT_READ, AuditAction.REFERENCE_READ,
            AuditAction.REFERENCE_EXPORTED, AuditAction.REFERENCE_SHARED_WITH_WORKER, AuditAction.REFERENCE_HOLDERS_LOOKED_UP,
            AuditAction.INCOMING_REQUESTS_MATCHED, AuditAction.PLACEMENT_REVIEW_READ, AuditAction.AGENCY_RETURN_EXPORTED);

    /** Who in the caller's region read worker-level records since the day: counts by council and action. Itself audited. */
    public List<AuditDao.WorkerRecordReads> workerRecordReads(Caller caller, java.time.Instant since) {
        String region = caller.regionCode().orElseThrow();
        return transactions.write(caller, () -> {
            List<AuditDao.WorkerRecordReads> reads = audit.workerRecordReads(region, since, WORKER_RECORD_READS.stream().map(Enum::name).toList());
            trail.record(caller, AuditAction.AUDIT_TRAIL_READ, "audit_trail", region, java.util.Map.of("summary", "worker-level reads since " + since));
            return reads;
        });
    }
}
