package exchange.workforce.memorandum;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.Entered;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The memorandum's exit-interview themes in the browser: the list in force, its versions, and the administrator's form. Same use case as the API. */
@Controller("/region/exit-themes")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
public class ExitThemesPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final Callers callers;
    private final ExitThemes exitThemes;
    private final Pages pages;
    private final Html html;

    public ExitThemesPage(Callers callers, ExitThemes exitThemes, Pages pages, Html html) {
        this.callers = callers;
        this.exitThemes = exitThemes;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> list(HttpRequest<?> request, Authentication authentication) {
        return page(request, callers.regionalUser(authentication), null, List.of(), HttpStatus.OK);
    }

    /** The list as typed, a theme a line, and why it changes: the list's own rules say what is wrong with either. */
    @Introspected
    public record ThemesForm(String themes, String reason) implements Form {
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> record(HttpRequest<?> request, Authentication authentication, @Body ThemesForm form) {
        Caller caller = callers.regionalUser(authentication);
        String typed = form.themes() == null ? "" : form.themes();
        try {
            exitThemes.record(caller, new ExitThemeList.NewList(Arrays.asList(typed.split("\\r?\\n")), form.reason()));
            return HttpResponse.seeOther(URI.create("/region/exit-themes"));
        } catch (ApiProblem refused) {
            List<FieldError> errors = refused.violations().stream()
                    .map(v -> new FieldError("reason".equals(v.field()) ? "reason" : "themes", v.message())).toList();
            return page(request, caller, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, ThemesForm form, List<FieldError> errors,
                                      HttpStatus status) {
        List<ExitThemeList> versions = exitThemes.history(caller);
        ExitThemeList inForce = versions.get(0);
        return html.page(status, "region-exit-themes", new ThemesView(
                pages.layout(request, caller, errors.isEmpty() ? "Exit-interview themes" : "Error: Exit-interview themes"),
                Entered.of(form != null ? form : new ThemesForm(String.join("\n", inForce.themes().stream().map(ExitThemeList.Theme::label).toList()), null),
                        errors),
                caller.has(Role.REGION_ADMIN),
                Pages.row("version", inForce.startingList() ? "The starting list (no list recorded yet)"
                        : "Version " + inForce.version() + ", recorded " + DAY.format(inForce.recordedAt()) + " by " + inForce.recordedBy(),
                        "themes", inForce.themes()),
                versions.stream().map(v -> Pages.row("version", v.startingList() ? "Starting list" : "Version " + v.version(),
                        "when", v.startingList() ? "Until the first list was recorded" : DAY.format(v.recordedAt()),
                        "by", v.startingList() ? "The platform's catalogue" : v.recordedBy() + (v.reason() == null ? "" : ": " + v.reason()),
                        "themes", String.join(", ", v.themes().stream().map(ExitThemeList.Theme::label).toList()))).toList()), request);
    }

    /** The themes page: the list in force, every version, and (for an administrator) the form to record a new one. */
    record ThemesView(Layout layout, Entered entered, boolean admin, Map<String, Object> inForce, List<Map<String, Object>> versions)
            implements PageView {
    }
}
