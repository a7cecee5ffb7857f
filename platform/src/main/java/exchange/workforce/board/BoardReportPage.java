package exchange.workforce.board;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
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

import java.util.Map;

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
        ReportingToTheBoard.Report report = reporting.report(caller, period);
        Map<String, Object> model = pages.model(request, caller, "Report to the board");
        Map<String, Object> parts = BoardReportModel.of(report, false);
        model.putAll(parts); // its title is the page's too
        return html.page("region-board-report", model, request);
    }

    @Get(value = "/download", produces = BoardReportPdf.TYPE)
    public HttpResponse<byte[]> download(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String period) {
        ReportingToTheBoard.Report report = reporting.report(callers.regionalUser(authentication), period);
        return BoardReportPdf.download(report, html.render("board-report-pdf", BoardReportModel.of(report, true), request));
    }
}
