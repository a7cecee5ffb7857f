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

import java.util.List;
import java.util.UUID;

/**
 * End-of-placement reviews of agency workers, recorded by the engaging authority. Another signatory sees a
 * review with its own later engagement of the same worker (GET /api/v1/references/engagements/{id}).
 */
@Controller("/api/v1/placement-reviews")
@Secured("REFERENCE_OFFICER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "References")
@exchange.workforce.problem.ProblemResponses
public class PlacementReviewController {

    private final Callers callers;
    private final PlacementReviews placementReviews;

    public PlacementReviewController(Callers callers, PlacementReviews placementReviews) {
        this.callers = callers;
        this.placementReviews = placementReviews;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "placementReviewsRecord", summary = "Record an end-of-placement review of an agency worker your authority engaged")
    public PlacementReviewDao.RecordedReview record(Authentication authentication, @Body PlacementReview review) {
        return placementReviews.record(callers.authorityUser(authentication), review);
    }

    @Get
    @Operation(operationId = "placementReviewsWritten", summary = "The reviews your authority has recorded")
    public List<PlacementReviewDao.RecordedReview> written(Authentication authentication) {
        return placementReviews.written(callers.authorityUser(authentication));
    }

    @Get("/{id}")
    @Operation(operationId = "placementReviewsOne", summary = "One review your authority recorded; every read is audited")
    public PlacementReviewDao.RecordedReview one(Authentication authentication, @PathVariable UUID id) {
        return placementReviews.one(callers.authorityUser(authentication), id);
    }
}
