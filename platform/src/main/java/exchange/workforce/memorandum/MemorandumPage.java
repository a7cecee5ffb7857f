package exchange.workforce.memorandum;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.DateGiven;
import exchange.workforce.web.DateInput;
import exchange.workforce.web.Decimal;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.FormFields;
import exchange.workforce.web.FormNumbers;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Entered;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import exchange.workforce.web.RealDate;
import io.micronaut.core.annotation.Introspected;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
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
    private final FormCheck check;

    public MemorandumPage(Callers callers, Memoranda memoranda, Targets targets, MemorandumAdministration administration,
                          MeasureCatalogue catalogue, exchange.workforce.tenancy.Regions regions, Pages pages, Html html,
                          FormCheck check) {
        this.administration = administration;
        this.callers = callers;
        this.memoranda = memoranda;
        this.targets = targets;
        this.catalogue = catalogue;
        this.regions = regions;
        this.pages = pages;
        this.html = html;
        this.check = check;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> memorandum(HttpRequest<?> request, Authentication authentication) {
        return page(request, authentication, null, List.of(), HttpStatus.OK);
    }

    /** A target as the administrator types it, in the order of the form. */
    @Introspected
    public record TargetForm(
            @NotNull(message = "Choose the measure the target is about") String measure,
            @NotNull(message = COMPARISON) @Pattern(regexp = "AT_LEAST|AT_MOST", message = COMPARISON) String comparison,
            @NotNull(message = VALUE) @Decimal(message = VALUE) String value,
            @NotNull(message = SOURCE) @Size(max = 500, message = SOURCE) String source,
            @DateGiven(message = "Enter the date the target applies from")
            @RealDate(message = "The date the target applies from must be a real date, for example 27 3 2026") DateInput effectiveFrom) implements Form {

        NewTarget target() {
            return new NewTarget(measure, comparison, FormNumbers.decimal(value), source, effectiveFrom.orNull(), null);
        }
    }

    private static final String COMPARISON = "Say whether the figure should be at least or at most the target";
    private static final String VALUE = "Enter the target as a number, for example 85";
    private static final String SOURCE = "Say whose commitment the target is, in up to 500 characters";

    @Post(value = "/targets", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> setTarget(HttpRequest<?> request, Authentication authentication, @Body TargetForm form) {
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (!errors.isEmpty()) {
            return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            targets.set(callers.regionalUser(authentication), form.target());
        } catch (ApiProblem problem) {
            List<Problem.Violation> violations = problem.violations().isEmpty()
                    ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage()))
                    : problem.violations();
            violations.forEach(v -> errors.add(new FieldError(link(v.field()), v.message())));
            return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.seeOther(URI.create("/region/memorandum"));
    }

    @Post(value = "/targets/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> withdraw(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        targets.withdraw(callers.regionalUser(authentication), id);
        return HttpResponse.seeOther(URI.create("/region/memorandum"));
    }

    /** A council joining the memorandum: which, in which phase, from when. */
    @Introspected
    public record MemberForm(
            @NotNull(message = "Choose the council joining the memorandum") String authorityCode,
            @NotNull(message = PHASE) @Size(max = 50, message = PHASE) String phase,
            @DateGiven(message = "Enter the date the council joins")
            @RealDate(message = "The date the council joins must be a real date, for example 27 3 2026") DateInput memberFrom) implements Form {
    }

    private static final String PHASE = "Name the phase the council joins in up to 50 characters, for example phase 2";

    /** Adds a council to the memorandum; the memorandum's page again, with what was wrong, if it cannot. */
    @Post(value = "/members", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> addMember(HttpRequest<?> request, Authentication authentication, @Body MemberForm form) {
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                administration.addMember(callers.regionalUser(authentication),
                        new MemorandumAdministration.NewMember(form.authorityCode(), form.phase(), form.memberFrom().orNull()));
                return HttpResponse.seeOther(URI.create("/region/memorandum"));
            } catch (ApiProblem problem) {
                errors.addAll(FormFields.refusedAt(problem, "authorityCode"));
            }
        }
        return page(request, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** A membership that has ended (a pilot before the current phase): which council, which phase, from and until when. */
    @Introspected
    public record EarlierMemberForm(
            @NotNull(message = "Choose the council that was a member") String earlierAuthorityCode,
            @NotNull(message = EARLIER_PHASE) @Size(max = 50, message = EARLIER_PHASE) String earlierPhase,
            @DateGiven(message = "Enter the date the council joined")
            @RealDate(message = "The date the council joined must be a real date, for example 27 3 2026") DateInput earlierFrom,
            @DateGiven(message = "Enter the date the membership ended")
            @RealDate(message = "The date the membership ended must be a real date, for example 27 3 2026") DateInput earlierUntil) implements Form {
    }

    private static final String EARLIER_PHASE = "Name the phase in up to 50 characters, for example pilot";

    /**
     * Records a membership that has ended (a pilot before the current phase), which the impact estimate counts from;
     * the memorandum's page again, with what was wrong, if it cannot.
     */
    @Post(value = "/members/earlier", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> addEarlierMembership(HttpRequest<?> request, Authentication authentication, @Body EarlierMemberForm form) {
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                administration.addMember(callers.regionalUser(authentication), new MemorandumAdministration.NewMember(form.earlierAuthorityCode(),
                        form.earlierPhase(), form.earlierFrom().orNull(), form.earlierUntil().orNull()));
                return HttpResponse.seeOther(URI.create("/region/memorandum"));
            } catch (ApiProblem problem) {
                errors.addAll(FormFields.refusedAt(problem, "effectiveTo".equals(problem.field()) ? "earlierUntil-day" : "earlierAuthorityCode"));
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

    private HttpResponse<String> page(HttpRequest<?> request, Authentication authentication, Form typed,
                              List<FieldError> errors, HttpStatus status) {
        Map<String, Object> form = typed == null ? Map.of() : Pages.shown(typed);
        Caller caller = callers.regionalUser(authentication);
        Memoranda.Memorandum memorandum = memoranda.memorandum(caller.regionCode().orElseThrow(), null);
        String region = memorandum.region().name();
        MemorandumTerms inForce = memorandum.termsInForce();
        Map<String, Object> terms = inForce == null ? null : Pages.row("version", inForce.version(), "from",
                exchange.workforce.web.GovukDates.format(inForce.effectiveFrom()), "threshold", inForce.smallCountThreshold(),
                "coolingOff", inForce.coolingOffMonths(), "standard", inForce.referenceStandardVersion());
        List<Map<String, Object>> members = memorandum.members().stream().map(m -> Pages.row("code", m.authorityCode(), "name", m.authorityName(),
                "phase", m.phase(), "from", exchange.workforce.web.GovukDates.format(m.effectiveFrom()))).toList();
        List<Map<String, Object>> candidates = candidates(regions.authorities(caller.regionCode().orElseThrow()),
                memorandum.members(), (String) form.get("authorityCode"));
        List<Map<String, Object>> councils = regions.authorities(caller.regionCode().orElseThrow()).stream().filter(a -> a.abolished() == null)
                .map(a -> Pages.row("code", a.code(), "name", a.name(), "selected", a.code().equals(form.get("earlierAuthorityCode")))).toList();
        List<Map<String, Object>> history = memoranda.terms(caller.regionCode().orElseThrow()).stream().map(t -> Pages.row("version", t.version(),
                "from", exchange.workforce.web.GovukDates.format(t.effectiveFrom()), "threshold", t.smallCountThreshold(), "coolingOff", t.coolingOffMonths(),
                "by", t.recordedBy(), "reason", t.changeReason())).toList();
        List<Map<String, Object>> targetRows = targets.list(caller).stream().map(t -> Pages.row("id", t.id().toString(),
                "measure", catalogue.measure(t.measure()).map(MeasureCatalogue.Measure::label).orElse(t.measure()),
                "target", ("AT_LEAST".equals(t.comparison()) ? "At least " : "At most ") + t.value().stripTrailingZeros().toPlainString(),
                "source", t.source(), "from", exchange.workforce.web.GovukDates.format(t.effectiveFrom()), "withdrawn", t.withdrawnAt() != null)).toList();
        boolean admin = caller.has(Role.REGION_ADMIN);
        List<Map<String, Object>> measures = catalogue.measures().stream().map(m -> Pages.row("code", m.code(), "label", m.label(),
                "selected", m.code().equals(form.get("measure")))).toList();
        List<List<String>> comparisons = List.of(List.of("AT_LEAST", "At least"), List.of("AT_MOST", "At most"));
        return html.page(status, "memorandum", new MemorandumView(pages.layout(request, caller, errors.isEmpty() ? "Your memorandum"
                : "Error: Your memorandum"), Entered.of(typed, errors),
                region, terms, members, candidates, councils, history, targetRows, admin, measures, comparisons), request);
    }

    private static String link(String field) {
        return field == null ? "measure" : "effectiveFrom".equals(field) ? "effectiveFrom-day" : field;
    }

    /** The region's memorandum: its terms in force and their history, its members, its targets, and the administrator's forms. */
    record MemorandumView(Layout layout, Entered entered, String region, Map<String, Object> terms, List<Map<String, Object>> members,
                          List<Map<String, Object>> candidates, List<Map<String, Object>> councils, List<Map<String, Object>> history,
                          List<Map<String, Object>> targets, boolean admin, List<Map<String, Object>> measures,
                          List<List<String>> comparisons) implements PageView {
    }
}
