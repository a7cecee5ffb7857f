package exchange.workforce.teams;

import exchange.workforce.identity.Callers;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Whether a council shares its figures by team and office with its memorandum. The council from the token. */
@Controller("/api/v1/council/team-figures-sharing")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Returns")
@exchange.workforce.problem.ProblemResponses
public class TeamFiguresController {

    private final Callers callers;
    private final TeamFiguresSharing sharing;

    public TeamFiguresController(Callers callers, TeamFiguresSharing sharing) {
        this.callers = callers;
        this.sharing = sharing;
    }

    @Get
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    @Operation(operationId = "teamFiguresSharing", summary = "Whether your council shares its figures by team and office with its memorandum",
            description = "Figures by team and office (the catalogue's measures with sharing: council) stay inside your council until it "
                    + "chooses to share them; then your memorandum's members and regional users see them, named. Nobody else ever does: "
                    + "they are never released.")
    public TeamFiguresSharing.Choice choice(Authentication authentication) {
        return sharing.of(callers.authorityUser(authentication));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Put
    @Secured("AUTHORITY_SUBMITTER")
    @Operation(operationId = "setTeamFiguresSharing", summary = "Share your council's figures by team and office with its memorandum, or keep them to your council",
            description = "sharedWithMemorandum: true to share with your memorandum, false to keep them inside your council. Takes effect at once, "
                    + "for every period; recorded in the audit trail.")
    public TeamFiguresSharing.Choice decide(Authentication authentication, @Body TeamFiguresSharing.Change change) {
        return sharing.decide(callers.authorityUser(authentication), change);
    }
}
