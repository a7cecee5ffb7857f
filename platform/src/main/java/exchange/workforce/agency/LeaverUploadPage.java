package exchange.workforce.agency;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
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

/**
 * Uploading permanent leavers in the browser: choose the file, check it (nothing stored), then record it; the file is
 * chosen again to record, so no registration number is sent back to the browser. Answered by {@link LeaverUploads}, like
 * the API.
 */
@Controller("/agency/leavers/upload")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
public class LeaverUploadPage {

    private final Callers callers;
    private final LeaverUploads uploads;
    private final Pages pages;
    private final Html html;

    public LeaverUploadPage(Callers callers, LeaverUploads uploads, Pages pages, Html html) {
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
                                       @Nullable @Part("action") String action) throws IOException {
        Caller caller = callers.authorityUser(authentication);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
            return page(request, caller, null, List.of(Pages.row("link", "file", "message", "Choose the file of leavers to upload (.csv or .xlsx)")),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        boolean record = "record".equals(action);
        try {
            LeaverUploads.Uploaded uploaded = uploads.upload(caller, file.getBytes(), file.getFilename(), !record);
            return page(request, caller, uploaded, List.of(), record ? HttpStatus.CREATED : HttpStatus.OK);
        } catch (ApiProblem problem) {
            return page(request, caller, null, exchange.workforce.web.FormFields.fileErrors(problem), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, LeaverUploads.Uploaded uploaded, List<Map<String, Object>> errors,
                                      HttpStatus status) {
        String title = !errors.isEmpty() ? "Error: Upload permanent leavers" : uploaded == null ? "Upload permanent leavers"
                : uploaded.dryRun() ? "Upload permanent leavers: check result" : "Leavers recorded";
        return html.page(status, "agency-leavers-upload", new LeaversView(pages.layout(request, caller, title), errors,
                uploaded == null ? null : Map.of("dryRun", uploaded.dryRun(), "summary", uploaded.summary())), request);
    }

    /** The leavers' upload: its file form, the file's problems, or what it checked or recorded. */
    record LeaversView(Layout layout, List<Map<String, Object>> errors, Map<String, Object> uploaded) implements PageView {
    }
}
