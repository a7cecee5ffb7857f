package exchange.workforce.reference;

import exchange.workforce.identity.Callers;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
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

    private final Callers callers;
    private final ReferenceRequests referenceRequests;

    public RequestController(Callers callers, ReferenceRequests referenceRequests) {
        this.callers = callers;
        this.referenceRequests = referenceRequests;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "referenceRequestsRequest", summary = "Ask a signatory authority for a reference about the worker of one of your engagements",
            description = "Records the worker's consent. The referee authority sees it in its incoming requests.")
    public ReferenceRequest request(Authentication authentication, @Body ReferenceRequests.NewRequest body) {
        return referenceRequests.request(callers.authorityUser(authentication), body);
    }

    @Get("/incoming")
    @Operation(operationId = "referenceRequestsIncoming", summary = "Requests other authorities have made of yours; ?overdue=true for those past their due date")
    public List<ReferenceRequest> incoming(Authentication authentication, @QueryValue(defaultValue = "false") boolean overdue) {
        return referenceRequests.incoming(callers.authorityUser(authentication), overdue);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/incoming/matching")
    @Operation(operationId = "referenceRequestsIncomingFor", summary = "Your incoming requests about one worker, found by registration number (sent in the body, never the URL)")
    public List<ReferenceRequest> incomingFor(Authentication authentication, @Body ReferenceRequests.WorkerLookup body) {
        return referenceRequests.incomingFor(callers.authorityUser(authentication), body);
    }

    @Get("/outgoing")
    @Operation(operationId = "referenceRequestsOutgoing", summary = "Requests your authority has made; ?overdue=true for those past their due date")
    public List<ReferenceRequest> outgoing(Authentication authentication, @QueryValue(defaultValue = "false") boolean overdue) {
        return referenceRequests.outgoing(callers.authorityUser(authentication), overdue);
    }

    @Get("/{id}")
    @Operation(operationId = "referenceRequestsOne", summary = "One request; only its two parties see it")
    public ReferenceRequest one(Authentication authentication, @PathVariable UUID id) {
        return referenceRequests.one(callers.authorityUser(authentication), id);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/{id}/reference")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "referenceRequestsProvide", summary = "Provide the reference (the referee authority), on the standard template",
            description = "A request is answered once: a second answer, even at the same moment, gets 409.")
    public ReferenceDao.ProvidedReference provide(Authentication authentication, @PathVariable UUID id, @Body ReferenceRequests.Provide body) {
        return referenceRequests.provide(callers.authorityUser(authentication), id, body);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/{id}/decline")
    @Operation(operationId = "referenceRequestsDecline", summary = "Decline the request (the referee authority), with a reason the requester will see")
    public ReferenceRequest decline(Authentication authentication, @PathVariable UUID id, @Body ReferenceRequests.Decline body) {
        return referenceRequests.decline(callers.authorityUser(authentication), id, body);
    }

    @Get("/{id}/reference")
    @Operation(operationId = "referenceRequestsRead", summary = "Read the reference; only the requester and the referee may, and every read is audited")
    public ReferenceDao.ProvidedReference read(Authentication authentication, @PathVariable UUID id) {
        return referenceRequests.read(callers.authorityUser(authentication), id);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The worker's copy", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = WorkerCopy.class)), @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @Get(value = "/{id}/reference/export", produces = {io.micronaut.http.MediaType.APPLICATION_JSON, PDF})
    @Operation(operationId = "referenceRequestsExport", summary = "The worker's copy of the reference (UK GDPR right of access), as JSON or, with Accept: application/pdf, "
            + "as a PDF to print or send; the export is audited with its format")
    public io.micronaut.http.HttpResponse<?> export(io.micronaut.http.HttpRequest<?> request, Authentication authentication, @PathVariable UUID id) {
        boolean pdf = wantsPdf(request);
        WorkerCopy copy = referenceRequests.workerCopy(callers.authorityUser(authentication), id, pdf ? "PDF" : "JSON");
        return pdf ? pdf(copy, id)
                : io.micronaut.http.HttpResponse.ok(copy).header("Content-Disposition", "attachment; filename=\"reference-" + id + ".json\"");
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The worker's copy as a PDF (fonts embedded, tagged)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = PDF, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(value = "/{id}/reference/export.pdf", produces = PDF)
    @Operation(operationId = "referenceRequestsExportPdf", summary = "The worker's copy of the reference as a PDF, to print or send (audited)")
    public io.micronaut.http.HttpResponse<byte[]> exportPdf(Authentication authentication, @PathVariable UUID id) {
        return pdf(referenceRequests.workerCopy(callers.authorityUser(authentication), id, "PDF"), id);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/{id}/reference/shared-with-worker")
    @Operation(operationId = "referenceRequestsSharedWithWorker", summary = "Record that the reference was shared with the worker, and how")
    public ReferenceDao.ProvidedReference sharedWithWorker(Authentication authentication, @PathVariable UUID id,
                                                           @Body ReferenceRequests.SharedWithWorker body) {
        return referenceRequests.sharedWithWorker(callers.authorityUser(authentication), id, body);
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
        return exchange.workforce.web.Downloads.pdf(WorkerCopyPdf.of(copy), "reference-" + id);
    }
}
