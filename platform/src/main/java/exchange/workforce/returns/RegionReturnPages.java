package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.web.DateGiven;
import exchange.workforce.web.DateInput;
import exchange.workforce.web.Entered;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.Html;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.RealDate;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's returns for a period in the browser: every member's status (not started, late, submitted, corrected),
 * and for the memorandum's administrator, the due date and the release of the period to viewers outside each
 * authority. The API's own operations answer it, so tenancy, rules and the audit trail are the API's.
 */
@Controller("/region/returns")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
public class RegionReturnPages {

    private final java.time.Clock clock;
    private final Callers callers;
    private final SubmissionWindows windows;
    private final Releases releases;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;

    public RegionReturnPages(Callers callers, SubmissionWindows windows, Releases releases, Pages pages, Html html, FormCheck check,
                             java.time.Clock clock) {
        this.clock = clock;
        this.callers = callers;
        this.windows = windows;
        this.releases = releases;
        this.pages = pages;
        this.html = html;
        this.check = check;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> status(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String periodType,
                                       @Nullable @QueryValue String period) {
        return page(request, authentication, periodType, period, null, null, HttpStatus.OK);
    }

    /** The period (the page's own hidden fields) and the date its returns are due. */
    @Introspected
    public record WindowForm(String periodType, String period,
                             @DateGiven(message = REAL_DUE_DATE) @RealDate(message = REAL_DUE_DATE) DateInput due) implements Form {
    }

    /** The period the page is about, from its own hidden fields. */
    @Introspected
    public record PeriodForm(String periodType, String period) implements Form {
    }

    private static final String REAL_DUE_DATE = "The due date must be a real date, for example 31 10 2025";

    @Post(value = "/window", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> setWindow(HttpRequest<?> request, Authentication authentication, @Body WindowForm form) {
        String type = form.periodType();
        String period = form.period();
        List<FieldError> wrong = check.problems(form);
        if (!wrong.isEmpty()) {
            return page(request, authentication, type, period, wrong.get(0).message(), wrong.get(0).link(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            windows.set(callers.regionalUser(authentication), type, period, new SubmissionWindows.Due(form.due().orNull()));
        } catch (ApiProblem problem) {
            return page(request, authentication, type, period, problem.getMessage(), "due-day", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return back(type, period);
    }

    @Post(value = "/release", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> release(HttpRequest<?> request, Authentication authentication, @Body PeriodForm form) {
        String type = form.periodType();
        String period = form.period();
        try {
            releases.release(callers.regionalUser(authentication), type, period);
        } catch (ApiProblem problem) {
            return page(request, authentication, type, period, problem.getMessage(), "release", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return back(type, period);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Authentication authentication, String periodType, String period,
                                      String error, String errorField, HttpStatus status) {
        Caller caller = callers.regionalUser(authentication);
        String type;
        String label;
        if (period == null || period.isBlank()) {
            // by default the period the region is collecting: its latest due date, else the census year that ended last
            Optional<SubmissionWindows.Window> latest = windows.list(caller).stream().max(java.util.Comparator.comparing(SubmissionWindows.Window::dueOn));
            LocalDate today = LocalDate.now(clock);
            type = latest.map(w -> w.periodType().name()).orElse(PeriodType.CENSUS_YEAR.name());
            label = latest.map(SubmissionWindows.Window::period).orElse(Integer.toString(today.isBefore(LocalDate.of(today.getYear(), 10, 1))
                    ? today.getYear() - 1 : today.getYear()));
        } else {
            // the page's list sends the period alone (its form says which kind); a link or the API's words may name the kind too
            label = period.trim();
            type = periodType != null && !periodType.isBlank() ? periodType.trim().toUpperCase(java.util.Locale.ROOT)
                    : Period.parseAny(label).map(p -> p.type().name()).orElse(PeriodType.CENSUS_YEAR.name());
        }
        String periodLabel = null;
        String dueOn = null;
        List<Map<String, Object>> counts = List.of();
        List<Map<String, Object>> members = new ArrayList<>();
        List<Map<String, Object>> released = new ArrayList<>();
        try {
            SubmissionWindows.RegionStatus found = windows.status(callers.regionalUser(authentication), type, label);
            periodLabel = found.periodType().label(found.period());
            dueOn = found.dueOn() == null ? "not set" : exchange.workforce.web.GovukDates.format(found.dueOn());
            counts = found.counts().entrySet().stream().map(e -> Pages.row("key", SubmissionStatus.valueOf(e.getKey()).words(), "value", e.getValue())).toList();
            for (SubmissionWindows.MemberStatus m : found.members()) {
                members.add(Pages.row("name", m.authorityName(), "status", m.status().words(), "version", m.version() == null ? "" : m.version().toString(),
                        "onTime", m.firstVersionOnTime() == null ? "" : m.firstVersionOnTime() ? "yes" : "no"));
            }
            for (Releases.Release r : releases.list(callers.regionalUser(authentication))) {
                if (r.periodType().equals(found.periodType()) && r.period().equals(found.period())) {
                    released.add(Pages.row("note", r.note(), "when", r.releasedAt() == null ? "after " + r.windowClosedAfter()
                            : exchange.workforce.web.GovukDates.format(r.releasedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()) + " by " + r.releasedBy()));
                }
            }
        } catch (ApiProblem problem) {
            error = problem.getMessage();
            errorField = "period";
            members = List.of();
            released = List.of();
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        }
        List<FieldError> errors = error == null ? List.of() : List.of(new FieldError(errorField, error));
        return html.page(status, "region-returns", new PeriodView(pages.layout(request, caller, error == null ? "Returns for a period" : "Error: Returns for a period"),
                Entered.of(null, errors), type, label, periodOptions(caller, type, label), caller.has(Role.REGION_ADMIN), error, errorField,
                periodLabel, dueOn, counts, members, released), request);
    }

    /** A period's returns across the region: who has submitted, on time or not, its due date and releases, and the administrator's forms. */
    record PeriodView(Layout layout, Entered entered, String periodType, String period, List<Map<String, Object>> periodOptions, boolean admin,
                      String error, String errorField, String periodLabel, String dueOn, List<Map<String, Object>> counts,
                      List<Map<String, Object>> members, List<Map<String, Object>> releases) implements PageView {
    }

    private static HttpResponse<String> back(String type, String period) {
        return HttpResponse.seeOther(URI.create("/region/returns?periodType=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
                + "&period=" + URLEncoder.encode(period, StandardCharsets.UTF_8)));
    }

    /**
     * The returns a region looks at: every period it has set a due date for (saying when), the last six census years that
     * have ended, and the current and previous quarters and months; the one shown first if it is none of these.
     */
    private List<Map<String, Object>> periodOptions(Caller caller, String type, String label) {
        LocalDate today = LocalDate.now(clock);
        Map<String, LocalDate> due = new java.util.HashMap<>();
        windows.list(caller).forEach(w -> due.put(w.periodType() + "/" + w.period(), w.dueOn()));
        java.util.TreeSet<Period> periods = new java.util.TreeSet<>(java.util.Comparator.comparing((Period p) -> p.type().ordinal()).reversed()
                .thenComparing(Period::end, java.util.Comparator.reverseOrder()));
        List<Period> recent = Period.recent(today);
        Period censusYear = recent.get(0);
        for (int back = 0; back < 6; back++) {
            Period.parse(PeriodType.CENSUS_YEAR, Integer.toString(Integer.parseInt(censusYear.label()) - back)).ifPresent(periods::add);
        }
        periods.addAll(recent);
        windows.list(caller).forEach(w -> Period.parse(w.periodType(), w.period()).ifPresent(periods::add));
        Period.parse(type, label).ifPresent(periods::add);
        List<Map<String, Object>> options = new ArrayList<>();
        for (Period p : periods) {
            LocalDate dueOn = due.get(p.type() + "/" + p.label());
            options.add(Pages.row("value", p.label(), "label", p.type().label(p.label())
                    + (dueOn == null ? "" : ", due " + exchange.workforce.web.GovukDates.format(dueOn)),
                    "selected", p.type().name().equals(type) && p.label().equals(label)));
        }
        return options;
    }
}
