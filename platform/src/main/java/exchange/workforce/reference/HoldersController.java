package exchange.workforce.reference;

import exchange.workforce.identity.Callers;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Whom to ask: which signatory authorities hold references or reviews about a worker, without their content. */
@Controller("/api/v1/references/holders")
@Secured("REFERENCE_OFFICER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "References")
@exchange.workforce.problem.ProblemResponses
public class HoldersController {

    private final Callers callers;
    private final ReferenceHolders referenceHolders;

    public HoldersController(Callers callers, ReferenceHolders referenceHolders) {
        this.callers = callers;
        this.referenceHolders = referenceHolders;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "429", description = "Too many look-ups: the limit for you or your "
            + "authority is reached; Retry-After says in how many seconds one more is allowed",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After", description = "Seconds until one more look-up is allowed",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "integer", format = "int32", minimum = "1")),
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = exchange.workforce.problem.Problem.class)))
    @Post
    @Operation(operationId = "referenceHoldersHolders", summary = "Which signatory authorities hold references or end-of-placement reviews for a worker",
            description = "Send the registration number in the body. Answers authorities of your own memorandum only, never "
                    + "content; the look-up is audited and limited to " + HolderLookupLimits.PER_USER_PER_HOUR + " an hour per "
                    + "person and " + HolderLookupLimits.PER_AUTHORITY_PER_DAY + " a day per authority (429 beyond).")
    public List<ReferenceHolders.Holder> holders(Authentication authentication, @Body ReferenceHolders.Lookup body) {
        return referenceHolders.holders(callers.authorityUser(authentication), body);
    }
}
