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
import io.micronaut.data.jdbc.runtime.JdbcOperations;
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

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Region administrators set when returns are due; regional users see who has submitted. The region comes from the token. */
@Controller("/api/v1/region")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
public class SubmissionWindowController {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String SET_WINDOW = """
            insert into submission_window (region_code, period_type, period, due_on, set_by) values (?, ?, ?, ?, ?)
            on conflict (region_code, period_type, period) do update set due_on = excluded.due_on, set_by = excluded.set_by, set_at = now()""";
    private static final String WINDOWS = """
            select period_type, period, due_on, set_by, set_at from submission_window where region_code = ?
             order by period_type, period desc""";
    private static final String DUE_ON = "select due_on from submission_window where region_code = ? and period_type = ? and period = ?";
    /**
     * Today's members (the region chases those it has now, even for an earlier period), each with the latest
     * version of its return for the period and when version 1 came.
     */
    private static final String STATUS = """
            select a.gss_code, a.name, latest.version, latest.submitted_at, first.submitted_at as first_submitted_at
              from memorandum_membership m
              join authority a on a.gss_code = m.authority_code
              left join lateral (select version, submitted_at from workforce_return r
                                  where r.authority_code = a.gss_code and r.period_type = ? and r.period = ?
                                  order by version desc limit 1) latest on true
              left join lateral (select submitted_at from workforce_return r
                                  where r.authority_code = a.gss_code and r.period_type = ? and r.period = ? and r.version = 1) first on true
             where m.region_code = ? and m.effective_from <= ? and (m.effective_to is null or m.effective_to > ?)
             order by a.name""";

    private final Callers callers;
    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final AuditTrail audit;

    public SubmissionWindowController(Callers callers, TenantTransactions transactions, JdbcOperations jdbc, AuditTrail audit) {
        this.callers = callers;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Serdeable
    public record Due(@Nullable LocalDate dueOn) {
    }

    @Serdeable
    public record Window(String periodType, String period, LocalDate dueOn, String setBy, Instant setAt) {
    }

    /** NOT_STARTED, LATE (none yet and past due), SUBMITTED (version 1), CORRECTED (a later version). */
    @Serdeable
    public record MemberStatus(String authorityCode, String authorityName, String status, @Nullable Integer version,
                               @Nullable Instant submittedAt, @Nullable Boolean firstVersionOnTime) {
    }

    @Serdeable
    public record RegionStatus(String regionCode, String periodType, String period, @Nullable LocalDate dueOn,
                               Map<String, Long> counts, List<MemberStatus> members) {
    }

    @Put("/windows/{periodType}/{period}")
    @Secured("REGION_ADMIN")
    @Operation(summary = "Set when your members' return for a period is due")
    public Window set(Authentication authentication, @PathVariable String periodType, @PathVariable String period, @Body Due due) {
        Caller caller = callers.regionalUser(authentication);
        Period p = period(periodType, period);
        if (due.dueOn() == null || due.dueOn().isBefore(p.end())) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "dueOn", "dueOn: give the date the return is due (YYYY-MM-DD), "
                    + "on or after the period ends (" + p.end() + ")");
        }
        String region = caller.regionCode().orElseThrow();
        return transactions.write(caller, () -> {
            jdbc.prepareStatement(SET_WINDOW, statement -> {
                statement.setString(1, region);
                statement.setString(2, p.type());
                statement.setString(3, p.label());
                statement.setDate(4, Date.valueOf(due.dueOn()));
                statement.setString(5, caller.user());
                return statement.executeUpdate();
            });
            audit.record(caller, AuditAction.SUBMISSION_WINDOW_SET, "submission_window", p.type() + " " + p.label(),
                    Map.of("dueOn", due.dueOn().toString()));
            return windows(region).stream().filter(w -> w.periodType().equals(p.type()) && w.period().equals(p.label()))
                    .findFirst().orElseThrow();
        });
    }

    @Get("/windows")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(summary = "Your region's due dates")
    public List<Window> list(Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        return transactions.read(caller, () -> windows(caller.regionCode().orElseThrow()));
    }

    @Get("/returns-status")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(summary = "Every member's status for a period: not started, late, submitted or corrected")
    public RegionStatus status(Authentication authentication, @QueryValue String periodType, @QueryValue String period) {
        Caller caller = callers.regionalUser(authentication);
        Period p = period(periodType, period);
        String region = caller.regionCode().orElseThrow();
        LocalDate today = LocalDate.now(UK);
        return transactions.read(caller, () -> {
            LocalDate dueOn = jdbc.prepareStatement(DUE_ON, statement -> {
                statement.setString(1, region);
                statement.setString(2, p.type());
                statement.setString(3, p.label());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getDate(1).toLocalDate() : null;
                }
            });
            List<MemberStatus> members = jdbc.prepareStatement(STATUS, statement -> {
                statement.setString(1, p.type());
                statement.setString(2, p.label());
                statement.setString(3, p.type());
                statement.setString(4, p.label());
                statement.setString(5, region);
                statement.setDate(6, Date.valueOf(today));
                statement.setDate(7, Date.valueOf(today));
                List<MemberStatus> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Integer version = (Integer) rows.getObject("version");
                        Timestamp latest = rows.getTimestamp("submitted_at");
                        Timestamp first = rows.getTimestamp("first_submitted_at");
                        String status = version == null ? (dueOn != null && today.isAfter(dueOn) ? "LATE" : "NOT_STARTED")
                                : version == 1 ? "SUBMITTED" : "CORRECTED";
                        Boolean onTime = first == null || dueOn == null ? null
                                : !first.toInstant().atZone(UK).toLocalDate().isAfter(dueOn);
                        found.add(new MemberStatus(rows.getString("gss_code"), rows.getString("name"), status, version,
                                latest == null ? null : latest.toInstant(), onTime));
                    }
                }
                return found;
            });
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String s : List.of("NOT_STARTED", "LATE", "SUBMITTED", "CORRECTED")) {
                counts.put(s, members.stream().filter(m -> m.status().equals(s)).count());
            }
            return new RegionStatus(region, p.type(), p.label(), dueOn, counts, members);
        });
    }

    private List<Window> windows(String region) {
        return jdbc.prepareStatement(WINDOWS, statement -> {
            statement.setString(1, region);
            List<Window> windows = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    windows.add(new Window(rows.getString("period_type"), rows.getString("period"), rows.getDate("due_on").toLocalDate(),
                            rows.getString("set_by"), rows.getTimestamp("set_at").toInstant()));
                }
            }
            return windows;
        });
    }

    private static Period period(String type, String label) {
        String upper = type == null ? "" : type.toUpperCase(Locale.ROOT);
        return Period.parse(upper, label).orElseThrow(() -> SubmittingAReturn.rejected(List.of(new Problem.Violation(ReturnRule.INVALID_PERIOD.name(),
                "period", null, "period", "'" + label + "' is not " + Period.expected(upper) + "."))));
    }
}
