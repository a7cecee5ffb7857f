package exchange.workforce.returns;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Releasing a period of the region's returns: until then, breakdowns derived from the returns reach no one outside
 * the submitting authority; after it, everyone else reads the snapshot, not the live returns, until the next
 * release (a new revision). A closed submission window releases the period too, as of the end of its due day.
 */
@Controller("/api/v1/region/releases")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
@exchange.workforce.problem.ProblemResponses
public class ReleaseController {

    private final Callers callers;
    private final TenantTransactions transactions;
    private final ReleaseDao releases;
    private final AuditTrail audit;

    public ReleaseController(Callers callers, TenantTransactions transactions, ReleaseDao releases, AuditTrail audit) {
        this.callers = callers;
        this.transactions = transactions;
        this.releases = releases;
        this.audit = audit;
    }

    /**
     * A release: explicit (by an administrator, with a revision number and the authorities revised since the revision
     * before) or a closed submission window (as of the end of its due day).
     */
    @Serdeable
    public record Release(PeriodType periodType, String period, String basis, @Nullable Integer revision, @Nullable Instant releasedAt,
                          @Nullable String releasedBy, @Nullable LocalDate windowClosedAfter, @Nullable Integer authorities,
                          List<String> revisedAuthorities, String note) {
    }

    @Post("/{periodType}/{period}")
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "releasesRelease", summary = "Release a period of your region's returns to viewers outside each submitting authority",
            description = "Takes a snapshot of every authority's latest return for the period. Breakdowns shown to anyone but the "
                    + "submitting authority come from the newest release; a correction after it appears at the next one, marked revised.")
    public Release release(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @PathVariable String periodType, @PathVariable String period) {
        Caller caller = callers.regionalUser(authentication);
        Period p = SubmissionWindowController.period(periodType, period);
        return transactions.write(caller, () -> {
            ReleaseDao.Made made = releases.release(p, caller.user());
            if (made.authorities() == 0) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "period", "No authority of your region has a return for "
                        + p.type() + " " + p.label() + " yet; there is nothing to release.");
            }
            audit.record(caller, AuditAction.PERIOD_RELEASED, "period_release", p.type() + " " + p.label() + " r" + made.revision(),
                    Map.of("authorities", Integer.toString(made.authorities()), "revised", Integer.toString(made.revised())));
            return list(caller).stream().filter(r -> r.periodType().equals(p.type()) && r.period().equals(p.label())
                    && Integer.valueOf(made.revision()).equals(r.revision())).findFirst().orElseThrow();
        });
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "releasesList", summary = "Your region's releases, with revision marks, and the periods released by a closed submission window")
    public List<Release> list(Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        return transactions.read(caller, () -> list(caller));
    }

    private List<Release> list(Caller caller) {
        String region = caller.regionCode().orElseThrow();
        List<Release> all = new ArrayList<>();
        for (ReleaseDao.Stored r : releases.releases(region)) {
            String note = r.revision() == 1 ? "First release: " + r.authorities() + " authorities' returns."
                    : "Revision " + r.revision() + ": " + (r.revised().isEmpty() ? "no return changed since the revision before."
                    : "revised since the revision before for " + String.join(", ", r.revised()) + ".");
            all.add(new Release(r.periodType(), r.period(), "RELEASED_BY_ADMINISTRATOR", r.revision(), r.releasedAt(), r.releasedBy(),
                    null, r.authorities(), r.revised(), note));
        }
        for (ReleaseDao.ClosedWindow w : releases.closedWindows(region)) {
            all.add(new Release(w.periodType(), w.period(), "WINDOW_CLOSED", null, null, null, w.dueOn(), null, List.of(),
                    "Released when the submission window closed: each authority's latest return submitted by the end of " + w.dueOn()
                            + ", unless a release by an administrator is newer."));
        }
        return all;
    }
}
