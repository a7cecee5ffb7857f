package exchange.workforce.tenancy;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** England's regions and authorities: public reference data, readable by any signed-in user. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reference data")
@exchange.workforce.problem.ProblemResponses
public class ReferenceController {

    private final Regions regions;

    public ReferenceController(Regions regions) {
        this.regions = regions;
    }

    @Get("/regions")
    @Operation(operationId = "referenceDataRegions", summary = "England's regions, with how many authorities are members of each memorandum today")
    public List<Region> regions() {
        return regions.regions();
    }

    @Get("/authorities")
    @Operation(operationId = "referenceDataAuthorities", summary = "Local authorities, optionally of one region",
            description = "Includes authorities reorganised away (active: false), since older statistics use their codes.")
    public List<Authority> authorities(@QueryValue @Nullable String region) {
        if (region != null && regions.region(region).isEmpty()) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "region", "There is no region '" + region
                    + "'. Regions are named by ONS code, e.g. E12000008 for the South East; GET /api/v1/regions lists them.");
        }
        return regions.authorities(region);
    }

    @Get("/authorities/{code}")
    @Operation(operationId = "referenceDataAuthority", summary = "One authority, by ONS code (E10000016) or DfE number (886)")
    public Authority authority(@PathVariable String code) {
        return regions.authority(code).orElseThrow(() -> ApiProblem.notFound("There is no authority '" + code
                + "'. Use the ONS code (e.g. E10000016) or the DfE three-digit number (e.g. 886)."));
    }
}
