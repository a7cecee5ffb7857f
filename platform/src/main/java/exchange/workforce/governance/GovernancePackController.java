package exchange.workforce.governance;

import exchange.workforce.identity.Callers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The region's information-governance pack: the API. Region from the token. */
@Controller("/api/v1/region")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Memorandum")
@exchange.workforce.problem.ProblemResponses
public class GovernancePackController {

    private final Callers callers;
    private final GovernancePack packs;

    public GovernancePackController(Callers callers, GovernancePack packs) {
        this.callers = callers;
        this.packs = packs;
    }

    @Get("/governance-pack")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionGovernancePack", summary = "Your region's information-governance pack, written from its recorded terms and this service's settings",
            description = "Sections: the data-flow map, a draft DPIA under the ICO's template headings, the retention schedule, the privacy "
                    + "notice for social workers, the record of processing and who read worker-level records in the last 12 months. Each "
                    + "section's derivedFrom names the settings and values its statements came from. Reading it is audited (the audit "
                    + "summary reads the trail).")
    public GovernancePack.Pack pack(Authentication authentication) {
        return packs.pack(callers.regionalUser(authentication));
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The governance pack as a Word document",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = GovernanceDocument.TYPE, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(value = "/governance-pack.docx", produces = GovernanceDocument.TYPE)
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionGovernancePackDocument", summary = "The same pack as a Word document to edit")
    public HttpResponse<byte[]> document(Authentication authentication) {
        return GovernanceDocument.download(packs.pack(callers.regionalUser(authentication)));
    }
}
