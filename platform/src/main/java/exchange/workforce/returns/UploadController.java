package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.net.URI;

/** Upload a return as CSV or Excel: checked exactly as a JSON return is, with errors by row and column of the file. */
@Controller("/api/v1/returns/uploads")
@Secured("AUTHORITY_SUBMITTER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Returns")
@exchange.workforce.problem.ProblemResponses
public class UploadController {

    private final Callers callers;
    private final SubmittingAReturn submitting;

    public UploadController(Callers callers, SubmittingAReturn submitting) {
        this.callers = callers;
        this.submitting = submitting;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "returnUploadsUpload", summary = "Upload your authority's return as .csv or .xlsx (multipart field 'file'); ?dryRun=true previews",
            description = "Layout: the template's columns authority, period_type, period, measure, breakdown, value; one period "
                    + "per file. CSV may be UTF-8 (with or without byte-order mark) or Windows-1252, comma- or semicolon-separated. "
                    + "Files over 10 MB or " + ReturnUploads.MAX_ROWS + " rows answer 413. Nothing is stored unless the whole file is accepted. A correction of a stored period needs a 'reason' part.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Stored as a new version",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmittedReturn.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A dry run, a retry with the same Idempotency-Key, or figures the same as the current version (unchanged: nothing stored): what it would store, what the first stored, or the current version",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmittedReturn.class)))
    public HttpResponse<SubmittedReturn> upload(Authentication authentication, @Part("file") CompletedFileUpload file,
                                                @QueryValue(defaultValue = "false") boolean dryRun,
                                                @Nullable @Part("reason") String reason,
                                                @Nullable @Header("Idempotency-Key") String idempotencyKey) throws IOException {
        Caller caller = callers.authorityUser(authentication);
        ReturnUploads.Upload upload = ReturnUploads.read(file.getBytes(), file.getFilename(), caller);
        ReturnFile.Read read = upload.read();
        String source = upload.source();
        SubmittedReturn result = submitting.submit(caller, new SubmittingAReturn.Submission(read.periodType(), read.period(),
                reason, read.lines(), source, IdempotencyKeys.check(idempotencyKey), dryRun));
        if (result.dryRun() || result.replayed() || result.unchanged()) {
            return HttpResponse.ok(result);
        }
        return HttpResponse.created(result, URI.create("/api/v1/returns/" + result.periodType() + "/" + result.period()));
    }
}
