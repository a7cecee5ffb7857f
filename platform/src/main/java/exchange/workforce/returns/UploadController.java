package exchange.workforce.returns;

import exchange.workforce.adapters.tabular.CsvTable;
import exchange.workforce.adapters.tabular.Table;
import exchange.workforce.adapters.tabular.UnreadableFile;
import exchange.workforce.adapters.tabular.XlsxTable;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
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
import java.util.Locale;

/** Upload a return as CSV or Excel: checked exactly as a JSON return is, with errors by row and column of the file. */
@Controller("/api/v1/returns/uploads")
@Secured("AUTHORITY_SUBMITTER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Returns")
public class UploadController {

    /** A monthly return of every measure and breakdown is about 150 rows; 20,000 leaves room and bounds the work. */
    static final int MAX_ROWS = 20_000;

    private final Callers callers;
    private final SubmittingAReturn submitting;

    public UploadController(Callers callers, SubmittingAReturn submitting) {
        this.callers = callers;
        this.submitting = submitting;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload your authority's return as .csv or .xlsx (multipart field 'file'); ?dryRun=true previews",
            description = "Layout: the template's columns authority, period_type, period, measure, breakdown, value; one period "
                    + "per file. CSV may be UTF-8 (with or without byte-order mark) or Windows-1252, comma- or semicolon-separated. "
                    + "Files over 10 MB or " + MAX_ROWS + " rows answer 413. Nothing is stored unless the whole file is accepted. A correction of a stored period needs a 'reason' part.")
    public HttpResponse<SubmittedReturn> upload(Authentication authentication, @Part("file") CompletedFileUpload file,
                                                @QueryValue(defaultValue = "false") boolean dryRun,
                                                @Nullable @Part("reason") String reason,
                                                @Nullable @Header("Idempotency-Key") String idempotencyKey) throws IOException {
        Caller caller = callers.authorityUser(authentication);
        byte[] bytes = file.getBytes();
        String name = file.getFilename() == null ? "" : file.getFilename().toLowerCase(Locale.ROOT);
        Table table;
        String source;
        try {
            if (XlsxTable.looksLikeXlsx(bytes)) {
                table = XlsxTable.read(bytes, MAX_ROWS);
                source = "XLSX";
            } else if (XlsxTable.looksLikeOldExcel(bytes) || name.endsWith(".xls")) {
                throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "file", "This is an old-style Excel file (.xls). "
                        + "Save it as 'Excel Workbook (.xlsx)' or as CSV, and upload that.");
            } else if (name.matches(".*\\.(pdf|docx?|pptx?|png|jpe?g|zip|json|xml)$")) {
                throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "file", "'" + file.getFilename()
                        + "' is not a spreadsheet. Upload the return as .csv or .xlsx (templates: GET /api/v1/returns/templates/CENSUS_YEAR.csv).");
            } else {
                table = CsvTable.read(bytes, MAX_ROWS);
                source = "CSV";
            }
        } catch (UnreadableFile unreadable) {
            throw new ApiProblem(unreadable.tooLarge() ? ProblemCode.PAYLOAD_TOO_LARGE : ProblemCode.UNREADABLE_FILE, "file",
                    unreadable.getMessage());
        }
        ReturnFile.Read read = ReturnFile.read(table, caller);
        SubmittedReturn result = submitting.submit(caller, new SubmittingAReturn.Submission(read.periodType(), read.period(),
                reason, read.lines(), source, IdempotencyKeys.check(idempotencyKey), dryRun));
        if (result.dryRun() || result.replayed()) {
            return HttpResponse.ok(result);
        }
        return HttpResponse.created(result, URI.create("/api/v1/returns/" + result.periodType() + "/" + result.period()));
    }
}
