package exchange.workforce.memorandum;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.DateField;
import exchange.workforce.web.FormFields;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The region's memorandum in the browser: its terms in force, its members and phases, and its targets; the
 * administrator sets and withdraws targets here. The API's own operations answer it (tenancy, rules, audit).
 */
@Controller("/region/memorandum")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
public class MemorandumPage {

    private final Callers callers;
    private final Memoranda memoranda;
    private final Targets targets;
    private final MemorandumAdministration administration;
    private final MeasureCatalogue catalogue;
    private final exchange.workforce.tenancy.Regions regions;
    private final Pages pages;
    private final Html html;

    public MemorandumPage(Callers callers, Memoranda memoranda, Targets targets, MemorandumAdministration administration,
                          MeasureCatalogue catalogue, exchange.workforce.tenancy.Regions regions, Pages pages, Html html) {
        this.administration = administration;
        this.callers = callers;
        this.memoranda = memoranda;
        this.targets = targets;
        this.catalogue = catalogue;
        this.regions = regions;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> memorandum(HttpRequest<?> request, Authentication authentication) {
        return page(request, authentication, Map.of(), List.of(), HttpStatus.OK);
    }

    @Post(value = "/targets", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> setTarget(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate from = null;
        try {
            from = DateField.read(form, "effectiveFrom", "The date the target applies from");
        } catch (IllegalArgumentException e) {
            errors.add(Pages.row("link", "effectiveFrom-day", "message", e.getMessage()));
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(form.getOrDefault("value", "").trim());
        } catch (NumberFormatException e) {
            errors.add(Pages.row("link", "value", "message", "Enter the target as a number, for example 85"));
        }
        if (blank(form.get("measure")) == null) {
            errors.add(0, Pages.row("link", "measure", "message", "Choose the measure the target is about"));
        }
        if (!List.of("AT_LEAST", "AT_MOST").contains(String.valueOf(form.get("comparison")))) {
            errors.add(Pages.row("link", "comparison", "message", "Say whether the figure should be at least or at most the target"));
        }
        String source = blank(form.get("source"));
        if (source == null || source.length() > 500) {
            errors.add(Pages.row("link", "source", "message", "Say whose commitment the target is, in up to 500 characters"));
        }
        if (from == null && errors.stream().noneMatch(e -> "effectiveFrom-day".equals(e.get("link")))) {
            errors.add(Pages.row("link", "effectiveFrom-day", "message", "Enter the date the target applies from"));
        }
        if (!errors.isEmpty()) {
            return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            targets.set(callers.regionalUser(authentication), new NewTarget(blank(form.get("measure")), blank(form.get("comparison")), value,
                    blank(form.get("source")), from, null));
        } catch (ApiProblem problem) {
            List<Problem.Violation> violations = problem.violations().isEmpty()
                    ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage()))
                    : problem.violations();
            violations.forEach(v -> errors.add(Pages.row("link", link(v.field()), "message", v.message())));
            return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.seeOther(URI.create("/region/memorandum"));
    }

    @Post(value = "/targets/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> withdraw(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                         @Body Map<String, String> form) {
        targets.withdraw(callers.regionalUser(authentication), id);
        return HttpResponse.seeOther(URI.create("/region/memorandum"));
    }

    /** Adds a council to the memorandum; the memorandum's page again, with what was wrong, if it cannot. */
    @Post(value = "/members", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> addMember(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        List<Map<String, Object>> errors = new ArrayList<>();
        String authority = blank(form.get("authorityCode"));
        if (authority == null) {
            errors.add(Pages.row("link", "authorityCode", "message", "Choose the council joining the memorandum"));
        }
        String phase = blank(form.get("phase"));
        if (phase == null || phase.length() > 50) {
            errors.add(Pages.row("link", "phase", "message", "Name the phase the council joins in up to 50 characters, for example phase 2"));
        }
        LocalDate from = FormFields.requiredDate(form, "memberFrom", "The date the council joins", errors);
        if (errors.isEmpty()) {
            try {
                administration.addMember(callers.regionalUser(authentication), new MemorandumAdministration.NewMember(authority, phase, from));
                return HttpResponse.seeOther(URI.create("/region/memorandum"));
            } catch (ApiProblem problem) {
                FormFields.refused(problem, "authorityCode", errors);
            }
        }
        return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /**
     * Records a membership that has ended (a pilot before the current phase), which the impact estimate counts from;
     * the memorandum's page again, with what was wrong, if it cannot.
     */
    @Post(value = "/members/earlier", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> addEarlierMembership(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        List<Map<String, Object>> errors = new ArrayList<>();
        String authority = blank(form.get("earlierAuthorityCode"));
        if (authority == null) {
            errors.add(Pages.row("link", "earlierAuthorityCode", "message", "Choose the council that was a member"));
        }
        String phase = blank(form.get("earlierPhase"));
        if (phase == null || phase.length() > 50) {
            errors.add(Pages.row("link", "earlierPhase", "message", "Name the phase in up to 50 characters, for example pilot"));
        }
        LocalDate from = FormFields.requiredDate(form, "earlierFrom", "The date the council joined", errors);
        LocalDate until = FormFields.requiredDate(form, "earlierUntil", "The date the membership ended", errors);
        if (errors.isEmpty()) {
            try {
                administration.addMember(callers.regionalUser(authentication), new MemorandumAdministration.NewMember(authority, phase, from, until));
                return HttpResponse.seeOther(URI.create("/region/memorandum"));
            } catch (ApiProblem problem) {
                FormFields.refused(problem, "effectiveTo".equals(problem.field()) ? "earlierUntil-day" : "earlierAuthorityCode", errors);
            }
        }
        return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** Authorities of the region that are not members today: whom the administrator may add. */
    static List<Map<String, Object>> candidates(List<exchange.workforce.tenancy.Authority> authorities, List<Membership> members, String selected) {
        java.util.Set<String> current = new java.util.HashSet<>();
        members.forEach(m -> current.add(m.authorityCode()));
        return authorities.stream().filter(a -> !current.contains(a.code()) && a.abolished() == null)
                .map(a -> Pages.row("code", a.code(), "name", a.name(), "selected", a.code().equals(selected))).toList();
    }

    private HttpResponse<String> page(HttpRequest<?> request, Authentication authentication, Map<String, String> form,
                              List<Map<String, Object>> errors, HttpStatus status) {
        Caller caller = callers.regionalUser(authentication);
        Memoranda.Memorandum memorandum = memoranda.memorandum(caller.regionCode().orElseThrow(), null);
        Map<String, Object> model = pages.model(request, caller, errors.isEmpty() ? "Your memorandum" : "Error: Your memorandum");
        model.put("region", memorandum.region().name());
        MemorandumTerms terms = memorandum.termsInForce();
        model.put("terms", terms == null ? null : Pages.row("version", terms.version(), "from", exchange.workforce.web.GovukDates.format(terms.effectiveFrom()),
                "threshold", terms.smallCountThreshold(), "coolingOff", terms.coolingOffMonths(), "standard", terms.referenceStandardVersion()));
        model.put("members", memorandum.members().stream().map(m -> Pages.row("code", m.authorityCode(), "name", m.authorityName(),
                "phase", m.phase(), "from", exchange.workforce.web.GovukDates.format(m.effectiveFrom()))).toList());
        model.put("candidates", candidates(regions.authorities(caller.regionCode().orElseThrow()),
                memorandum.members(), form.get("authorityCode")));
        model.put("councils", regions.authorities(caller.regionCode().orElseThrow()).stream().filter(a -> a.abolished() == null)
                .map(a -> Pages.row("code", a.code(), "name", a.name(), "selected", a.code().equals(form.get("earlierAuthorityCode")))).toList());
        model.put("history", memoranda.terms(caller.regionCode().orElseThrow()).stream().map(t -> Pages.row("version", t.version(),
                "from", exchange.workforce.web.GovukDates.format(t.effectiveFrom()), "threshold", t.smallCountThreshold(), "coolingOff", t.coolingOffMonths(),
                "by", t.recordedBy(), "reason", t.changeReason())).toList());
        model.put("targets", targets.list(caller).stream().map(t -> Pages.row("id", t.id().toString(),
                "measure", catalogue.measure(t.measure()).map(MeasureCatalogue.Measure::label).orElse(t.measure()),
                "target", ("AT_LEAST".equals(t.comparison()) ? "At least " : "At most ") + t.value().stripTrailingZeros().toPlainString(),
                "source", t.source(), "from", exchange.workforce.web.GovukDates.format(t.effectiveFrom()), "withdrawn", t.withdrawnAt() != null)).toList());
        model.put("admin", caller.has(Role.REGION_ADMIN));
        model.put("measures", catalogue.measures().stream().map(m -> Pages.row("code", m.code(), "label", m.label(),
                "selected", m.code().equals(form.get("measure")))).toList());
        model.put("comparisons", List.of(List.of("AT_LEAST", "At least"), List.of("AT_MOST", "At most")));
        Pages.withForm(model, form, errors);
        return html.page(status, "memorandum", model, request);
    }

    private static String link(String field) {
        return field == null ? "measure" : "effectiveFrom".equals(field) ? "effectiveFrom-day" : field;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
