package exchange.workforce.agency;

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

import java.util.List;

/** The region's view of its members' agency compliance, per quarter. Region from the token. */
@Controller("/api/v1/region/agency")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agency")
@exchange.workforce.problem.ProblemResponses
public class RegionalComplianceController {

    private final Callers callers;
    private final AssignmentRegister register;

    public RegionalComplianceController(Callers callers, AssignmentRegister register) {
        this.callers = callers;
        this.register = register;
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
}
