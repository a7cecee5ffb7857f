package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A hiring authority gathers references for an engagement of a worker. */
@Controller("/api/v1/references/engagements")
@Secured("REFERENCE_OFFICER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "References")
@exchange.workforce.problem.ProblemResponses
public class EngagementController {

    /** DfE agency rules: at least two detailed, practice-based references; the memorandum applies it to every engagement. */
    static final int MINIMUM_REFERENCES = 2;

    private final java.time.Clock clock;
    private final Callers callers;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final EngagementDao engagements;
    private final AuditTrail audit;
    private final ReadingAnEngagement reading;
    private final RecordingAReferenceFromElsewhere recordingElsewhere;

    public EngagementController(Callers callers, TenantTransactions transactions, Pseudonymiser pseudonymiser,
                                SignatoryPolicy signatories, EngagementDao engagements, AuditTrail audit, java.time.Clock clock,
                                ReadingAnEngagement reading, RecordingAReferenceFromElsewhere recordingElsewhere) {
        this.reading = reading;
        this.recordingElsewhere = recordingElsewhere;
        this.clock = clock;
        this.callers = callers;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.engagements = engagements;
        this.audit = audit;
    }

    @Serdeable
    public record NewEngagement(@Nullable String registrationNumber, @Nullable String role, @Nullable String engagementType) {
    }

    /** The engagement with its requests, whether it meets the two-reference minimum, and reviews of the worker. */
    @Serdeable
    public record EngagementView(Engagement engagement, List<ReferenceRequest> requests, int referencesProvided,
                                 int referencesRequired, boolean meetsTwoReferenceMinimum,
                                 List<PlacementReviewDao.RecordedReview> placementReviews, List<ReferenceFromElsewhere> fromElsewhere) {
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "engagementsCreate", summary = "Start gathering references for a worker you intend to engage",
            description = "The registration number is pseudonymised at once and never stored.")
    public EngagementView create(Authentication authentication, @Body NewEngagement request) {
        Caller caller = callers.authorityUser(authentication);
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
    public EngagementView read(Authentication authentication, @PathVariable UUID id) {
        Caller caller = callers.authorityUser(authentication);
        return reading.read(caller, id);
    }

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
