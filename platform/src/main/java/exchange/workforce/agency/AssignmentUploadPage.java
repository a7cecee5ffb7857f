package exchange.workforce.agency;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.returns.IdempotencyKeys;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Uploading assignments in the browser: choose the file, check it (a dry run: every row's verdicts, nothing stored), then
 * record it. The file is chosen again to record rather than carried in the page, so no registration number is ever sent
 * back to the browser. Answered by {@link AssignmentUploads}, like the API.
 */
@Controller("/agency/upload")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
public class AssignmentUploadPage {

    private final Callers callers;
    private final AssignmentUploads uploads;
    private final Pages pages;
    private final Html html;

    public AssignmentUploadPage(Callers callers, AssignmentUploads uploads, Pages pages, Html html) {
        this.callers = callers;
        this.uploads = uploads;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> form(HttpRequest<?> request, Authentication authentication) {
        return page(request, callers.authorityUser(authentication), null, List.of(), HttpStatus.OK);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> upload(HttpRequest<?> request, Authentication authentication, @Nullable @Part("file") CompletedFileUpload file,
                                       @Nullable @Part("action") String action, @Nullable @Part("idempotencyKey") String idempotencyKey) throws IOException {
        Caller caller = callers.authorityUser(authentication);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
            return page(request, caller, null, List.of(Pages.row("link", "file", "message", "Choose the file of assignments to upload (.csv or .xlsx)")),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        boolean record = "record".equals(action);
        try {
            AssignmentUploads.Uploaded uploaded = uploads.upload(caller, file.getBytes(), file.getFilename(), !record,
                    record ? IdempotencyKeys.check(idempotencyKey) : null);
            return page(request, caller, uploaded, List.of(), record ? HttpStatus.CREATED : HttpStatus.OK);
        } catch (ApiProblem problem) {
            return page(request, caller, null, exchange.workforce.web.FormFields.fileErrors(problem), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, AssignmentUploads.Uploaded uploaded, List<Map<String, Object>> errors,
                                      HttpStatus status) {
        String title = !errors.isEmpty() ? "Error: Upload agency assignments" : uploaded == null ? "Upload agency assignments"
                : uploaded.dryRun() ? "Upload agency assignments: check result" : "Agency assignments recorded";
        return html.page(status, "agency-upload", new AssignmentsView(pages.layout(request, caller, title), errors, uploaded == null ? null : Map.of("dryRun", uploaded.dryRun(), "summary", uploaded.summary(),
                "rows", uploaded.rows().stream().map(r -> Pages.row("row", r.row(), "kind", r.version() > 1 ? "Correction, version " + r.version()
                        : "New assignment", "id", r.assignmentId().toString(), "notMet", String.join(", ", r.verdicts().stream()
                        .filter(v -> v.outcome() != Verdict.Outcome.PASS).map(v -> AgencyRules.words(v.rule())
                                + AgencyRules.outcomeAside(v.outcome())).toList()))).toList()),
                // a fresh key for each form shown: a double click on "Record" stores the file once
                UUID.randomUUID().toString()), request);
    }

    /** The assignments' upload: its file form (with a fresh key), the file's problems, or each row's verdicts. */
    record AssignmentsView(Layout layout, List<Map<String, Object>> errors, Map<String, Object> uploaded, String idempotencyKey) implements PageView {
    }
}
