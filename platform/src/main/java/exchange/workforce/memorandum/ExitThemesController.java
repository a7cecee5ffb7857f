package exchange.workforce.memorandum;

import exchange.workforce.identity.Callers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** The memorandum's list of exit-interview themes: read by its members and regional users, versioned by its administrator. Region from the token. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Memorandum")
@exchange.workforce.problem.ProblemResponses
public class ExitThemesController {

    private final Callers callers;
    private final ExitThemes exitThemes;

    public ExitThemesController(Callers callers, ExitThemes exitThemes) {
        this.callers = callers;
        this.exitThemes = exitThemes;
    }

    @Get("/exit-themes")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "exitThemes", summary = "Your memorandum's list of exit-interview themes, as in force now",
            description = "The codes a council uses for leavers_by_exit_theme (breakdown exit_theme=CODE) and their words: the list "
                    + "the memorandum administrator recorded last, or the catalogue's starting list (version 0) until one is recorded. "
                    + "A return is checked against the list in force on the day it is sent.")
    public ExitThemeList inForce(Authentication authentication) {
        return exitThemes.forCaller(callers.of(authentication));
    }

    @Get("/region/exit-themes")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionExitThemeVersions", summary = "Every version of your region's list of exit-interview themes, newest first",
            description = "Each recorded version with who recorded it, when and why; the last is the catalogue's starting list (version 0).")
    public List<ExitThemeList> versions(Authentication authentication) {
        return exitThemes.history(callers.regionalUser(authentication));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/region/exit-themes")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "recordRegionExitThemes", summary = "Record a new version of your region's list of exit-interview themes",
            description = "themes: 2 to 40 themes in words, in the order members see them (each coded from its words: \"Leaving the "
                    + "profession\" is LEAVING_THE_PROFESSION); reason: why the list changes (needed once a list is recorded). Earlier "
                    + "versions are kept; returns already stored keep the codes they were checked against.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Recorded as the list's next version",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ExitThemeList.class)))
    public HttpResponse<ExitThemeList> record(Authentication authentication, @Body ExitThemeList.NewList list) {
        ExitThemeList recorded = exitThemes.record(callers.regionalUser(authentication), list);
        return HttpResponse.created(recorded, URI.create("/api/v1/region/exit-themes"));
    }
}
