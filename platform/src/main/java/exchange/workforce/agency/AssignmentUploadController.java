package exchange.workforce.agency;

import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.returns.IdempotencyKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
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

/** Assignments as a spreadsheet: the template to fill in, and the upload, whole or nothing. */
@Controller("/api/v1/agency")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agency")
@exchange.workforce.problem.ProblemResponses
public class AssignmentUploadController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Callers callers;
    private final AssignmentUploads uploads;

    private final LeaverUploads leaverUploads;

    public AssignmentUploadController(Callers callers, AssignmentUploads uploads, LeaverUploads leaverUploads) {
        this.callers = callers;
        this.uploads = uploads;
        this.leaverUploads = leaverUploads;
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The template as CSV",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(value = "/templates/assignments.csv", produces = "text/csv")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyAssignmentsTemplateCsv", summary = "The columns an upload of assignments reads, as CSV")
    public HttpResponse<byte[]> assignmentsCsv(Authentication authentication) {
        callers.authorityUser(authentication);
        return HttpResponse.ok(AssignmentTemplate.csv()).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"agency-assignments.csv\"");
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The template as an Excel workbook",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(value = "/templates/assignments.xlsx", produces = XLSX)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyAssignmentsTemplateWorkbook", summary = "The columns an upload of assignments reads, as an Excel workbook",
            description = "With a guidance sheet (what each column holds, which are needed, an example) and lists for role_type and project_team.")
    public HttpResponse<byte[]> assignmentsWorkbook(Authentication authentication) {
        callers.authorityUser(authentication);
        return HttpResponse.ok(AssignmentTemplate.xlsx()).contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"agency-assignments.xlsx\"");
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The template as CSV",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(value = "/templates/leavers.csv", produces = "text/csv")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyLeaversTemplateCsv", summary = "The columns an upload of permanent leavers reads, as CSV")
    public HttpResponse<byte[]> leaversCsv(Authentication authentication) {
        callers.authorityUser(authentication);
        return HttpResponse.ok(("\uFEFF" + exchange.workforce.adapters.tabular.SafeCsv.line(LeaverFile.COLUMNS.stream()
                .map(Spreadsheet.Column::name).toList())).getBytes(java.nio.charset.StandardCharsets.UTF_8)).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"agency-leavers.csv\"");
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post(value = "/assignments/uploads", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyUploadsUpload", summary = "Upload assignments as .csv or .xlsx (multipart field 'file'); ?dryRun=true previews",
            description = "One row per assignment in the template's columns; a row with assignment_id (and a reason) corrects that "
                    + "assignment. Every row is checked by every rule, as POST /assignments is; the whole file is stored in one "
                    + "transaction, or nothing is and every problem is named by row and column (422 UPLOAD_REJECTED). At most "
                    + AssignmentUploads.MAX_ROWS + " rows (413 beyond). An Idempotency-Key makes a retry answer what the first "
                    + "upload made; the same key with other rows is 422 IDEMPOTENCY_KEY_REUSED.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Every row recorded",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AssignmentUploads.Uploaded.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A dry run, or a retry with the same Idempotency-Key: what it would record, or what the first recorded",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AssignmentUploads.Uploaded.class)))
    public HttpResponse<AssignmentUploads.Uploaded> upload(Authentication authentication, @Part("file") CompletedFileUpload file,
                                                          @QueryValue(defaultValue = "false") boolean dryRun,
                                                          @Nullable @Header("Idempotency-Key") String idempotencyKey) throws IOException {
        AssignmentUploads.Uploaded uploaded = uploads.upload(callers.authorityUser(authentication), file.getBytes(), file.getFilename(),
                dryRun, IdempotencyKeys.check(idempotencyKey));
        return uploaded.dryRun() || uploaded.replayed() ? HttpResponse.ok(uploaded) : HttpResponse.status(io.micronaut.http.HttpStatus.CREATED).body(uploaded);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post(value = "/leavers/uploads", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    @Operation(operationId = "agencyLeaversUpload", summary = "Upload permanent leavers as .csv or .xlsx (multipart field 'file'); ?dryRun=true previews",
            description = "One row per leaver in the template's columns (registration_number, left_on, role_type, exemption). Every row "
                    + "is checked as POST /leavers checks one; the whole file is stored in one transaction, or nothing is and every "
                    + "problem is named by row and column (422 UPLOAD_REJECTED). A leaving already recorded (the same worker, day and "
                    + "role) is left as it was, so the same file uploaded twice records nothing new. At most " + LeaverUploads.MAX_ROWS + " rows.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Every leaver recorded",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = LeaverUploads.Uploaded.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A dry run: what it would record",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = LeaverUploads.Uploaded.class)))
    public HttpResponse<LeaverUploads.Uploaded> uploadLeavers(Authentication authentication, @Part("file") CompletedFileUpload file,
                                                             @QueryValue(defaultValue = "false") boolean dryRun) throws IOException {
        LeaverUploads.Uploaded uploaded = leaverUploads.upload(callers.authorityUser(authentication), file.getBytes(), file.getFilename(), dryRun);
        return uploaded.dryRun() ? HttpResponse.ok(uploaded) : HttpResponse.status(io.micronaut.http.HttpStatus.CREATED).body(uploaded);
    }
}
