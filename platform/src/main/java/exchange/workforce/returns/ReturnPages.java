package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.Figures;
import exchange.workforce.web.Form;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.PageProblem;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A council's returns in the browser: its returns and templates, then upload → check → submit, the GOV.UK way. The
 * file is checked exactly as the API checks it ({@link ReturnUploads}, {@link SubmittingAReturn}); every error is
 * listed by row and column in an error summary, and nothing is stored until the officer confirms what they checked.
 */
@Controller("/returns")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReturnPages {

    private final Callers callers;
    private final SubmittingAReturn submitting;
    private final ReadingAReturn reading;
    private final Pages pages;
    private final Html html;
    private final exchange.workforce.measures.MeasureCatalogue catalogue;
    private final EnteringAReturn entering;
    private final SubmissionWindows windows;
    private final java.time.Clock clock;

    public ReturnPages(Callers callers, SubmittingAReturn submitting, ReadingAReturn reading, Pages pages, Html html,
                       exchange.workforce.measures.MeasureCatalogue catalogue, EnteringAReturn entering, SubmissionWindows windows,
                       java.time.Clock clock) {
        this.callers = callers;
        this.clock = clock;
        this.catalogue = catalogue;
        this.entering = entering;
        this.windows = windows;
        this.submitting = submitting;
        this.reading = reading;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    public HttpResponse<String> list(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.authorityUser(authentication);

        List<ReturnVersion> current = reading.periods(caller);
        List<Map<String, Object>> returns = current.stream().map(r -> Pages.row("period", r.periodType().label(r.period()), "version", r.version(),
                "href", "/returns/" + r.periodType() + "/" + r.period(), "submitted", day(r.submittedAt()),
                "by", r.submittedBy(), "reason", r.reason() == null ? "" : r.reason())).toList();
        boolean submitter = caller.has(exchange.workforce.identity.Role.AUTHORITY_SUBMITTER);
        boolean canSubmit = submitter;
        List<Map<String, Object>> drafts = submitter ? entering.drafts(caller).stream().map(d -> Pages.row("label", d.periodType().label(d.period()),
                "href", ReturnAddresses.draft(d), "updated", day(d.updatedAt()), "by", d.updatedBy())).toList() : List.of();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
        java.util.Set<String> submitted = new java.util.HashSet<>();
        current.forEach(r -> submitted.add(r.periodType() + "/" + r.period()));
        // the region's due dates still to come or missed, and whether each is in: the Returns page says what is owed
        List<Map<String, Object>> due = windows.ofYourRegion(caller).stream().filter(w -> !w.dueOn().isBefore(today.minusMonths(3)))
                .sorted(java.util.Comparator.comparing(SubmissionWindows.Window::dueOn))
                .map(w -> Pages.row("period", w.periodType().label(w.period()), "due", exchange.workforce.web.GovukDates.format(w.dueOn()),
                        "status", submitted.contains(w.periodType() + "/" + w.period()) ? "Submitted"
                                : w.dueOn().isBefore(today) ? "Overdue" : "Due",
                        "template", "/api/v1/returns/templates/" + w.periodType() + ".xlsx?period=" + w.period())).toList();
        String censusYear = Period.recent(today).get(0).label();
        return html.page("returns", new ReturnsView(pages.layout(request, caller, "Your returns"),
                returns, canSubmit, drafts, due, censusYear), request);
    }

    /** One period's return: the version shown (the current one unless asked), its figures and rates, and every version. */
    @Get(value = "/{periodType}/{period}", produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    public HttpResponse<String> one(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String periodType,
                                    @io.micronaut.http.annotation.PathVariable String period,
                                    @Nullable @io.micronaut.http.annotation.QueryValue Integer version) {
        Caller caller = callers.authorityUser(authentication);
        ReadingAReturn.ReturnView view;
        try {
            view = reading.view(callers.authorityUser(authentication), periodType, period, version);
        } catch (ApiProblem problem) {
            throw new PageProblem(404, "Page not found", problem.getMessage());
        }
        ReturnVersion shown = view.version();

        String heading = shown.periodType().label(shown.period());
        Map<String, Object> shownRow = Pages.row("version", shown.version(), "by", shown.submittedBy(),
                "at", day(shown.submittedAt()), "reason", shown.reason() == null ? "" : shown.reason(), "source", sourceWords(shown.source()));
        boolean current = view.versions().get(0).version() == shown.version();
        boolean correctable = current && caller.has(exchange.workforce.identity.Role.AUTHORITY_SUBMITTER);
        List<Map<String, Object>> figures = figures(view.values(), correctable ? "/returns/" + shown.periodType() + "/" + shown.period() + "/correct?figure=" : null);
        List<Map<String, Object>> rates = rates(view.derived());

        String onlineAction = "/returns/online";
        String onlinePeriod = shown.periodType() + "/" + shown.period();
        List<Map<String, Object>> changes = List.of();
        if (shown.version() > 1) {
            ReadingAReturn.ReturnView before = reading.view(callers.authorityUser(authentication), periodType, period, shown.version() - 1);
            changes = ReturnChanges.between(before.values(), view.values()).stream().map(c -> Pages.row("measure", catalogue.label(c.measure()),
                    "breakdown", catalogue.breakdownWords(c.breakdown()),
                    "was", c.fromValue() == null && c.fromSymbol() == null ? "not in version " + (shown.version() - 1) : format(c.measure(), c.fromValue(), c.fromSymbol()),
                    "now", c.toValue() == null && c.toSymbol() == null ? "left out" : format(c.measure(), c.toValue(), c.toSymbol()))).toList();
        }

        int previous = shown.version() - 1;
        List<Map<String, Object>> versions = view.versions().stream().map(v -> Pages.row("version", v.version(), "current", v.version() == shown.version(),
                "href", "/returns/" + v.periodType() + "/" + v.period() + "?version=" + v.version(),
                "at", day(v.submittedAt()), "by", v.submittedBy(),
                "reason", v.reason() == null ? "" : v.reason())).toList();
        return html.page("return", new ReturnView(pages.layout(request, caller, shown.periodType().label(shown.period()) + ", version " + shown.version()),
                heading, shownRow, figures, rates, correctable, onlineAction, onlinePeriod, changes, previous, versions), request);
    }

    @Get(value = "/upload", produces = MediaType.TEXT_HTML)
    @Secured("AUTHORITY_SUBMITTER")
    public HttpResponse<String> uploadForm(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.authorityUser(authentication);
        return html.page("return-upload", new UploadView(pages.layout(request, caller, "Upload a return"), List.of(), false, null, ""), request);
    }

    @Post(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @Secured("AUTHORITY_SUBMITTER")
    public HttpResponse<String> check(HttpRequest<?> request, Authentication authentication, @Nullable @Part("file") CompletedFileUpload file,
                                      @Nullable @Part("reason") String reason) throws IOException {
        Caller caller = callers.authorityUser(authentication);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
            return uploadErrors(request, caller, reason, List.of(error("file", "Choose the return file to upload (.csv or .xlsx)")));
        }
        byte[] bytes = file.getBytes();
        try {
            SubmittedReturn preview = submit(caller, bytes, file.getFilename(), reason, null, true);
            // submitting twice (a double click, a resent form) stores one version: the API's idempotency, keyed per check
            return html.page("return-check", new CheckView(pages.layout(request, caller, "Check your return before submitting it"), view(preview),
                    Base64.getEncoder().encodeToString(bytes), file.getFilename(), reason == null ? "" : reason,
                    java.util.UUID.randomUUID().toString()), request);
        } catch (ApiProblem problem) {
            return uploadErrors(request, caller, reason, errors(problem));
        }
    }

    /** A checked file sent back to be stored: its content (base64, as the check page put it), its name, why it corrects, and the page's key. */
    @Introspected
    public record CheckedFileForm(String content, String fileName, String reason, String idempotencyKey) implements Form {
    }

    @Post(value = "/upload/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("AUTHORITY_SUBMITTER")
    public HttpResponse<String> submit(HttpRequest<?> request, Authentication authentication, @Body CheckedFileForm form) {
        Caller caller = callers.authorityUser(authentication);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(form.content() == null ? "" : form.content());
        } catch (IllegalArgumentException e) {
            throw new PageProblem(400, "The checked file was not sent back", "Upload the file again and check it before submitting.");
        }
        try {
            SubmittedReturn stored = submit(caller, bytes, form.fileName(), form.reason(), IdempotencyKeys.check(form.idempotencyKey()), false);
            return HttpResponse.seeOther(java.net.URI.create(ReturnAddresses.submitted(stored)));
        } catch (ApiProblem problem) {
            return uploadErrors(request, caller, form.reason(), errors(problem));
        }
    }

    private SubmittedReturn submit(Caller caller, byte[] bytes, String fileName, String reason, String idempotencyKey, boolean dryRun) {
        ReturnUploads.Upload upload = ReturnUploads.read(bytes, fileName, caller);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        return submitting.submit(caller, new SubmittingAReturn.Submission(upload.read().periodType(), upload.read().period(), why,
                upload.read().lines(), upload.source(), idempotencyKey, dryRun));
    }

    private HttpResponse<String> uploadErrors(HttpRequest<?> request, Caller caller, String reason, List<Map<String, Object>> errors) {
        return html.page(HttpStatus.UNPROCESSABLE_ENTITY, "return-upload", new UploadView(pages.layout(request, caller, "Error: Upload a return"), errors,
                errors.stream().anyMatch(e -> "file".equals(e.get("field"))),
                errors.stream().filter(e -> "reason".equals(e.get("field"))).map(e -> e.get("message")).findFirst().orElse(null),
                reason == null ? "" : reason), request);
    }

    /** Each error as the officer fixes it: where in the file (row and column), what is wrong and what would be right. */
    private static List<Map<String, Object>> errors(ApiProblem problem) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Problem.Violation> violations = problem.violations();
        if (violations.isEmpty()) {
            errors.add(error("reason".equals(problem.field()) ? "reason" : "file", problem.getMessage()));
        }
        for (Problem.Violation v : violations) {
            String where = (v.row() == null ? "" : "Row " + v.row()) + (v.column() == null ? "" : (v.row() == null ? "Column " : ", column ") + v.column());
            errors.add(error("reason".equals(v.field()) ? "reason" : "file", (where.isEmpty() ? "" : where + ": ") + v.message()));
        }
        return errors;
    }

    private static Map<String, Object> error(String field, String message) {
        return Pages.row("field", field, "message", message);
    }

    private Map<String, Object> view(SubmittedReturn r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("period", r.periodType().label(r.period()));
        view.put("version", r.version());
        view.put("unchanged", r.unchanged());
        view.put("figures", figures(r.values(), null));
        view.put("rates", rates(r.derived()));
        view.put("warnings", r.warnings().stream().map(Problem.Violation::message).toList());
        view.put("changes", r.changes().stream().map(c -> catalogue.label(c.measure()) + (c.breakdown() == null || c.breakdown().isEmpty() ? ""
                        : " (" + catalogue.breakdownWords(c.breakdown()) + ")")
                + ": " + (c.fromValue() == null && c.fromSymbol() == null ? "new" : format(c.measure(), c.fromValue(), c.fromSymbol()))
                + " → " + (c.toValue() == null && c.toSymbol() == null ? "removed" : format(c.measure(), c.toValue(), c.toSymbol()))).toList());
        return view;
    }

    /** The confirmation after a submission: what was stored (or that nothing new was), and where to go next. */
    @Get(value = "/{periodType}/{period}/submitted", produces = MediaType.TEXT_HTML)
    @Secured("AUTHORITY_SUBMITTER")
    public HttpResponse<String> submitted(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String periodType,
                                          @io.micronaut.http.annotation.PathVariable String period,
                                          @Nullable @io.micronaut.http.annotation.QueryValue Integer version,
                                          @Nullable @io.micronaut.http.annotation.QueryValue Boolean unchanged) {
        Caller caller = callers.authorityUser(authentication);
        ReadingAReturn.ReturnView view;
        try {
            view = reading.view(caller, periodType, period, version);
        } catch (ApiProblem problem) {
            throw new PageProblem(404, "Page not found", problem.getMessage());
        }
        boolean same = Boolean.TRUE.equals(unchanged);
        return html.page("return-done", new DoneView(pages.layout(request, caller, same ? "Nothing new to submit" : "Return submitted"),
                view.version().periodType().label(view.version().period()), view.version().version(), same,
                "/returns/" + view.version().periodType() + "/" + view.version().period() + "?version=" + view.version().version()), request);
    }

    private List<Map<String, Object>> figures(List<ReturnValue> values, String correctHref) {
        return values.stream().sorted(inCatalogueOrder()).map(v -> Pages.row("measure", catalogue.label(v.measure()), "breakdown", catalogue.breakdownWords(v.breakdown()),
                "value", format(v.measure(), v.value(), v.symbol()), "change", correctHref == null ? "" : correctHref
                        + java.net.URLEncoder.encode(v.measure() + "|" + (v.breakdown() == null ? "" : v.breakdown()), java.nio.charset.StandardCharsets.UTF_8)))
                .toList();
    }

    /** Figures as the catalogue (and the template, and the online return) lists them: a measure's total, then its breakdowns. */
    private java.util.Comparator<ReturnValue> inCatalogueOrder() {
        List<String> codes = catalogue.measures().stream().map(exchange.workforce.measures.MeasureCatalogue.Measure::code).toList();
        return java.util.Comparator.<ReturnValue>comparingInt(v -> codes.indexOf(v.measure()) < 0 ? Integer.MAX_VALUE : codes.indexOf(v.measure()))
                .thenComparing(v -> v.breakdown() == null ? "" : v.breakdown());
    }

    private List<Map<String, Object>> rates(List<ReturnValue> values) {
        return values.stream().sorted(inCatalogueOrder()).map(v -> Pages.row("measure", catalogue.label(v.measure()), "value", format(v.measure(), v.value(), v.symbol()),
                "change", "")).toList();
    }

    private String format(String measure, java.math.BigDecimal value, exchange.workforce.measures.Symbol symbol) {
        return Figures.format(catalogue.measure(measure).map(exchange.workforce.measures.MeasureCatalogue.Measure::unit).orElse(null), value, symbol);
    }

    private static String day(java.time.Instant at) {
        return exchange.workforce.web.GovukDates.format(at.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate());
    }

    /** How a version arrived, in words. */
    static String sourceWords(String source) {
        return switch (source) {
            case "API" -> "through the API";
            case "CSV" -> "as a CSV file";
            case "XLSX" -> "as an Excel file";
            case EnteringAReturn.ONLINE -> "online";
            default -> source;
        };
    }

    /** The council's returns: each period's current version, drafts in progress, and the region's due dates with their status. */
    record ReturnsView(Layout layout, List<Map<String, Object>> returns, boolean canSubmit, List<Map<String, Object>> drafts,
                       List<Map<String, Object>> due, String censusYear) implements PageView {
    }

    /** One period's return: the version shown, its figures and rates, what changed from the version before, and every version. */
    record ReturnView(Layout layout, String heading, Map<String, Object> shown, List<Map<String, Object>> figures,
                      List<Map<String, Object>> rates, boolean correctable, String onlineAction, String onlinePeriod,
                      List<Map<String, Object>> changes, int previous, List<Map<String, Object>> versions) implements PageView {
    }

    /** The upload form, again with the file's problems (each linking to the file box) and the reason given, if refused. */
    record UploadView(Layout layout, List<Map<String, Object>> errors, boolean fileError, Object reasonError, String reason) implements PageView {
    }

    /** A checked file: what it would store, sent back whole (base64) with its name, reason and the page's key when submitted. */
    record CheckView(Layout layout, Map<String, Object> preview, String content, String fileName, String reason, String idempotencyKey)
            implements PageView {
    }

    /** After submitting: the period and version stored, or that nothing new was sent. */
    record DoneView(Layout layout, String period, int version, boolean unchanged, String href) implements PageView {
    }
}
