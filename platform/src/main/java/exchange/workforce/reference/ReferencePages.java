package exchange.workforce.reference;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.Entered;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.PageProblem;
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

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * References in the browser: the officer's inbox and outbox with due dates and overdue marked; asking for a
 * reference (with the worker's consent); providing one on the memorandum's standard template; reading one, printable
 * as the worker's copy. The API's own operations answer every page, so consent, signatories, pseudonyms, row-level
 * security and the audit trail are the API's. The registration number is typed into forms only: never in a URL or
 * a title, never shown back.
 */
@Controller("/references")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("REFERENCE_OFFICER")
public class ReferencePages {

    static final List<String> PRACTICE = List.of("directWorkWithChildrenAndFamilies", "assessmentAndAnalysis", "recording",
            "workingWithPartners", "useOfSupervision", "timeliness");

    private final java.time.Clock clock;
    private final Callers callers;
    private final ReferenceRequests requests;
    private final ReferenceHolders holders;
    private final PlacementReviews reviews;
    private final Engagements engagements;
    private final Regions regions;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;

    public ReferencePages(Callers callers, ReferenceRequests requests, ReferenceHolders holders, PlacementReviews reviews,
                          Engagements engagements, Regions regions, Pages pages, Html html, java.time.Clock clock,
                          FormCheck check) {
        this.check = check;
        this.clock = clock;
        this.holders = holders;
        this.reviews = reviews;
        this.callers = callers;
        this.requests = requests;
        this.engagements = engagements;
        this.regions = regions;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> boxes(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.authorityUser(authentication);
        return html.page("references", new ReferencesView(pages.layout(request, caller, "References"),
                requests.incoming(callers.authorityUser(authentication), false).stream().map(r -> row(r, r.requesterAuthority())).toList(),
                requests.outgoing(callers.authorityUser(authentication), false).stream().map(r -> row(r, r.refereeAuthority())).toList()), request);
    }

    @Get(value = "/reviews", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> reviews(HttpRequest<?> request, Authentication authentication) {
        return review(request, callers.authorityUser(authentication), authentication, null, List.of(), HttpStatus.OK);
    }

    /** Records an end-of-placement review of an agency worker, on the memorandum's template. */
    @Post(value = "/reviews", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> recordReview(HttpRequest<?> request, Authentication authentication, @Body ReferenceForms.ReviewForm form) {
        Caller caller = callers.authorityUser(authentication);
        List<FieldError> errors = check.problems(form);
        if (!errors.isEmpty()) {
            return review(request, caller, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            reviews.record(callers.authorityUser(authentication), form.review());
            return HttpResponse.seeOther(URI.create("/references/reviews"));
        } catch (ApiProblem problem) {
            return review(request, caller, authentication, form, errors(problem, Map.of()), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<String> review(HttpRequest<?> request, Caller caller, Authentication authentication, ReferenceForms.ReviewForm form,
                                        List<FieldError> errors, HttpStatus status) {
        return html.page(status, "placement-reviews", new ReviewsView(pages.layout(request, caller, errors.isEmpty() ? "End-of-placement reviews"
                : "Error: End-of-placement reviews"), entered(form, errors), reviews.written(callers.authorityUser(authentication)).stream().map(r -> Pages.row("role", ReferenceView.words(r.review().role()),
                "agency", r.review().agency() == null ? "" : r.review().agency(),
                "placement", r.review().startDate() + " to " + r.review().endDate(),
                "summary", r.review().summary() == null ? "" : r.review().summary(),
                "recorded", exchange.workforce.web.GovukDates.format(r.recordedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()))).toList(),
                ReferenceTemplatePolicy.ROLES.stream().map(r -> Pages.row("code", r, "label", ReferenceView.words(r),
                        "selected", form != null && r.equals(form.role()))).toList(), practice(), ratings(), yesNo(), disciplinary(), reemploy()), request);
    }

    @Get(value = "/holders", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> holdersForm(HttpRequest<?> request, Authentication authentication) {
        return html.page("reference-holders", new HoldersView(pages.layout(request, callers.authorityUser(authentication),
                "Who holds references about a worker"), Entered.NOTHING, null), request);
    }

    /** Which signatory councils hold references or reviews about the worker: names and kinds only, never content. */
    @Post(value = "/holders", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> lookUp(HttpRequest<?> request, Authentication authentication, @Body ReferenceForms.LookupForm form) {
        return byRegistrationNumber(request, authentication, form, "Who holds references about a worker", "reference-holders", HoldersView::new,
                number -> holders.holders(callers.authorityUser(authentication), new ReferenceHolders.Lookup(number)).stream()
                        .map(h -> Pages.row("council", h.authorityName(), "holds", ReferenceView.words(h.holds()))).toList());
    }

    /**
     * A page that finds something by the registration number typed into its form: the number goes to the API's
     * operation in the body and is never put back in the form, an address or the title; a refusal is the form again
     * with the reason.
     */
    private HttpResponse<String> byRegistrationNumber(HttpRequest<?> request, Authentication authentication, ReferenceForms.LookupForm form,
                                                      String title, String view, Found page,
                                                      java.util.function.Function<String, List<Map<String, Object>>> find) {
        Layout layout = pages.layout(request, callers.authorityUser(authentication), title);
        String number = form.registrationNumber();
        String message = "Enter the worker's Social Work England registration number, for example SW123456";
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (number != null) {
            try {
                return html.page(view, page.of(layout, entered(form, List.of()), find.apply(number)), request);
            } catch (ApiProblem problem) {
                message = problem.getMessage();
                status = HttpStatus.valueOf(problem.code().status().getCode());
            }
        }
        return html.page(status, view, page.of(layout.titled("Error: " + title), entered(form, List.of(new FieldError("registrationNumber", message))),
                null), request);
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> askForm(HttpRequest<?> request, Authentication authentication) {
        return ask(request, callers.authorityUser(authentication), null, List.of(), HttpStatus.OK);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> askFor(HttpRequest<?> request, Authentication authentication, @Body ReferenceForms.AskForm form) {
        Caller caller = callers.authorityUser(authentication);
        List<FieldError> errors = check.problems(form);
        if (!errors.isEmpty()) {
            return ask(request, caller, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            Engagements.EngagementView engagement = engagements.create(callers.authorityUser(authentication), new Engagements.NewEngagement(
                    form.registrationNumber(), form.role(), form.engagementType()));
            ReferenceRequest asked = requests.request(callers.authorityUser(authentication), new ReferenceRequests.NewRequest(engagement.engagement().id(),
                    form.refereeAuthority(), form.dueOn().orNull(), new ReferenceRequests.Consent(form.consentOn().orNull(), form.consentMethod()),
                    new exchange.workforce.worker.WorkerDetails(form.workerName(), form.workerJobTitle(), form.employedFrom().orNull(),
                            form.employedTo().orNull())));
            return HttpResponse.seeOther(URI.create("/references/requests/" + asked.id()));
        } catch (ApiProblem problem) {
            return ask(request, caller, form, errors(problem, Map.of("dueOn", "dueOn-day", "consent.givenOn", "consentOn-day",
                    "consent.method", "consentMethod", "worker.name", "workerName", "worker.jobTitle", "workerJobTitle",
                    "worker.employedFrom", "employedFrom-day", "worker.employedTo", "employedTo-day")), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Get(value = "/matching", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> matchingForm(HttpRequest<?> request, Authentication authentication) {
        return html.page("reference-matching", new MatchingView(pages.layout(request, callers.authorityUser(authentication),
                "Requests to your council about a worker"), Entered.NOTHING, null), request);
    }

    /** The requests made of the caller's council about one worker, found by the number typed here (never in an address). */
    @Post(value = "/matching", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> matching(HttpRequest<?> request, Authentication authentication, @Body ReferenceForms.LookupForm form) {
        return byRegistrationNumber(request, authentication, form, "Requests to your council about a worker", "reference-matching", MatchingView::new,
                number -> requests.incomingFor(callers.authorityUser(authentication), new ReferenceRequests.WorkerLookup(number)).stream()
                        .map(r -> row(r, r.requesterAuthority())).toList());
    }

    /** Records that a provided reference was shared with the worker, when and how; either party may record it. */
    @Post(value = "/requests/{id}/shared", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> shared(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                       @Body ReferenceForms.SharedForm form) {
        UUID uuid = uuid(id);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                requests.sharedWithWorker(callers.authorityUser(authentication), uuid, new ReferenceRequests.SharedWithWorker(form.sharedOn().orNull(),
                        form.method()));
                return HttpResponse.seeOther(java.net.URI.create("/references/requests/" + uuid));
            } catch (ApiProblem problem) {
                errors.add(new FieldError("sharedOn-day", problem.getMessage()));
            }
        }
        return one(request, authentication, id, errors, form);
    }

    /** The worker's copy as a PDF, for the reference's two parties; audited as an export, like the API's. */
    @Get(value = "/requests/{id}/worker-copy.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> workerCopyPdf(Authentication authentication, @io.micronaut.http.annotation.PathVariable java.util.UUID id) {
        return exchange.workforce.web.Downloads.pdf(WorkerCopyPdf.of(requests.workerCopy(callers.authorityUser(authentication), id, "PDF")),
                "reference-" + id);
    }

    @Get(value = "/requests/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> one(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return one(request, authentication, id, List.of());
    }

    private HttpResponse<String> one(HttpRequest<?> request, Authentication authentication, String id, List<FieldError> errors) {
        return one(request, authentication, id, errors, null);
    }

    private HttpResponse<String> one(HttpRequest<?> request, Authentication authentication, String id, List<FieldError> errors,
                                     ReferenceForms.SharedForm form) {
        Caller caller = callers.authorityUser(authentication);
        UUID uuid = uuid(id);
        ReferenceRequest found = requests.one(callers.authorityUser(authentication), uuid);
        boolean incoming = caller.authorityCode().orElseThrow().equals(found.refereeAuthority());
        String title = errors.isEmpty() ? "Reference request" : "Error: Reference request";
        Map<String, Object> provided = null;
        String shared = null;
        if (found.status() == RequestStatus.PROVIDED) {
            ReferenceDao.ProvidedReference reference = requests.read(callers.authorityUser(authentication), uuid);
            provided = ReferenceView.of(reference, name(reference.refereeAuthority()), name(reference.requesterAuthority()));
            shared = reference.sharedWithWorkerOn() == null ? null
                    : "Shared with the worker on " + reference.sharedWithWorkerOn() + " (" + reference.sharedWithWorkerMethod() + ").";
            title = "Reference from " + name(reference.refereeAuthority());
        }
        return html.page("reference-request", new RequestView(pages.layout(request, caller, title), Entered.of(form, errors),
                row(found, incoming ? found.requesterAuthority() : found.refereeAuthority()), incoming, found.status().open(), provided, shared), request);
    }

    @Post(value = "/requests/{id}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> decline(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                        @Body ReferenceForms.DeclineForm form) {
        UUID uuid = uuid(id);
        List<FieldError> wrong = check.problems(form);
        if (!wrong.isEmpty()) {
            return oneWithError(request, authentication, uuid, wrong.get(0).message());
        }
        try {
            requests.decline(callers.authorityUser(authentication), uuid, new ReferenceRequests.Decline(form.reason()));
        } catch (ApiProblem problem) {
            return oneWithError(request, authentication, uuid, problem.getMessage());
        }
        return HttpResponse.seeOther(URI.create("/references/requests/" + uuid));
    }

    private HttpResponse<String> oneWithError(HttpRequest<?> request, Authentication authentication, UUID id, String message) {
        HttpResponse<String> page = one(request, authentication, id.toString(), List.of(new FieldError("reason", message)));
        return HttpResponse.<String>status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE).body(page.body());
    }

    @Get(value = "/requests/{id}/provide", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> provideForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Caller caller = callers.authorityUser(authentication);
        ReferenceRequest found = requests.one(callers.authorityUser(authentication), uuid(id));
        return provide(request, caller, found, ReferenceForms.ProvideForm.startingFrom(found, LocalDate.now(clock)), List.of(), HttpStatus.OK);
    }

    @Post(value = "/requests/{id}/provide", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> provide(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                        @Body ReferenceForms.ProvideForm form) {
        Caller caller = callers.authorityUser(authentication);
        UUID uuid = uuid(id);
        ReferenceRequest found = requests.one(callers.authorityUser(authentication), uuid);
        List<FieldError> errors = check.problems(form);
        if (!errors.isEmpty()) {
            return provide(request, caller, found, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            requests.provide(callers.authorityUser(authentication), uuid, new ReferenceRequests.Provide(form.registrationNumber(), form.reference()));
            return HttpResponse.seeOther(URI.create("/references/requests/" + uuid));
        } catch (ApiProblem problem) {
            return provide(request, caller, found, form, errors(problem, Map.of()), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<String> ask(HttpRequest<?> request, Caller caller, ReferenceForms.AskForm form, List<FieldError> errors,
                                     HttpStatus status) {

        String own = caller.authorityCode().orElseThrow();
        String region = caller.homeRegion().orElseThrow();
        return html.page(status, "reference-ask", new AskView(pages.layout(request, caller, errors.isEmpty() ? "Ask for a reference"
                : "Error: Ask for a reference"), entered(form, errors), regions.authorities(region).stream().filter(Authority::active).filter(a -> !a.code().equals(own))
                .map(a -> Pages.row("code", a.code(), "name", a.name(), "selected", form != null && a.code().equals(form.refereeAuthority()))).toList(),
                ReferenceTemplatePolicy.ROLES.stream().map(r -> Pages.row("code", r, "label", ReferenceView.words(r), "selected",
                        form != null && r.equals(form.role()))).toList(), ENGAGEMENT_TYPES), request);
    }

    private HttpResponse<String> provide(HttpRequest<?> request, Caller caller, ReferenceRequest found, ReferenceForms.ProvideForm form,
                                         List<FieldError> errors, HttpStatus status) {
        return html.page(status, "reference-provide", new ProvideView(pages.layout(request, caller, errors.isEmpty() ? "Provide a reference"
                : "Error: Provide a reference"), entered(form, errors), row(found, found.requesterAuthority()), practice(), ENGAGEMENT_TYPES, ratings(),
                yesNo(), disciplinary(), reemploy()), request);
    }

    /** Radio options (value, words) for the values a schema allows, those named first in that order, any others after. */
    static List<List<String>> options(List<String> allowed, String... order) {
        List<String> ordered = new java.util.ArrayList<>(List.of(order));
        ordered.retainAll(allowed);
        allowed.stream().filter(v -> !ordered.contains(v)).forEach(ordered::add);
        return ordered.stream().map(v -> List.of(v, ReferenceView.words(v))).toList();
    }

    /** What was typed, shown back (never the registration number: typed again if the form returns with errors). */
    private static Entered entered(Form form, List<FieldError> errors) {
        return Entered.of(form, errors, "registrationNumber");
    }

    private static final List<List<String>> ENGAGEMENT_TYPES = List.of(List.of("PERMANENT", "Permanent"), List.of("AGENCY", "Agency"));

    // the answers are the schema's (what it allows, the page offers); the page only orders them

    private static List<List<String>> ratings() {
        return options(ReferenceTemplatePolicy.RATINGS);
    }

    private static List<List<String>> yesNo() {
        return options(ReferenceTemplatePolicy.YES_NO, "NO", "YES");
    }

    private static List<List<String>> disciplinary() {
        return options(ReferenceTemplatePolicy.DISCIPLINARY, "NONE", "CURRENT", "EXPIRED");
    }

    private static List<List<String>> reemploy() {
        return options(ReferenceTemplatePolicy.REEMPLOY, "YES", "WITH_RESERVATIONS", "NO");
    }

    private static List<Map<String, Object>> practice() {
        return PRACTICE.stream().map(p -> Pages.row("name", "practice." + p, "id", "practice-" + p, "label", ReferenceView.practiceLabel(p))).toList();
    }

    /** The council's reference requests: those made of it, and those it made. */
    record ReferencesView(Layout layout, List<Map<String, Object>> incoming, List<Map<String, Object>> outgoing) implements PageView {
    }

    /** End-of-placement reviews: those the council wrote, and the form on the memorandum's template. */
    record ReviewsView(Layout layout, Entered entered, List<Map<String, Object>> recorded, List<Map<String, Object>> roles,
                       List<Map<String, Object>> practice, List<List<String>> ratings, List<List<String>> yesNo, List<List<String>> disciplinary,
                       List<List<String>> reemploy) implements PageView {
    }

    /** A page whose result is found by a registration number. */
    private interface Found {
        PageView of(Layout layout, Entered entered, List<Map<String, Object>> found);
    }

    /** Who holds references about a worker: councils and kinds only, never content. */
    record HoldersView(Layout layout, Entered entered, List<Map<String, Object>> holders) implements PageView {
    }

    /** The requests made of the council about one worker. */
    record MatchingView(Layout layout, Entered entered, List<Map<String, Object>> found) implements PageView {
    }

    /** One request: its parties and state, the reference once provided, and the forms to decline it or record it was shared. */
    record RequestView(Layout layout, Entered entered, Map<String, Object> request, boolean incoming, boolean open, Map<String, Object> reference,
                       String shared) implements PageView {
    }

    /** Asking another council of the region for a reference. */
    record AskView(Layout layout, Entered entered, List<Map<String, Object>> referees, List<Map<String, Object>> roles,
                   List<List<String>> engagementTypes) implements PageView {
    }

    /** Writing a reference on the memorandum's template. */
    record ProvideView(Layout layout, Entered entered, Map<String, Object> request, List<Map<String, Object>> practice,
                       List<List<String>> engagementTypes, List<List<String>> ratings, List<List<String>> yesNo, List<List<String>> disciplinary,
                       List<List<String>> reemploy) implements PageView {
    }

    private Map<String, Object> row(ReferenceRequest r, String otherAuthority) {
        return Pages.row("id", r.id().toString(), "engagementId", r.engagementId().toString(), "council", name(otherAuthority), "role", ReferenceView.words(r.role()),
                "engagementType", ReferenceView.words(r.engagementType()), "dueOn", exchange.workforce.web.GovukDates.format(r.dueOn()), "status", ReferenceView.words(r.status().name()),
                "overdue", r.overdue(), "declineReason", r.declineReason() == null ? "" : r.declineReason(),
                "consent", r.consentMethod() + ", " + r.consentGivenOn(), "worker", stated(r.worker()));
    }

    /** What the worker stated on the application, in one line; "" if the requester gave nothing. */
    private static String stated(exchange.workforce.worker.WorkerDetails worker) {
        if (worker == null) {
            return "";
        }
        String dates = worker.employedFrom() == null && worker.employedTo() == null ? ""
                : ", " + (worker.employedFrom() == null ? "until " + worker.employedTo()
                : "from " + worker.employedFrom() + (worker.employedTo() == null ? "" : " to " + worker.employedTo()));
        return worker.name() + (worker.jobTitle() == null ? "" : ", " + worker.jobTitle()) + dates;
    }

    private String name(String authority) {
        return regions.authority(authority).map(Authority::name).orElse(authority);
    }

    /** The API's violations as the form's fields: "reference.practice.recording" is the field practice.recording. */
    private static List<FieldError> errors(ApiProblem problem, Map<String, String> renamed) {
        List<FieldError> errors = new ArrayList<>();
        List<Problem.Violation> violations = problem.violations().isEmpty()
                ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage())) : problem.violations();
        for (Problem.Violation v : violations) {
            String field = v.field() == null ? "registrationNumber" : v.field().replaceFirst("^reference\\.", "").replace('/', '.');
            field = renamed.getOrDefault(field, field);
            if (field.endsWith("Date") || field.equals("writtenOn")) {
                field = field + "-day";
            }
            String link = field.endsWith("-day") ? field : field.replace('.', '-').replaceFirst("-answer$", "");
            errors.add(new FieldError(field, link, v.message()));
        }
        return errors;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PageProblem(404, "Page not found", "There is no such reference request.");
        }
    }


}
