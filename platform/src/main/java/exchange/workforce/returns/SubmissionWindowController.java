package exchange.workforce.returns;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Region administrators set when returns are due; regional users see who has submitted. The region comes from the token. */
@Controller("/api/v1/region")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
@exchange.workforce.problem.ProblemResponses
public class SubmissionWindowController {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final Clock clock;
    private final Callers callers;
    private final TenantTransactions transactions;
    private final SubmissionWindowDao windows;
    private final AuditTrail audit;

    public SubmissionWindowController(Callers callers, TenantTransactions transactions, SubmissionWindowDao windows, AuditTrail audit,
                                      Clock clock) {
        this.clock = clock;
        this.callers = callers;
        this.transactions = transactions;
        this.windows = windows;
        this.audit = audit;
    }

    @Serdeable
    public record Due(@Nullable LocalDate dueOn) {
    }

    @Serdeable
    public record Window(PeriodType periodType, String period, LocalDate dueOn, String setBy, Instant setAt) {
    }

    /** NOT_STARTED, LATE (none yet and past due), SUBMITTED (version 1), CORRECTED (a later version). */
    @Serdeable
    public record MemberStatus(String authorityCode, String authorityName, SubmissionStatus status, @Nullable Integer version,
                               @Nullable Instant submittedAt, @Nullable Boolean firstVersionOnTime) {
    }

    @Serdeable
    public record RegionStatus(String regionCode, PeriodType periodType, String period, @Nullable LocalDate dueOn,
                               Map<String, Long> counts, List<MemberStatus> members) {
    }

    @Put("/windows/{periodType}/{period}")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "submissionWindowsSet", summary = "Set when your members' return for a period is due")
    public Window set(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @PathVariable String periodType, @PathVariable String period, @Body Due due) {
        Caller caller = callers.regionalUser(authentication);
        Period p = period(periodType, period);
        if (due.dueOn() == null || due.dueOn().isBefore(p.end())) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "dueOn", "dueOn: give the date the return is due (YYYY-MM-DD), "
                    + "on or after the period ends (" + p.end() + ")");
        }
        String region = caller.regionCode().orElseThrow();
        return transactions.write(caller, () -> {
            windows.set(region, p, due.dueOn(), caller.user());
            audit.record(caller, AuditAction.SUBMISSION_WINDOW_SET, "submission_window", p.type() + " " + p.label(),
                    Map.of("dueOn", due.dueOn().toString()));
            return windows(region).stream().filter(w -> w.periodType().equals(p.type()) && w.period().equals(p.label()))
                    .findFirst().orElseThrow();
        });
    }

    @Get("/windows")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "submissionWindowsList", summary = "Your region's due dates")
    public List<Window> list(Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        return transactions.read(caller, () -> windows(caller.regionCode().orElseThrow()));
    }

    @Get("/returns-status")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "submissionWindowsStatus", summary = "Every member's status for a period: not started, late, submitted or corrected")
    public RegionStatus status(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @QueryValue String periodType, @QueryValue String period) {
        Caller caller = callers.regionalUser(authentication);
        Period p = period(periodType, period);
        String region = caller.regionCode().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(UK));
        return transactions.read(caller, () -> {
            LocalDate dueOn = windows.dueOn(region, p).orElse(null);
            List<MemberStatus> members = windows.membersReturns(region, p, today).stream()
                    .map(member -> status(member, dueOn, today)).toList();
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (SubmissionStatus s : SubmissionStatus.values()) {
                counts.put(s.name(), members.stream().filter(m -> m.status() == s).count());
            }
            return new RegionStatus(region, p.type(), p.label(), dueOn, counts, members);
        });
    }

    private List<Window> windows(String region) {
        return windows.windows(region).stream()
                .map(w -> new Window(w.periodType(), w.period(), w.dueOn(), w.setBy(), w.setAt())).toList();
    }

    /** NOT_STARTED, LATE (none yet and past due), SUBMITTED (version 1), CORRECTED (a later version). */
    static MemberStatus status(SubmissionWindowDao.MemberReturn member, LocalDate dueOn, LocalDate today) {
        Integer version = member.version();
        SubmissionStatus status = SubmissionStatus.of(version, dueOn, today);
        Boolean onTime = member.firstAt() == null || dueOn == null ? null
                : !member.firstAt().atZone(UK).toLocalDate().isAfter(dueOn);
        return new MemberStatus(member.authorityCode(), member.authorityName(), status, version, member.latestAt(), onTime);
    }

    static Period period(String type, String label) {
        String upper = type == null ? "" : type.toUpperCase(Locale.ROOT);
        return Period.parse(upper, label).orElseThrow(() -> SubmittingAReturn.rejected(List.of(new Problem.Violation(ReturnRule.INVALID_PERIOD.name(),
                "period", null, "period", "'" + label + "' is not " + Period.expected(upper) + "."))));
    }
}
