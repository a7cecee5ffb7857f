package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * End-of-placement reviews a council writes about agency workers it engaged, and reads back: one use case under the
 * API ({@link PlacementReviewController}) and the pages ({@link ReferencePages}).
 */
@Singleton
public class PlacementReviews {

    private final java.time.Clock clock;
    private final io.micronaut.json.JsonMapper json;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final PlacementReviewDao reviews;
    private final AuditTrail audit;

    public PlacementReviews(TenantTransactions transactions, Pseudonymiser pseudonymiser,
                                     SignatoryPolicy signatories, PlacementReviewDao reviews, AuditTrail audit, io.micronaut.json.JsonMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.json = json;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.reviews = reviews;
        this.audit = audit;
    }

    /** Record an end-of-placement review of an agency worker your authority engaged. */
    public PlacementReviewDao.RecordedReview record(Caller caller, PlacementReview review) {
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

    /** The reviews your authority has recorded. */
    public List<PlacementReviewDao.RecordedReview> written(Caller caller) {
        return transactions.write(caller, () -> {
            List<PlacementReviewDao.RecordedReview> written = reviews.writtenBy(caller.authorityCode().orElseThrow());
            audit.record(caller, AuditAction.PLACEMENT_REVIEW_READ, "placement_review", null, Map.of("listed", written.size()));
            return written;
        });
    }

    /** One review your authority recorded; every read is audited. */
    public PlacementReviewDao.RecordedReview one(Caller caller, UUID id) {
        return transactions.write(caller, () -> {
            PlacementReviewDao.RecordedReview review = reviews.find(id, caller.authorityCode().orElseThrow())
                    .orElseThrow(() -> ApiProblem.notFound("Your authority has recorded no review " + id + "."));
            audit.record(caller, AuditAction.PLACEMENT_REVIEW_READ, "placement_review", id.toString(), Map.of());
            return review;
        });
    }
}
