package exchange.workforce.returns;

import exchange.workforce.identity.Callers;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

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
    private final Releases releases;

    public ReleaseController(Callers callers, Releases releases) {
        this.callers = callers;
        this.releases = releases;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/{periodType}/{period}")
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "releasesRelease", summary = "Release a period of your region's returns to viewers outside each submitting authority",
            description = "Takes a snapshot of every authority's latest return for the period. Breakdowns shown to anyone but the "
                    + "submitting authority come from the newest release; a correction after it appears at the next one, marked revised.")
    public Releases.Release release(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @PathVariable String periodType, @PathVariable String period) {
        return releases.release(callers.regionalUser(authentication), periodType, period);
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "releasesList", summary = "Your region's releases, with revision marks, and the periods released by a closed submission window")
    public List<Releases.Release> list(Authentication authentication) {
        return releases.list(callers.regionalUser(authentication));
    }
}
