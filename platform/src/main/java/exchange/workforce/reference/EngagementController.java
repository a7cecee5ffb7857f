package exchange.workforce.reference;

import exchange.workforce.identity.Callers;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
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

import java.util.UUID;

/** A hiring authority gathers references for an engagement of a worker. */
@Controller("/api/v1/references/engagements")
@Secured("REFERENCE_OFFICER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "References")
@exchange.workforce.problem.ProblemResponses
public class EngagementController {

    private final Callers callers;
    private final Engagements engagements;
    private final ReadingAnEngagement reading;
    private final RecordingAReferenceFromElsewhere recordingElsewhere;

    public EngagementController(Callers callers, Engagements engagements, ReadingAnEngagement reading,
                                RecordingAReferenceFromElsewhere recordingElsewhere) {
        this.callers = callers;
        this.engagements = engagements;
        this.reading = reading;
        this.recordingElsewhere = recordingElsewhere;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "engagementsCreate", summary = "Start gathering references for a worker you intend to engage",
            description = "The registration number is pseudonymised at once and never stored.")
    public Engagements.EngagementView create(Authentication authentication, @Body Engagements.NewEngagement request) {
        return engagements.create(callers.authorityUser(authentication), request);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/{id}/references-from-elsewhere")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "engagementsReferenceFromElsewhere", summary = "Record a reference gathered off the platform as evidence",
            description = "For a reference from an employer outside the region or not a council: refereeOrganisation, refereeRole, "
                    + "providedOn, template (MEMORANDUM_STANDARD or OTHER_DETAILED_PRACTICE_BASED) and attested: true — that you "
                    + "have read it and it is detailed and practice-based. It counts towards the two-reference rule; the reference "
                    + "itself stays with your council.")
    public ReferenceFromElsewhere recordFromElsewhere(Authentication authentication, @PathVariable UUID id,
                                                      @Body ReferenceFromElsewhere.New reference) {
        return recordingElsewhere.record(callers.authorityUser(authentication), id, reference);
    }

    @Get("/{id}")
    @Operation(operationId = "engagementsRead", summary = "An engagement: its reference requests, whether it meets the two-reference minimum, "
            + "and end-of-placement reviews of the worker by signatory authorities (reading them is audited)")
    public Engagements.EngagementView read(Authentication authentication, @PathVariable UUID id) {
        return reading.read(callers.authorityUser(authentication), id);
    }
}
