package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference request between a requesting and a referee council — asked, provided or declined, read, shared with
 * the worker — as one use case under the API ({@link RequestController}) and the pages ({@link ReferencePages}).
 * Only the two parties see a request; anyone else is told there is none (404).
 */
@Singleton
public class ReferenceRequests {

    @Serdeable
    public record Consent(@Nullable LocalDate givenOn, @Nullable String method) {
    }

    @Serdeable
    public record NewRequest(@Nullable UUID engagementId, @Nullable String refereeAuthority, @Nullable LocalDate dueOn,
                             @Nullable Consent consent, @Nullable exchange.workforce.worker.WorkerDetails worker) {
    }

    @Serdeable
    public record Decline(@Nullable String reason) {
    }

    /** The referee confirms whom the reference is about by entering the registration number. */
    @Serdeable
    public record Provide(@Nullable String registrationNumber, @Nullable ReferenceTemplate reference) {
    }

    @Serdeable
    public record WorkerLookup(@Nullable String registrationNumber) {
    }

    @Serdeable
    public record SharedWithWorker(@Nullable LocalDate sharedOn, @Nullable String method) {
    }

    private final java.time.Clock clock;
    private final io.micronaut.json.JsonMapper json;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final EngagementDao engagements;
    private final RequestDao requests;
    private final ReferenceDao references;
    private final Regions regions;
    private final AuditTrail audit;

    public ReferenceRequests(TenantTransactions transactions, Pseudonymiser pseudonymiser,
                             SignatoryPolicy signatories, EngagementDao engagements, RequestDao requests,
                             ReferenceDao references, Regions regions, AuditTrail audit, io.micronaut.json.JsonMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.json = json;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.engagements = engagements;
        this.requests = requests;
        this.references = references;
        this.regions = regions;
        this.audit = audit;
    }

    /** Ask a signatory authority for a reference about the worker of one of your engagements. */
    public ReferenceRequest request(Caller caller, NewRequest body) {
        String requester = caller.authorityCode().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        RequestPolicy.check(body, requester, today);
        Authority referee = regions.authority(body.refereeAuthority()).filter(Authority::active)
                .orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "refereeAuthority", "There is no current "
                        + "authority '" + body.refereeAuthority() + "'. Use its ONS code, e.g. E10000016."));
        UUID id = UUID.randomUUID();
        return transactions.write(caller, () -> {
            signatories.requireSignatory(caller, today);
            signatories.requireCommonMemorandum(requester, referee.code(), today, "refereeAuthority");
            EngagementDao.Found engagement = engagements.find(body.engagementId(), requester)
                    .orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "engagementId",
                            "Your authority has no engagement " + body.engagementId() + "."));
            if (referee.code().equals(requester)) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "refereeAuthority",
                        "refereeAuthority: a reference is asked of another authority, not your own");
            }
            if (requests.hasOpenOrAnswered(body.engagementId(), referee.code())) {
                throw new ApiProblem(ProblemCode.CONFLICT, "refereeAuthority", "This engagement already has a request to "
                        + referee.name() + " that is open or answered with a reference; follow that one up instead. "
                        + "(After a decline you may ask again.)");
            }
            requests.insert(id, engagement.engagement(), referee.code(),
                    new Pseudonym(engagement.workerPseudonym(), pseudonymiser.currentVersion()),
                    body.consent().givenOn(), body.consent().method().trim(), body.dueOn(), caller.user(), RequestPolicy.trimmed(body.worker()));
            audit.record(caller, AuditAction.REFERENCE_REQUESTED, "reference_request", id.toString(),
                    Map.of("referee", referee.code(), "dueOn", body.dueOn().toString()));
            return requests.find(id, requester, today).orElseThrow();
        });
    }

    /** Requests other authorities have made of yours; with {@code overdue}, only those past their due date. */
    public List<ReferenceRequest> incoming(Caller caller, boolean overdue) {
        return transactions.read(caller, () -> requests.incoming(caller.authorityCode().orElseThrow(), overdue, LocalDate.now(clock)));
    }

    /** Your incoming requests about one worker, found by registration number (sent in the body, never the URL). */
    public List<ReferenceRequest> incomingFor(Caller caller, WorkerLookup body) {
        Pseudonym worker = pseudonymiser.pseudonymOf(RegistrationNumber.parse(body.registrationNumber(), "registrationNumber"));
        return transactions.write(caller, () -> {
            List<ReferenceRequest> found = requests.incomingFor(caller.authorityCode().orElseThrow(), worker, LocalDate.now(clock));
            audit.record(caller, AuditAction.INCOMING_REQUESTS_MATCHED, "reference_request", null, Map.of("found", found.size()));
            return found;
        });
    }

    /** Requests your authority has made; with {@code overdue}, only those past their due date. */
    /** How the caller's region's members answered requests due in the period: counts only, for the board report. */
    public List<RequestDao.Turnaround> turnaround(Caller caller, LocalDate from, LocalDate to) {
        return transactions.read(caller, () -> requests.turnaround(from, to));
    }

    public List<ReferenceRequest> outgoing(Caller caller, boolean overdue) {
        return transactions.read(caller, () -> requests.outgoing(caller.authorityCode().orElseThrow(), overdue, LocalDate.now(clock)));
    }

    /** One request; only its two parties see it. */
    public ReferenceRequest one(Caller caller, UUID id) {
        return transactions.read(caller, () -> requests.find(id, caller.authorityCode().orElseThrow(), LocalDate.now(clock)))
                .orElseThrow(() -> notFound(id));
    }

    /** Provide the reference (the referee authority), on the standard template. */
    public ReferenceDao.ProvidedReference provide(Caller caller, UUID id, Provide body) {
        String referee = caller.authorityCode().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        Pseudonym worker = pseudonymiser.pseudonymOf(RegistrationNumber.parse(body.registrationNumber(), "registrationNumber"));
        if (body.reference() == null) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "reference", "reference: give the reference on the standard template");
        }
        ReferenceTemplatePolicy.check(body.reference(), today, json);
        return transactions.write(caller, () -> {
            String requested = requests.workerOf(id, referee).orElseThrow(() -> notFound(id));
            if (!requested.equals(worker.value())) {
                throw new ApiProblem(ProblemCode.WORKER_MISMATCH, "registrationNumber", "This request is about a different "
                        + "worker than the registration number you entered. Check the number with the worker's records.");
            }
            if (!requests.answer(id, referee, RequestStatus.PROVIDED, null, caller.user())) {
                throw alreadyAnswered(id);
            }
            references.insert(id, referee, body.reference(), caller.user());
            audit.record(caller, AuditAction.REFERENCE_PROVIDED, "reference", id.toString(),
                    Map.of("templateVersion", ReferenceTemplate.VERSION));
            return references.find(id, referee).orElseThrow();
        });
    }

    /** Decline the request (the referee authority), with a reason the requester will see. */
    public ReferenceRequest decline(Caller caller, UUID id, Decline body) {
        String referee = caller.authorityCode().orElseThrow();
        if (body.reason() == null || body.reason().isBlank()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "reason",
                    "reason: say why, e.g. 'the worker was never employed by us' or 'no records before 2015'");
        }
        return transactions.write(caller, () -> {
            requests.find(id, referee, LocalDate.now(clock)).filter(r -> r.refereeAuthority().equals(referee))
                    .orElseThrow(() -> notFound(id));
            if (!requests.answer(id, referee, RequestStatus.DECLINED, body.reason().trim(), caller.user())) {
                throw alreadyAnswered(id);
            }
            audit.record(caller, AuditAction.REFERENCE_DECLINED, "reference_request", id.toString(), Map.of());
            return requests.find(id, referee, LocalDate.now(clock)).orElseThrow();
        });
    }

    /** Read the reference; only the requester and the referee may, and every read is audited. */
    public ReferenceDao.ProvidedReference read(Caller caller, UUID id) {
        return transactions.write(caller, () -> {
            ReferenceDao.ProvidedReference found = references.find(id, caller.authorityCode().orElseThrow())
                    .orElseThrow(() -> ApiProblem.notFound("There is no reference for request " + id + " that you may read."));
            audit.record(caller, AuditAction.REFERENCE_READ, "reference", id.toString(), Map.of());
            return found;
        });
    }

    /** Record that the reference was shared with the worker, and how. */
    public ReferenceDao.ProvidedReference sharedWithWorker(Caller caller, UUID id, SharedWithWorker body) {
        String party = caller.authorityCode().orElseThrow();
        if (body.sharedOn() == null || body.sharedOn().isAfter(LocalDate.now(clock))) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "sharedOn", "sharedOn: give the date it was shared (YYYY-MM-DD), not in the future");
        }
        if (body.method() == null || body.method().isBlank()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "method", "method: say how, e.g. 'e-mailed to the worker'");
        }
        return transactions.write(caller, () -> {
            if (!references.recordShared(id, party, body.sharedOn(), body.method().trim())) {
                throw ApiProblem.notFound("There is no reference for request " + id + " that you may record as shared.");
            }
            audit.record(caller, AuditAction.REFERENCE_SHARED_WITH_WORKER, "reference", id.toString(),
                    Map.of("sharedOn", body.sharedOn().toString()));
            return references.find(id, party).orElseThrow();
        });
    }

    /** The worker's copy, read as the caller (a party to the reference) and audited as exported, in the format named. */
    public WorkerCopy workerCopy(Caller caller, UUID id, String format) {
        return transactions.write(caller, () -> {
            ReferenceDao.ProvidedReference found = references.find(id, caller.authorityCode().orElseThrow())
                    .orElseThrow(() -> ApiProblem.notFound("There is no reference for request " + id + " that you may export."));
            audit.record(caller, AuditAction.REFERENCE_EXPORTED, "reference", id.toString(), Map.of("format", format));
            return WorkerCopy.of(found, name(found.refereeAuthority()), name(found.requesterAuthority()));
        });
    }

    private String name(String authorityCode) {
        return regions.authority(authorityCode).map(Authority::name).orElse(authorityCode);
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("There is no reference request " + id + " between your authority and another.");
    }

    private static ApiProblem alreadyAnswered(UUID id) {
        return new ApiProblem(ProblemCode.ALREADY_ANSWERED, null, "Request " + id
                + " has already been answered; read it to see the answer.");
    }
}
