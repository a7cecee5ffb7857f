package exchange.workforce.agency;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Regions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The agency rules for councils: the pre-engagement check, permanent leavers, and the caps in force in their region. */
@Controller("/api/v1/agency")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agency")
@exchange.workforce.problem.ProblemResponses
public class AgencyController {

    private final Callers callers;
    private final AgencyRules rules;
    private final AssignmentRegister register;
    private final Regions regions;
    private final AgencyFigures figures;
    private final QuarterlyReturn quarterlyReturn;
    private final ComplianceAmongMembers complianceAmongMembers;
    private final EndingAnAssignment ending;

    public AgencyController(Callers callers, AgencyRules rules, AssignmentRegister register, Regions regions, AgencyFigures figures,
                            QuarterlyReturn quarterlyReturn, ComplianceAmongMembers complianceAmongMembers, EndingAnAssignment ending) {
        this.complianceAmongMembers = complianceAmongMembers;
        this.ending = ending;
        this.callers = callers;
        this.rules = rules;
        this.register = register;
        this.regions = regions;
        this.figures = figures;
        this.quarterlyReturn = quarterlyReturn;
    }

    @Get("/compliance")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    @Operation(operationId = "agencyComplianceAmongMembers", summary = "Your region's agency compliance in a quarter, your council named and the others not (e.g. ?quarter=2026-Q3)",
            description = "Per member: assignments active in the quarter, cap breaches and sign-offs, cooling-off not met, assignments "
                    + "with exceptions, agency spend from the monthly returns. Counts of workers from 1 to the memorandum's small-count "
                    + "threshold less one are suppressed (symbol c) for other members; the region's total is suppressed wherever any "
                    + "member's count is.")
    public ComplianceAmongMembers.View complianceAmongMembers(Authentication authentication, @QueryValue @Nullable String quarter) {
        return complianceAmongMembers.of(callers.authorityUser(authentication), quarter);
    }

    @Get("/figures")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER", "PLANNER"})
    @Operation(operationId = "agencyFigures", summary = "The catalogue's agency measures counted from your register for a period, to submit with your return",
            description = "periodType MONTH, QUARTER or CENSUS_YEAR and period (2026-09, 2026-Q3, 2026): agency_assignments (in all and by "
                    + "role), agency_assignments_over_cap and agency_average_hourly_charge (z where there were no assignments). Nothing is "
                    + "stored: the return template for the period comes pre-filled with them, and your submitted return is what "
                    + "benchmarks and forecasts read.")
    public AgencyFigures.Figures figures(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = exchange.workforce.returns.PeriodType.class)) @QueryValue @Nullable String periodType, @QueryValue @Nullable String period) {
        Caller caller = callers.authorityUser(authentication);
        String type = periodType == null ? "" : periodType.trim().toUpperCase(java.util.Locale.ROOT);
        if (exchange.workforce.returns.PeriodType.of(type).isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "periodType", "periodType: give MONTH, QUARTER or CENSUS_YEAR"
                    + (periodType == null ? "" : ", not '" + periodType + "'") + ", with period, e.g. ?periodType=QUARTER&period=2026-Q3.");
        }
        exchange.workforce.returns.Period parsed = exchange.workforce.returns.Period.parse(type, period).orElseThrow(() -> new ApiProblem(
                ProblemCode.VALIDATION_FAILED, "period", "period: give " + exchange.workforce.returns.Period.expected(type)
                        + (period == null ? "" : "; '" + period + "' is not one") + "."));
        return figures.of(caller, parsed);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/assignments")
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyRecord", summary = "Record an agency assignment in your council's register",
            description = "The pre-engagement check's fields, with team, agency, plannedEndDate, actualEndDate and agencyCharge. "
                    + "The rules are checked again and their verdicts kept. A cost over the region's cap is recorded only with "
                    + "signOff (directorName, directorSignedOn, chiefExecutiveName, chiefExecutiveSignedOn, reason; 422 "
                    + "CAP_BREACH_NOT_SIGNED_OFF otherwise); a rule not met only with exceptions.<RULE> giving the reason (422 RULE_NOT_MET). "
                    + "An assignment is known by its worker, role type and start date: the same again answers 200 with the assignment "
                    + "as recorded and changes nothing; different details need a reason and are stored as a correction (201).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Recorded, or corrected",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Assignment.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Already recorded exactly so: nothing changed",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Assignment.class)))
    public io.micronaut.http.HttpResponse<Assignment> record(Authentication authentication, @Body NewAssignment assignment) {
        AssignmentRegister.Recorded recorded = register.record(callers.authorityUser(authentication), assignment);
        return recorded.unchanged() ? io.micronaut.http.HttpResponse.ok(recorded.assignment())
                : io.micronaut.http.HttpResponse.created(recorded.assignment());
    }

    @Get("/assignments")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyAssignments", summary = "Your council's assignments, each at its latest version")
    public List<Assignment> assignments(Authentication authentication) {
        return register.current(callers.authorityUser(authentication));
    }

    @Get("/assignments/{id}")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyVersions", summary = "Every version of one of your council's assignments")
    public List<Assignment> versions(Authentication authentication, @io.micronaut.http.annotation.PathVariable String id) {
        return register.versions(callers.authorityUser(authentication), uuid(id));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/assignments/{id}/versions")
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "agencyCorrect", summary = "Correct an assignment: a new version, with the reason; the earlier stays")
    public Assignment correct(Authentication authentication, @io.micronaut.http.annotation.PathVariable String id, @Body NewAssignment assignment) {
        return register.correct(callers.authorityUser(authentication), uuid(id), assignment);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/assignments/{id}/dates")
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "agencyEnd", summary = "End an assignment, or change its planned end: a correction with the reason; "
            + "everything else as recorded, judged again")
    public Assignment end(Authentication authentication, @io.micronaut.http.annotation.PathVariable String id,
                          @Body EndingAnAssignment.NewDates dates) {
        return ending.change(callers.authorityUser(authentication), uuid(id), dates);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The return, CSV", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @Get(value = "/returns/{quarter}.csv", produces = "text/csv")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    @Operation(operationId = "agencyQuarterlyReturn", summary = "DfE's quarterly agency return for your council, e.g. 2026-Q3.csv",
            description = "One row per assignment active in the quarter: your reference for it, the supplying agency, role type, "
                    + "the worker's registration number, pay and its parts, dates, project flag, each rule's outcome and reason, "
                    + "the cap breach's sign-off. The registration number is kept sealed under your council's own key (outside the "
                    + "database) and opened for your council's return only; an assignment recorded before numbers were kept says "
                    + "so. The export is audited.")
    public io.micronaut.http.HttpResponse<byte[]> quarterlyReturn(Authentication authentication,
                                                                  @io.micronaut.http.annotation.PathVariable String quarter) {
        String csv = quarterlyReturn.assignmentsCsv(callers.authorityUser(authentication), quarter);
        return io.micronaut.http.HttpResponse.ok(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"agency-return-" + quarter.replaceAll("[^0-9A-Za-z-]", "") + ".csv\"");
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The monthly spend, CSV", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @Get(value = "/returns/{quarter}/monthly-spend.csv", produces = "text/csv")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    @Operation(operationId = "agencyMonthlySpend", summary = "The quarterly return's monthly agency spend, e.g. 2026-Q3/monthly-spend.csv",
            description = "One row per month of the quarter: agency_spend from your current monthly return for it, its symbol if the "
                    + "return gives one, or blank with the source saying no return holds it. The export is audited.")
    public io.micronaut.http.HttpResponse<byte[]> monthlySpend(Authentication authentication, @io.micronaut.http.annotation.PathVariable String quarter) {
        String csv = quarterlyReturn.monthlySpendCsv(callers.authorityUser(authentication), quarter);
        return io.micronaut.http.HttpResponse.ok(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"agency-spend-" + quarter.replaceAll("[^0-9A-Za-z-]", "") + ".csv\"");
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The return, Excel", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @Get(value = "/returns/{quarter}.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    @Operation(operationId = "agencyQuarterlyReturnWorkbook", summary = "DfE's quarterly agency return for your council as an Excel workbook, e.g. 2026-Q3.xlsx (audited)",
            description = "Two sheets: the assignments, as the CSV holds them, and the monthly agency spend, as monthly-spend.csv holds it.")
    public io.micronaut.http.HttpResponse<byte[]> quarterlyReturnWorkbook(Authentication authentication,
                                                                          @io.micronaut.http.annotation.PathVariable String quarter) {
        byte[] workbook = quarterlyReturn.workbook(callers.authorityUser(authentication), quarter);
        return io.micronaut.http.HttpResponse.ok(workbook)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"agency-return-" + quarter.replaceAll("[^0-9A-Za-z-]", "") + ".xlsx\"");
    }

    private static java.util.UUID uuid(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("There is no assignment " + id + " of your council.");
        }
    }

    /** Every rule's verdict on a proposed assignment. */
    @Serdeable
    public record Checked(List<Verdict> verdicts, boolean allowed, String summary) {
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/checks")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyCheck", summary = "Check a proposed agency assignment against every rule, before engaging; stores nothing",
            description = "registrationNumber (body only, pseudonymised at once), roleType (SOCIAL_WORKER, SENIOR_SOCIAL_WORKER, "
                    + "ADVANCED_PRACTITIONER, TEAM_MANAGER, IRO_CP_CHAIR), startDate, hourlyPay, employerNi, apprenticeshipLevy, "
                    + "holidayPay (pounds an hour), qualifiedOn, postQualifyingMonths, noticeWeeks, permanentNoticeWeeks, projectTeam, "
                    + "projectApprovedOn, engagementId (the references feature's engagement of this worker). Answers each rule's "
                    + "verdict: PASS, FAIL with the reason, NEEDS_SIGN_OFF, or NOT_CHECKED where the platform lacks what the rule needs (no cap "
                    + "recorded): never a pass; cooling-off says only until when.")
    public Checked check(Authentication authentication, @Body ProposedAssignment proposed) {
        Caller caller = callers.authorityUser(authentication);
        List<Verdict> verdicts = rules.check(caller, proposed);
        long failed = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.FAIL).count();
        long signOff = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF).count();
        String summary = failed > 0 ? failed + (failed == 1 ? " rule is" : " rules are") + " not met: the assignment may not go ahead as proposed."
                : signOff > 0 ? "Allowed only with the sign-off named." : "Every rule is met.";
        return new Checked(verdicts, failed == 0, summary);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/leavers")
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "agencyRecordLeaver", summary = "Record that a worker left a permanent post at your council",
            description = "registrationNumber (body only, pseudonymised at once, never stored), leftOn, role (a role type), and "
                    + "exemption REDUNDANCY or PROBATION where the leaving is exempt from cooling-off. Other councils of your "
                    + "region learn only that cooling-off applies until a date, never that it was your council or why.")
    public AgencyDao.Leaver recordLeaver(Authentication authentication, @Body NewLeaver leaver) {
        return rules.recordLeaver(callers.authorityUser(authentication), leaver);
    }

    @Get("/leavers")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyLeavers", summary = "Your council's recorded permanent leavers (dates and roles; never the worker's number)")
    public List<AgencyDao.Leaver> leavers(Authentication authentication) {
        return rules.leavers(callers.authorityUser(authentication));
    }

    @Get("/caps")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER", "PLANNER", "REGIONAL_VIEWER", "REGION_ADMIN"})
    @Operation(operationId = "agencyCaps", summary = "A region's agency price caps, every version (default: your own region)")
    public List<PriceCap> caps(Authentication authentication, @QueryValue @Nullable String region) {
        Caller caller = callers.of(authentication);
        String code = region == null || region.isBlank() ? caller.homeRegion().orElseThrow() : regions.regionCode(region)
                .orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "region", "region: '" + region
                        + "' is not a region; use its ONS code, e.g. E12000008 for the South East."));
        return rules.caps(caller, code);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/caps")
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "agencySetCap", summary = "Set your region's cap for a role type from a date",
            description = "roleType, hourlyCap (pounds an hour: pay, employer's NI, apprenticeship levy and holiday pay together), "
                    + "effectiveFrom, source (where it was agreed). Earlier caps stay, for assignments that started under them.")
    public PriceCap setCap(Authentication authentication, @Body NewCap cap) {
        return rules.setCap(callers.regionalUser(authentication), cap);
    }
}
