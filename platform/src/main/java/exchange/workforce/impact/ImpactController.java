package exchange.workforce.impact;

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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Did the memorandum work: the API. Region from the token. */
@Controller("/api/v1/region/impact")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Memorandum")
@exchange.workforce.problem.ProblemResponses
public class ImpactController {

    private final Callers callers;
    private final MeasuringTheMemorandum measuring;

    public ImpactController(Callers callers, MeasuringTheMemorandum measuring) {
        this.callers = callers;
        this.measuring = measuring;
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER", "PLANNER"})
    @Operation(operationId = "regionImpact", summary = "Did your memorandum move a measure? Members before and after joining against councils that had not joined",
            description = "A difference in differences on DfE's published figures for every council: each current member's change from up "
                    + "to three census years wholly before it joined to up to three wholly after, minus the change over the same years of "
                    + "councils that had not joined any memorandum by then (its DfE statistical neighbours, or the councils closest to it "
                    + "before joining where fewer than three neighbours have the figures). estimate is the members' mean difference in "
                    + "unit, with its 95% interval (Student's t over members; none from one member); null with conclusion saying why "
                    + "where no member has a census year after joining yet. comparison names every council compared against and why; "
                    + "preTrend is the same difference on the yearly slope before joining (near zero when the comparison is fair); "
                    + "series gives each year's mean for the members and their comparison councils, for a chart. Councils' own returns "
                    + "are not used. Method: docs/impact.md.")
    public MeasuringTheMemorandum.Impact impact(Authentication authentication,
                                                @Parameter(description = "agency_rate_fte, turnover_rate_fte, vacancy_rate_fte or caseload_fte",
                                                        schema = @Schema(allowableValues = {"agency_rate_fte", "turnover_rate_fte", "vacancy_rate_fte", "caseload_fte"}))
                                                @QueryValue @Nullable String measure) {
        return measuring.impact(callers.regionalUser(authentication), measure);
    }
}
