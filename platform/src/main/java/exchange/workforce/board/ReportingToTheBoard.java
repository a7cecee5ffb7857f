package exchange.workforce.board;

import exchange.workforce.agency.AssignmentRegister;
import exchange.workforce.benchmark.Benchmarking;
import exchange.workforce.forecast.Forecasts;
import exchange.workforce.forecast.WorkforcePlan;
import exchange.workforce.identity.Caller;
import exchange.workforce.impact.MeasuringTheMemorandum;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.reference.ReferenceRequests;
import exchange.workforce.reference.RequestDao;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.returns.Period;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.returns.SubmissionWindows;
import exchange.workforce.tenancy.Regions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The quarterly report a regional DCS group takes to its board: the region's headline figures with their coverage,
 * each member against the region and England, who has and has not sent the quarter's return, agency compliance and
 * cap breaches, how quickly members answered reference requests, social workers in post against those the projected demand requires for three years, whether the
 * memorandum moved the agency rate, and what changed since the quarter before. Everything
 * comes from the features' own use cases, read as the caller, so the report shows only what the caller may see.
 */
@Singleton
public class ReportingToTheBoard {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** What the report is made of: each part as its feature answers it. */
    public record Report(String regionCode, String regionName, Period quarter, LocalDate generatedOn, Benchmarking.Dashboard figures,
                         SubmissionWindows.RegionStatus returns, SubmissionWindows.RegionStatus returnsBefore,
                         List<AssignmentRegister.MemberCompliance> agency, List<AssignmentRegister.MemberCompliance> agencyBefore,
                         MeasuringTheMemorandum.Impact impact, @Nullable WorkforcePlan supply, @Nullable String supplyMissing,
                         List<RequestDao.Turnaround> references) {
    }

    private final Benchmarking benchmarking;
    private final SubmissionWindows windows;
    private final AssignmentRegister assignments;
    private final MeasuringTheMemorandum impact;
    private final Regions regions;
    private final Forecasts forecasts;
    private final ReferenceRequests requests;
    private final Clock clock;

    ReportingToTheBoard(Benchmarking benchmarking, SubmissionWindows windows, AssignmentRegister assignments, MeasuringTheMemorandum impact,
                        Regions regions, Forecasts forecasts, ReferenceRequests requests, Clock clock) {
        this.forecasts = forecasts;
        this.requests = requests;
        this.benchmarking = benchmarking;
        this.windows = windows;
        this.assignments = assignments;
        this.impact = impact;
        this.regions = regions;
        this.clock = clock;
    }

    /** The report for a quarter (YYYY-Qn; the last whole quarter if none is given). */
    public Report report(Caller caller, @Nullable String quarter) {
        String region = caller.regionCode().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(UK));
        Period period = quarter == null || quarter.isBlank() ? lastWholeQuarter(today)
                : Period.parse(PeriodType.QUARTER, quarter.trim()).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "period",
                        "period: give a quarter as YYYY-Qn, e.g. " + lastWholeQuarter(today).label() + ", not '" + quarter + "'"));
        if (period.start().isAfter(today)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "period", "period: " + period.label() + " has not begun; the latest "
                    + "whole quarter is " + lastWholeQuarter(today).label());
        }
        Period before = period.previous();
        WorkforcePlan supply = null;
        String supplyMissing = null;
        try {
            supply = forecasts.plan(caller, Forecasts.Query.of(region, "inpost_fte", null, "3", null));
        } catch (ApiProblem problem) {
            supplyMissing = problem.getMessage(); // no figures to forecast from: the report says so rather than fail
        }
        return new Report(region, regions.regionName(region).orElse(region), period, today,
                benchmarking.dashboard(caller, "region:" + region, null, Benchmarking.HEADLINE_MEASURES),
                windows.status(caller, PeriodType.QUARTER.name(), period.label()),
                windows.status(caller, PeriodType.QUARTER.name(), before.label()),
                assignments.compliance(caller, period.label()), assignments.compliance(caller, before.label()),
                impact.impact(caller, "agency_rate_fte"), supply, supplyMissing,
                requests.turnaround(caller, period.start(), period.end()));
    }

    static Period lastWholeQuarter(LocalDate today) {
        LocalDate inLastQuarter = today.minusMonths(3);
        return Period.parse(PeriodType.QUARTER, inLastQuarter.getYear() + "-Q" + ((inLastQuarter.getMonthValue() - 1) / 3 + 1)).orElseThrow();
    }
}
