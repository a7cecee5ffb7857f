package exchange.workforce.board;

import exchange.workforce.identity.Callers;
import exchange.workforce.web.Html;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The board report: the API, as a PDF. Region from the token. */
@Controller("/api/v1/region/board-report")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Memorandum")
@exchange.workforce.problem.ProblemResponses
public class BoardReportController {

    private final Callers callers;
    private final ReportingToTheBoard reporting;
    private final Html html;

    public BoardReportController(Callers callers, ReportingToTheBoard reporting, Html html) {
        this.callers = callers;
        this.reporting = reporting;
        this.html = html;
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The board report as a PDF (A4, fonts embedded, tagged)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = BoardReportPdf.TYPE, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(produces = BoardReportPdf.TYPE)
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionBoardReport", summary = "Your region's quarterly report to its board, as a PDF (A4, fonts embedded, tagged)",
            description = "period: a quarter as YYYY-Qn (the last whole quarter if none). The region's headline figures for the latest census "
                    + "year with their coverage and England; each member against the region and England; who has and has not sent the "
                    + "quarter's return; agency compliance and cap breaches by member; whether the memorandum moved the agency rate "
                    + "(GET /api/v1/region/impact); and what changed since the quarter before. The same report is the page "
                    + "/region/board-report.")
    public HttpResponse<byte[]> report(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String period) {
        ReportingToTheBoard.Report report = reporting.report(callers.regionalUser(authentication), period);
        return BoardReportPdf.download(report, html.render("board-report-pdf", BoardReportModel.of(report, true), request));
    }
}
