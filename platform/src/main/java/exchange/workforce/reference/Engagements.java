package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A council's engagements of workers (the start of every reference flow): created, listed and read. One use case
 * under the API ({@link EngagementController}) and the pages ({@link ReferencePages}).
 */
@Singleton
public class Engagements {

    @Serdeable
    public record NewEngagement(@Nullable String registrationNumber, @Nullable String role, @Nullable String engagementType) {
    }

    /** The engagement with its requests, whether it meets the two-reference minimum, and reviews of the worker. */
    @Serdeable
    public record EngagementView(Engagement engagement, List<ReferenceRequest> requests, int referencesProvided,
                                 int referencesRequired, boolean meetsTwoReferenceMinimum,
                                 List<PlacementReviewDao.RecordedReview> placementReviews, List<ReferenceFromElsewhere> fromElsewhere) {
    }

    private final java.time.Clock clock;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final EngagementDao engagements;
    private final AuditTrail audit;
    private final ReadingAnEngagement reading;

    public Engagements(TenantTransactions transactions, Pseudonymiser pseudonymiser,
                                SignatoryPolicy signatories, EngagementDao engagements, AuditTrail audit, java.time.Clock clock,
                                ReadingAnEngagement reading) {
        this.reading = reading;
        this.clock = clock;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.engagements = engagements;
        this.audit = audit;
    }

    /** Start gathering references for a worker you intend to engage. */
    public EngagementView create(Caller caller, NewEngagement request) {
        String authority = caller.authorityCode().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<Problem.Violation> broken = new ArrayList<>();
        check(broken, "role", request.role(), ReferenceTemplatePolicy.ROLES);
        check(broken, "engagementType", request.engagementType(), ReferenceTemplatePolicy.ENGAGEMENT_TYPES);
        Pseudonym worker = pseudonymiser.pseudonymOf(RegistrationNumber.parse(request.registrationNumber(), "registrationNumber"));
        if (!broken.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, broken.size() == 1 ? broken.get(0).field() : null,
                    String.join("; ", broken.stream().map(Problem.Violation::message).toList()), broken);
        }
        UUID id = UUID.randomUUID();
        return transactions.write(caller, () -> {
            signatories.requireSignatory(caller, today);
            engagements.insert(id, authority, worker, request.role(), request.engagementType(), caller.user());
            audit.record(caller, AuditAction.ENGAGEMENT_CREATED, "engagement", id.toString(),
                    Map.of("role", request.role(), "engagementType", request.engagementType()));
            return view(caller, id, today);
        });
    }

    /** DfE agency rules: at least two detailed, practice-based references; the memorandum applies it to every engagement. */
    static final int MINIMUM_REFERENCES = 2;

    private EngagementView view(Caller caller, UUID id, LocalDate today) {
        return reading.inside(caller, id, today);
    }

    private static void check(List<Problem.Violation> broken, String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            broken.add(new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field, null, null,
                    field + ": " + (value == null ? "is required" : "'" + value + "' is not allowed")
                            + ": use one of " + String.join(", ", allowed)));
        }
    }
}
