package exchange.workforce.audit;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.Map;

@Controller("/api/v1/audit")
@Secured("REGION_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
@exchange.workforce.problem.ProblemResponses
public class AuditController {

    private final Callers callers;
    private final TenantTransactions transactions;
    private final AuditDao audit;
    private final AuditTrail trail;

    public AuditController(Callers callers, TenantTransactions transactions, AuditDao audit, AuditTrail trail) {
        this.callers = callers;
        this.transactions = transactions;
        this.audit = audit;
        this.trail = trail;
    }

    @Serdeable
    public record AuditPage(List<AuditEvent> events, @Nullable Long nextBefore) {
    }

    @Get
    @Operation(operationId = "auditRead", summary = "Your region's audit trail, newest first",
            description = "Pass the answer's nextBefore as ?before= for the next page. Reading the trail is itself audited.")
    public AuditPage read(Authentication authentication,
                          @QueryValue @Nullable @Min(1) Long before,
                          @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        return transactions.write(caller, () -> {
            List<AuditEvent> events = audit.regionPage(region, before == null ? Long.MAX_VALUE : before, limit);
            trail.record(caller, AuditAction.AUDIT_TRAIL_READ, "audit_trail", region,
                    Map.of("before", before == null ? "" : before.toString(), "returned", events.size()));
            return new AuditPage(events, events.size() == limit ? events.get(events.size() - 1).id() : null);
        });
    }
}
