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
}
