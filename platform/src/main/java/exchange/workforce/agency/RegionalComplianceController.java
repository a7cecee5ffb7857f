package exchange.workforce.agency;

import exchange.workforce.identity.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The region's view of its members' agency compliance, per quarter. Region from the token. */
@Controller("/api/v1/region/agency")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agency")
@exchange.workforce.problem.ProblemResponses
public class RegionalComplianceController {

    private final Callers callers;
    private final AssignmentRegister register;

    private final AgencyRules rules;
    private final exchange.workforce.tenancy.Regions regions;

    public RegionalComplianceController(Callers callers, AssignmentRegister register, AgencyRules rules, exchange.workforce.tenancy.Regions regions) {
        this.callers = callers;
        this.register = register;
        this.rules = rules;
        this.regions = regions;
    }

    @Get("/compliance")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionAgencyCompliance", summary = "Your members' agency compliance in a quarter (e.g. ?quarter=2026-Q3)",
            description = "Per member: assignments active in the quarter, cap breaches and how many were signed off, cooling-off "
                    + "not met, assignments recorded with exceptions, the capped hourly cost summed over them, and agency spend from the "
                    + "members' monthly returns in the quarter (agencySpendMonths: how many months it covers).")
    public List<AssignmentRegister.MemberCompliance> compliance(Authentication authentication, @QueryValue @Nullable String quarter) {
        return register.compliance(callers.regionalUser(authentication), quarter);
    }

    @Get("/suppliers")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionAgencySuppliers", summary = "Your region's supplier scorecard in a quarter (e.g. ?quarter=2026-Q3)",
            description = "Per agency that supplied your members' assignments active in the quarter: councils supplied, assignments, "
                    + "over the region's cap in force on their start date, notice and cooling-off not met, recorded with exceptions, the "
                    + "mean capped cost an hour, and end-of-placement reviews of its workers ending in the quarter, with how many rated an "
                    + "area of practice as requiring improvement or inadequate. Counts only; agencies are grouped by name ignoring case "
                    + "and spacing.")
    public List<AssignmentRegister.SupplierScore> suppliers(Authentication authentication, @QueryValue @Nullable String quarter) {
        return register.suppliers(callers.regionalUser(authentication), quarter);
    }

    /** A member's permanent leavers recorded in a census year beside the census's leavers: how far cooling-off can be trusted. */
    @Serdeable
    public record LeaversAgainstCensus(String authorityCode, String name, long recorded, @Nullable java.math.BigDecimal censusLeavers,
                                       @Nullable String censusSource) {
    }

    @Get("/leavers")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionAgencyLeavers", summary = "Per member: permanent leavers recorded in a census year beside the census's count (e.g. ?year=2025)",
            description = "The cooling-off check knows only the leavers members record. For each member: leavers recorded with a leaving "
                    + "day in the census year (1 October to 30 September), and the census's leavers (headcount) for it that year — its own "
                    + "latest census return's (censusSource RETURN) or DfE's published figure (DFE); none where neither has it.")
    public List<LeaversAgainstCensus> leavers(Authentication authentication, @QueryValue @Nullable String year) {
        exchange.workforce.identity.Caller caller = callers.regionalUser(authentication);
        if (year == null || !year.trim().matches("20\\d{2}")) {
            throw new exchange.workforce.problem.ApiProblem(exchange.workforce.problem.ProblemCode.VALIDATION_FAILED, "year",
                    "year: give a census year as YYYY, e.g. 2025 (1 October 2024 to 30 September 2025)");
        }
        return rules.leaversAgainstCensus(caller, Integer.parseInt(year.trim())).stream().map(m -> new LeaversAgainstCensus(m.authorityCode(),
                regions.authority(m.authorityCode()).map(a -> a.name()).orElse(m.authorityCode()), m.recorded(), m.census(), m.censusSource())).toList();
    }
}
