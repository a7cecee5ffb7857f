package exchange.workforce.benchmark;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Region;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region's own comparison groups in the browser: each listed with a link to its dashboard, and a form for the
 * administrator to define one from any councils in England (grouped by region). Answered by the API's operations.
 */
@Controller("/region/groups")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
public class ComparisonGroupsPage {

    private final Callers callers;
    private final RegionsOwnGroups groups;
    private final Regions regions;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;

    public ComparisonGroupsPage(Callers callers, RegionsOwnGroups groups, Regions regions, Pages pages, Html html, FormCheck check) {
        this.callers = callers;
        this.groups = groups;
        this.regions = regions;
        this.pages = pages;
        this.html = html;
        this.check = check;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> list(HttpRequest<?> request, Authentication authentication) {
        return page(request, authentication, null, List.of(), HttpStatus.OK);
    }

    /** A group as the administrator defines it: its name and the councils ticked (a box a council, any region). */
    @Introspected
    public record GroupForm(
            @NotNull(message = NAME) @Size(max = 100, message = NAME) String name,
            @Size(min = 2, message = "Choose at least 2 councils for the group") List<String> authorityCodes) implements Form {
    }

    private static final String NAME = "Name the group in up to 100 characters, for example Coastal councils";

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> define(HttpRequest<?> request, Authentication authentication, @Body GroupForm form) {
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                groups.define(callers.regionalUser(authentication), new RegionsOwnGroups.NewGroup(form.name(), form.authorityCodes()));
                return HttpResponse.seeOther(URI.create("/region/groups"));
            } catch (ApiProblem problem) {
                errors.add(new FieldError("name".equals(problem.field()) ? "name" : "authorityCodes", problem.getMessage()));
            }
        }
        return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Authentication authentication, GroupForm form, List<FieldError> errors,
                                      HttpStatus status) {
        Caller caller = callers.regionalUser(authentication);
        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> byRegion = new ArrayList<>();
        Set<String> ticked = form == null ? Set.of() : Set.copyOf(form.authorityCodes());
        for (Region region : regions.regions()) {
            List<Authority> current = regions.authorities(region.code()).stream().filter(a -> a.abolished() == null).toList();
            current.forEach(a -> names.put(a.code(), a.name()));
            byRegion.add(Pages.row("code", region.code(), "name", region.name(), "home", region.code().equals(caller.regionCode().orElse("")),
                    "councils", current.stream().map(a -> Pages.row("code", a.code(), "name", a.name(), "checked", ticked.contains(a.code()))).toList()));
        }
        // the error summary links to the first council's box
        String firstBox = byRegion.stream().filter(r -> Boolean.TRUE.equals(r.get("home"))).findFirst().or(() -> byRegion.stream().findFirst())
                .map(r -> (List<?>) r.get("councils")).filter(c -> !c.isEmpty()).map(c -> "council-" + ((Map<?, ?>) c.get(0)).get("code"))
                .orElse("name");
        return html.page(status, "region-groups", new GroupsView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ") + "Comparison groups"),
                Entered.of(form, errors.stream().map(e -> "authorityCodes".equals(e.field()) ? new FieldError(e.field(), firstBox, e.message()) : e).toList()),
                groups.ofRegion(callers.regionalUser(authentication)).stream().map(g -> Pages.row("name", g.name(),
                        "members", String.join(", ", g.authorityCodes().stream().map(c -> names.getOrDefault(c, c)).toList()),
                        "href", "/dashboard?group=custom:" + g.id())).toList(),
                byRegion, caller.has(Role.REGION_ADMIN)), request);
    }

    /** The region's own groups, each with its dashboard, and the councils of England by region to define one from. */
    record GroupsView(Layout layout, Entered entered, List<Map<String, Object>> groups, List<Map<String, Object>> regions, boolean admin)
            implements PageView {
    }
}
