package exchange.workforce.returns;

import exchange.workforce.identity.Callers;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Region administrators set when returns are due; regional users see who has submitted. The region comes from the token. */
@Controller("/api/v1/region")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
@exchange.workforce.problem.ProblemResponses
public class SubmissionWindowController {

    private final Callers callers;
    private final SubmissionWindows submissionWindows;

    public SubmissionWindowController(Callers callers, SubmissionWindows submissionWindows) {
        this.callers = callers;
        this.submissionWindows = submissionWindows;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Put("/windows/{periodType}/{period}")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "submissionWindowsSet", summary = "Set when your members' return for a period is due")
    public SubmissionWindows.Window set(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @PathVariable String periodType, @PathVariable String period, @Body SubmissionWindows.Due due) {
        return submissionWindows.set(callers.regionalUser(authentication), periodType, period, due);
    }

    @Get("/windows")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "submissionWindowsList", summary = "Your region's due dates")
    public List<SubmissionWindows.Window> list(Authentication authentication) {
        return submissionWindows.list(callers.regionalUser(authentication));
    }

    @Get("/returns-status")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "submissionWindowsStatus", summary = "Every member's status for a period: not started, late, submitted or corrected")
    public SubmissionWindows.RegionStatus status(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @QueryValue String periodType, @QueryValue String period) {
        return submissionWindows.status(callers.regionalUser(authentication), periodType, period);
    }
}
