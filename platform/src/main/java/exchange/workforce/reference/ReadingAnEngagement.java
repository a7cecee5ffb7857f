package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One of the council's engagements as its reference officer reads it, by API or page: its reference requests, the
 * references counted towards the two-reference minimum (provided here or recorded from elsewhere), the evidence of those
 * from elsewhere, and end-of-placement reviews of the worker by signatory authorities. Reading it, and each review, is
 * audited.
 */
@Singleton
public class ReadingAnEngagement {

    private final EngagementDao engagements;
    private final RequestDao requests;
    private final ReferenceDao references;
    private final PlacementReviewDao reviews;
    private final ReferenceFromElsewhereDao elsewhere;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ReadingAnEngagement(EngagementDao engagements, RequestDao requests, ReferenceDao references, PlacementReviewDao reviews,
                               ReferenceFromElsewhereDao elsewhere, TenantTransactions transactions, AuditTrail audit, Clock clock) {
        this.engagements = engagements;
        this.requests = requests;
        this.references = references;
        this.reviews = reviews;
        this.elsewhere = elsewhere;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Engagements.EngagementView read(Caller caller, UUID id) {
        return transactions.write(caller, () -> inside(caller, id, LocalDate.now(clock)));
    }

    /** Inside the caller's write transaction (the reads are audited). */
    Engagements.EngagementView inside(Caller caller, UUID id, LocalDate today) {
        String authority = caller.authorityCode().orElseThrow();
        EngagementDao.Found found = engagements.find(id, authority)
                .orElseThrow(() -> ApiProblem.notFound("Your authority has no engagement " + id + "."));
        List<PlacementReviewDao.RecordedReview> workerReviews = reviews.aboutWorkerOfEngagement(found.workerPseudonym(), id, authority);
        audit.record(caller, AuditAction.ENGAGEMENT_READ, "engagement", id.toString(), Map.of());
        for (PlacementReviewDao.RecordedReview review : workerReviews) {
            audit.record(caller, AuditAction.PLACEMENT_REVIEW_READ, "placement_review", review.id().toString(),
                    Map.of("engagement", id.toString(), "writtenBy", review.engagingAuthority()));
        }
        int provided = references.providedFor(id, authority);
        return new Engagements.EngagementView(found.engagement(), requests.ofEngagement(id, authority, today), provided,
                Engagements.MINIMUM_REFERENCES, provided >= Engagements.MINIMUM_REFERENCES, workerReviews,
                elsewhere.ofEngagement(id, authority));
    }
}
