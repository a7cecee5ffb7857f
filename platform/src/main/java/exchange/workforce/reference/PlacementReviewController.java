package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    private final java.time.Clock clock;
    private final io.micronaut.json.JsonMapper json;
    private final Callers callers;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final PlacementReviewDao reviews;
    private final AuditTrail audit;

    public PlacementReviewController(Callers callers, TenantTransactions transactions, Pseudonymiser pseudonymiser,
                                     SignatoryPolicy signatories, PlacementReviewDao reviews, AuditTrail audit, io.micronaut.json.JsonMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.json = json;
        this.callers = callers;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.reviews = reviews;
        this.audit = audit;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "placementReviewsRecord", summary = "Record an end-of-placement review of an agency worker your authority engaged")
    public PlacementReviewDao.RecordedReview record(Authentication authentication, @Body PlacementReview review) {
        Caller caller = callers.authorityUser(authentication);
        String authority = caller.authorityCode().orElseThrow();
        Pseudonym worker = pseudonymiser.pseudonymOf(RegistrationNumber.parse(review.registrationNumber(), "registrationNumber"));
        LocalDate today = LocalDate.now(clock);
        ReferenceTemplatePolicy.check(review, today, json);
        UUID id = UUID.randomUUID();
        return transactions.write(caller, () -> {
            signatories.requireSignatory(caller, today);
            reviews.insert(id, authority, worker, review, caller.user());
            audit.record(caller, AuditAction.PLACEMENT_REVIEW_RECORDED, "placement_review", id.toString(),
                    Map.of("role", review.role()));
            return reviews.find(id, authority).orElseThrow();
        });
    }

    @Get
    @Operation(operationId = "placementReviewsWritten", summary = "The reviews your authority has recorded")
    public List<PlacementReviewDao.RecordedReview> written(Authentication authentication) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.write(caller, () -> {
            List<PlacementReviewDao.RecordedReview> written = reviews.writtenBy(caller.authorityCode().orElseThrow());
            audit.record(caller, AuditAction.PLACEMENT_REVIEW_READ, "placement_review", null, Map.of("listed", written.size()));
            return written;
        });
    }

    @Get("/{id}")
    @Operation(operationId = "placementReviewsOne", summary = "One review your authority recorded; every read is audited")
    public PlacementReviewDao.RecordedReview one(Authentication authentication, @PathVariable UUID id) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.write(caller, () -> {
            PlacementReviewDao.RecordedReview review = reviews.find(id, caller.authorityCode().orElseThrow())
                    .orElseThrow(() -> ApiProblem.notFound("Your authority has recorded no review " + id + "."));
            audit.record(caller, AuditAction.PLACEMENT_REVIEW_READ, "placement_review", id.toString(), Map.of());
            return review;
        });
    }
}
