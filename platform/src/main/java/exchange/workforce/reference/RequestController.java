package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The request → provide (or decline) → read flow between a requesting and a referee authority.
 * Only the two parties see a request; anyone else gets 404.
 */
@Controller("/api/v1/references/requests")
@Secured("REFERENCE_OFFICER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "References")
@exchange.workforce.problem.ProblemResponses
public class RequestController {

    private final java.time.Clock clock;
    private final io.micronaut.json.JsonMapper json;
    private final Callers callers;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final EngagementDao engagements;
    private final RequestDao requests;
    private final ReferenceDao references;
    private final Regions regions;
    private final AuditTrail audit;

    public RequestController(Callers callers, TenantTransactions transactions, Pseudonymiser pseudonymiser,
                             SignatoryPolicy signatories, EngagementDao engagements, RequestDao requests,
                             ReferenceDao references, Regions regions, AuditTrail audit, io.micronaut.json.JsonMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.json = json;
        this.callers = callers;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.engagements = engagements;
        this.requests = requests;
        this.references = references;
        this.regions = regions;
        this.audit = audit;
    }

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

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "referenceRequestsRequest", summary = "Ask a signatory authority for a reference about the worker of one of your engagements",
            description = "Records the worker's consent. The referee authority sees it in its incoming requests.")
    public ReferenceRequest request(Authentication authentication, @Body NewRequest body) {
        Caller caller = callers.authorityUser(authentication);
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

    @Get("/incoming")
    @Operation(operationId = "referenceRequestsIncoming", summary = "Requests other authorities have made of yours; ?overdue=true for those past their due date")
    public List<ReferenceRequest> incoming(Authentication authentication, @QueryValue(defaultValue = "false") boolean overdue) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.read(caller, () -> requests.incoming(caller.authorityCode().orElseThrow(), overdue, LocalDate.now(clock)));
    }

    @Post("/incoming/matching")
    @Operation(operationId = "referenceRequestsIncomingFor", summary = "Your incoming requests about one worker, found by registration number (sent in the body, never the URL)")
    public List<ReferenceRequest> incomingFor(Authentication authentication, @Body WorkerLookup body) {
        Caller caller = callers.authorityUser(authentication);
        Pseudonym worker = pseudonymiser.pseudonymOf(RegistrationNumber.parse(body.registrationNumber(), "registrationNumber"));
        return transactions.write(caller, () -> {
            List<ReferenceRequest> found = requests.incomingFor(caller.authorityCode().orElseThrow(), worker, LocalDate.now(clock));
            audit.record(caller, AuditAction.INCOMING_REQUESTS_MATCHED, "reference_request", null, Map.of("found", found.size()));
            return found;
        });
    }

    @Get("/outgoing")
    @Operation(operationId = "referenceRequestsOutgoing", summary = "Requests your authority has made; ?overdue=true for those past their due date")
    public List<ReferenceRequest> outgoing(Authentication authentication, @QueryValue(defaultValue = "false") boolean overdue) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.read(caller, () -> requests.outgoing(caller.authorityCode().orElseThrow(), overdue, LocalDate.now(clock)));
    }

    @Get("/{id}")
    @Operation(operationId = "referenceRequestsOne", summary = "One request; only its two parties see it")
    public ReferenceRequest one(Authentication authentication, @PathVariable UUID id) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.read(caller, () -> requests.find(id, caller.authorityCode().orElseThrow(), LocalDate.now(clock)))
                .orElseThrow(() -> notFound(id));
    }

    @Post("/{id}/reference")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "referenceRequestsProvide", summary = "Provide the reference (the referee authority), on the standard template",
            description = "A request is answered once: a second answer, even at the same moment, gets 409.")
    public ReferenceDao.ProvidedReference provide(Authentication authentication, @PathVariable UUID id, @Body Provide body) {
        Caller caller = callers.authorityUser(authentication);
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

    @Post("/{id}/decline")
    @Operation(operationId = "referenceRequestsDecline", summary = "Decline the request (the referee authority), with a reason the requester will see")
    public ReferenceRequest decline(Authentication authentication, @PathVariable UUID id, @Body Decline body) {
        Caller caller = callers.authorityUser(authentication);
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

    @Get("/{id}/reference")
    @Operation(operationId = "referenceRequestsRead", summary = "Read the reference; only the requester and the referee may, and every read is audited")
    public ReferenceDao.ProvidedReference read(Authentication authentication, @PathVariable UUID id) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.write(caller, () -> {
            ReferenceDao.ProvidedReference found = references.find(id, caller.authorityCode().orElseThrow())
                    .orElseThrow(() -> ApiProblem.notFound("There is no reference for request " + id + " that you may read."));
            audit.record(caller, AuditAction.REFERENCE_READ, "reference", id.toString(), Map.of());
            return found;
        });
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The worker's copy", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = WorkerCopy.class)), @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @Get(value = "/{id}/reference/export", produces = {io.micronaut.http.MediaType.APPLICATION_JSON, PDF})
    @Operation(operationId = "referenceRequestsExport", summary = "The worker's copy of the reference (UK GDPR right of access), as JSON or, with Accept: application/pdf, "
            + "as a PDF to print or send; the export is audited with its format")
    public io.micronaut.http.HttpResponse<?> export(io.micronaut.http.HttpRequest<?> request, Authentication authentication, @PathVariable UUID id) {
        Caller caller = callers.authorityUser(authentication);
        boolean pdf = wantsPdf(request);
        WorkerCopy copy = workerCopy(caller, id, pdf ? "PDF" : "JSON");
        return pdf ? pdf(copy, id)
                : io.micronaut.http.HttpResponse.ok(copy).header("Content-Disposition", "attachment; filename=\"reference-" + id + ".json\"");
    }

    static final String PDF = "application/pdf";

    /** Whether the client asked for PDF: Accept names it, and names JSON not at all or after it. */
    private static boolean wantsPdf(io.micronaut.http.HttpRequest<?> request) {
        String accept = request.getHeaders().get(io.micronaut.http.HttpHeaders.ACCEPT, String.class).orElse("");
        int pdf = accept.indexOf(PDF);
        int json = accept.indexOf("application/json");
        return pdf >= 0 && (json < 0 || pdf < json);
    }

    /** The worker's copy as a PDF response, for this API and the reference page's download alike. */
    static io.micronaut.http.HttpResponse<byte[]> pdf(WorkerCopy copy, UUID id) {
        return io.micronaut.http.HttpResponse.ok(WorkerCopyPdf.of(copy)).contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"reference-" + id + ".pdf\"")
                .header("Cache-Control", "no-store");
    }

    /** The worker's copy, read as the caller (a party to the reference) and audited as exported, in the format named. */
    WorkerCopy workerCopy(Caller caller, UUID id, String format) {
        return transactions.write(caller, () -> {
            ReferenceDao.ProvidedReference found = references.find(id, caller.authorityCode().orElseThrow())
                    .orElseThrow(() -> ApiProblem.notFound("There is no reference for request " + id + " that you may export."));
            audit.record(caller, AuditAction.REFERENCE_EXPORTED, "reference", id.toString(), Map.of("format", format));
            return WorkerCopy.of(found, name(found.refereeAuthority()), name(found.requesterAuthority()));
        });
    }

    @Post("/{id}/reference/shared-with-worker")
    @Operation(operationId = "referenceRequestsSharedWithWorker", summary = "Record that the reference was shared with the worker, and how")
    public ReferenceDao.ProvidedReference sharedWithWorker(Authentication authentication, @PathVariable UUID id,
                                                           @Body SharedWithWorker body) {
        Caller caller = callers.authorityUser(authentication);
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
