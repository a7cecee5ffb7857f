package exchange.workforce.audit;

import exchange.workforce.identity.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Controller("/api/v1/audit")
@Secured("REGION_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
@exchange.workforce.problem.ProblemResponses
public class AuditController {

    private final Callers callers;
    private final ReadingTheAudit readingTheAudit;

    public AuditController(Callers callers, ReadingTheAudit readingTheAudit) {
        this.callers = callers;
        this.readingTheAudit = readingTheAudit;
    }

    @Get
    @Operation(operationId = "auditRead", summary = "Your region's audit trail, newest first",
            description = "Pass the answer's nextBefore as ?before= for the next page. Reading the trail is itself audited.")
    public ReadingTheAudit.AuditPage read(Authentication authentication,
                          @QueryValue @Nullable @Min(1) @Max(Long.MAX_VALUE) Long before,
                          @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return readingTheAudit.read(callers.regionalUser(authentication), before, limit);
    }
}
