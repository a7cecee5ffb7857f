package exchange.workforce.returns;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The region's submission windows: the due date it sets for a period and where each member stands against it. One
 * use case under the API ({@link SubmissionWindowController}) and the region's pages ({@link RegionReturnPages}).
 */
@Singleton
public class SubmissionWindows {

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

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Clock clock;
    private final TenantTransactions transactions;
    private final SubmissionWindowDao windows;
    private final AuditTrail audit;

    public SubmissionWindows(TenantTransactions transactions, SubmissionWindowDao windows, AuditTrail audit,
                                      Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.windows = windows;
        this.audit = audit;
    }

    /** Set when your members' return for a period is due. */
    public Window set(Caller caller, String periodType, String period, Due due) {
        Period p = SubmittingAReturn.period(periodType, period);
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

    /** Your region's due dates. */
    public List<Window> list(Caller caller) {
        return transactions.read(caller, () -> windows(caller.regionCode().orElseThrow()));
    }

    /** A council's due dates: those its region's administrator has set (none for a council outside a memorandum). */
    public List<Window> ofYourRegion(Caller caller) {
        return caller.homeRegion().map(region -> transactions.read(caller, () -> windows(region))).orElse(List.of());
    }

    /** Every member's status for a period: not started, late, submitted or corrected. */
    public RegionStatus status(Caller caller, String periodType, String period) {
        Period p = SubmittingAReturn.period(periodType, period);
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
}
