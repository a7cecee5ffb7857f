package exchange.workforce.board;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.web.Entered;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;

/** The board report in the browser, and its PDF. Same use case as {@link BoardReportController}. */
@Controller("/region/board-report")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
public class BoardReportPage {

    private final Callers callers;
    private final ReportingToTheBoard reporting;
    private final Pages pages;
    private final Html html;

    public BoardReportPage(Callers callers, ReportingToTheBoard reporting, Pages pages, Html html) {
        this.callers = callers;
        this.reporting = reporting;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> report(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String period) {
        Caller caller = callers.regionalUser(authentication);
        ReportingToTheBoard.Report report;
        String refused = null;
        try {
            report = reporting.report(caller, period);
        } catch (exchange.workforce.problem.ApiProblem problem) {
            // a quarter that is none, or not yet begun: the last whole quarter's report, with what was wrong above it
            refused = problem.getMessage().replaceFirst("^period: ", "");
            refused = Character.toUpperCase(refused.charAt(0)) + refused.substring(1);
            report = reporting.report(caller, null);
        }
        BoardReportModel.BoardReport parts = BoardReportModel.of(report, false);
        // its title is the page's too
        return html.page(refused == null ? io.micronaut.http.HttpStatus.OK : io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY, "region-board-report",
                new BoardReportView(parts, pages.layout(request, caller, refused == null ? parts.title() : "Error: " + parts.title()),
                        Entered.of(null, refused == null ? List.of() : List.of(new FieldError("period", refused))), refused), request);
    }

    @Get(value = "/download", produces = BoardReportPdf.TYPE)
    public HttpResponse<byte[]> download(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String period) {
        ReportingToTheBoard.Report report = reporting.report(callers.regionalUser(authentication), period);
        return BoardReportPdf.download(report, html.render("board-report-pdf", BoardReportModel.of(report, true), request));
    }

    /** The board report as a page: the report (its title the page's), and what was wrong with the quarter asked for. */
    record BoardReportView(BoardReportModel.BoardReport report, Layout layout, Entered entered, String periodError) implements PageView {
    }
}
