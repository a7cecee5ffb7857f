package exchange.workforce.reference;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.web.Csrf;
import exchange.workforce.web.DateField;
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
import java.util.HashMap;
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

    public ReferencePages(Callers callers, ReferenceRequests requests, ReferenceHolders holders, PlacementReviews reviews,
                          Engagements engagements, Regions regions, Pages pages, Html html, java.time.Clock clock) {
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
        Map<String, Object> model = pages.model(request, caller, "References");
        model.put("incoming", requests.incoming(callers.authorityUser(authentication), false).stream().map(r -> row(r, r.requesterAuthority())).toList());
        model.put("outgoing", requests.outgoing(callers.authorityUser(authentication), false).stream().map(r -> row(r, r.refereeAuthority())).toList());
        return html.page("references", model, request);
    }

    @Get(value = "/reviews", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> reviews(HttpRequest<?> request, Authentication authentication) {
        return review(request, callers.authorityUser(authentication), authentication, Map.of(), List.of(), HttpStatus.OK);
    }

    /** Records an end-of-placement review of an agency worker, on the memorandum's template. */
    @Post(value = "/reviews", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> recordReview(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Caller caller = callers.authorityUser(authentication);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate start = date(form, "startDate", "The start date", errors);
        LocalDate end = date(form, "endDate", "The end date", errors);
        LocalDate written = date(form, "writtenOn", "The date the review was written", errors);
        if (!errors.isEmpty()) {
            return review(request, caller, authentication, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        PlacementReview review = new PlacementReview(blank(form.get("registrationNumber")), blank(form.get("role")), blank(form.get("agency")),
                start, end, practice(form), blank(form.get("summary")),
                new ReferenceTemplate.Author(blank(form.get("writtenBy.name")), blank(form.get("writtenBy.jobTitle"))), written);
        try {
            reviews.record(callers.authorityUser(authentication), review);
            return HttpResponse.seeOther(URI.create("/references/reviews"));
        } catch (ApiProblem problem) {
            return review(request, caller, authentication, form, errors(problem, Map.of()), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<String> review(HttpRequest<?> request, Caller caller, Authentication authentication, Map<String, String> form,
                                        List<Map<String, Object>> errors, HttpStatus status) {
        Map<String, Object> model = pages.model(request, caller, errors.isEmpty() ? "End-of-placement reviews" : "Error: End-of-placement reviews");
        model.put("recorded", reviews.written(callers.authorityUser(authentication)).stream().map(r -> Pages.row("role", ReferenceView.words(r.review().role()),
                "agency", r.review().agency() == null ? "" : r.review().agency(),
                "placement", r.review().startDate() + " to " + r.review().endDate(),
                "summary", r.review().summary() == null ? "" : r.review().summary(),
                "recorded", exchange.workforce.web.GovukDates.format(r.recordedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()))).toList());
        model.put("roles", ReferenceTemplatePolicy.ROLES.stream().map(r -> Pages.row("code", r, "label", ReferenceView.words(r),
                "selected", r.equals(form.get("role")))).toList());
        model.put("practice", PRACTICE.stream().map(p -> Pages.row("name", "practice." + p, "id", "practice-" + p,
                "label", ReferenceView.practiceLabel(p))).toList());
        return form(model, form, errors, "placement-reviews", request, status);
    }

    private static ReferenceTemplate.PracticeRatings practice(Map<String, String> form) {
        return new ReferenceTemplate.PracticeRatings(blank(form.get("practice.directWorkWithChildrenAndFamilies")),
                blank(form.get("practice.assessmentAndAnalysis")), blank(form.get("practice.recording")),
                blank(form.get("practice.workingWithPartners")), blank(form.get("practice.useOfSupervision")),
                blank(form.get("practice.timeliness")), blank(form.get("practice.comments")));
    }

    @Get(value = "/holders", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> holdersForm(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = pages.model(request, callers.authorityUser(authentication), "Who holds references about a worker");
        model.put("holders", null);
        return form(model, Map.of(), List.of(), "reference-holders", request, HttpStatus.OK);
    }

    /** Which signatory councils hold references or reviews about the worker: names and kinds only, never content. */
    @Post(value = "/holders", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> lookUp(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        return byRegistrationNumber(request, authentication, form, "Who holds references about a worker", "reference-holders", "holders",
                number -> holders.holders(callers.authorityUser(authentication), new ReferenceHolders.Lookup(number)).stream()
                        .map(h -> Pages.row("council", h.authorityName(), "holds", ReferenceView.words(h.holds()))).toList());
    }

    /**
     * A page that finds something by the registration number typed into its form: the number goes to the API's
     * operation in the body and is never put back in the form, an address or the title; a refusal is the form again
     * with the reason.
     */
    private HttpResponse<String> byRegistrationNumber(HttpRequest<?> request, Authentication authentication, Map<String, String> form,
                                                      String title, String view, String result,
                                                      java.util.function.Function<String, List<Map<String, Object>>> find) {
        Map<String, Object> model = pages.model(request, callers.authorityUser(authentication), title);
        String number = blank(form.get("registrationNumber"));
        String message = "Enter the worker's Social Work England registration number, for example SW123456";
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (number != null) {
            try {
                model.put(result, find.apply(number));
                return form(model, form, List.of(), view, request, HttpStatus.OK);
            } catch (ApiProblem problem) {
                message = problem.getMessage();
                status = HttpStatus.valueOf(problem.code().status().getCode());
            }
        }
        model.put(result, null);
        model.put("title", "Error: " + title);
        return form(model, form, List.of(Pages.row("field", "registrationNumber", "link", "registrationNumber", "message", message)),
                view, request, status);
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> askForm(HttpRequest<?> request, Authentication authentication) {
        return ask(request, callers.authorityUser(authentication), Map.of(), List.of(), HttpStatus.OK);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> askFor(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Caller caller = callers.authorityUser(authentication);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate dueOn = date(form, "dueOn", "The date the reference is due", errors);
        LocalDate consentOn = date(form, "consentOn", "The date the worker consented", errors);
        LocalDate employedFrom = date(form, "employedFrom", "The date the worker's employment there began", errors);
        LocalDate employedTo = date(form, "employedTo", "The date the worker's employment there ended", errors);
        require(form, "registrationNumber", "Enter the worker's Social Work England registration number, for example SW123456", errors);
        require(form, "role", "Choose the role the worker is being engaged for", errors);
        require(form, "engagementType", "Choose whether the engagement is permanent or agency", errors);
        require(form, "refereeAuthority", "Choose the council to ask for a reference", errors);
        if (dueOn == null && errors.stream().noneMatch(e -> "dueOn-day".equals(e.get("field")))) {
            errors.add(Pages.row("field", "dueOn-day", "link", "dueOn-day", "message", "Enter the date the reference is due"));
        }
        if (consentOn == null && errors.stream().noneMatch(e -> "consentOn-day".equals(e.get("field")))) {
            errors.add(Pages.row("field", "consentOn-day", "link", "consentOn-day", "message", "Enter the date the worker consented to references being sought"));
        }
        require(form, "consentMethod", "Say how the worker consented, for example 'signed application form'", errors);
        if (!errors.isEmpty()) {
            return ask(request, caller, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            Engagements.EngagementView engagement = engagements.create(callers.authorityUser(authentication), new Engagements.NewEngagement(
                    form.get("registrationNumber"), form.get("role"), form.get("engagementType")));
            ReferenceRequest asked = requests.request(callers.authorityUser(authentication), new ReferenceRequests.NewRequest(engagement.engagement().id(),
                    form.get("refereeAuthority"), dueOn, new ReferenceRequests.Consent(consentOn, form.get("consentMethod")),
                    new exchange.workforce.worker.WorkerDetails(form.get("workerName"), form.get("workerJobTitle"), employedFrom, employedTo)));
            return HttpResponse.seeOther(URI.create("/references/requests/" + asked.id()));
        } catch (ApiProblem problem) {
            return ask(request, caller, form, errors(problem, Map.of("dueOn", "dueOn-day", "consent.givenOn", "consentOn-day",
                    "consent.method", "consentMethod", "worker.name", "workerName", "worker.jobTitle", "workerJobTitle",
                    "worker.employedFrom", "employedFrom-day", "worker.employedTo", "employedTo-day")), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Get(value = "/matching", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> matchingForm(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = pages.model(request, callers.authorityUser(authentication), "Requests to your council about a worker");
        model.put("found", null);
        return form(model, Map.of(), List.of(), "reference-matching", request, HttpStatus.OK);
    }

    /** The requests made of the caller's council about one worker, found by the number typed here (never in an address). */
    @Post(value = "/matching", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> matching(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        return byRegistrationNumber(request, authentication, form, "Requests to your council about a worker", "reference-matching", "found",
                number -> requests.incomingFor(callers.authorityUser(authentication), new ReferenceRequests.WorkerLookup(number)).stream()
                        .map(r -> row(r, r.requesterAuthority())).toList());
    }

    /** Records that a provided reference was shared with the worker, when and how; either party may record it. */
    @Post(value = "/requests/{id}/shared", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> shared(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                       @Body Map<String, String> form) {
        UUID uuid = uuid(id);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate on = null;
        try {
            on = DateField.read(form, "sharedOn", "The date it was shared");
            if (on == null) {
                errors.add(Pages.row("field", "sharedOn-day", "link", "sharedOn-day", "message", "Enter the date the reference was shared with the worker"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(Pages.row("field", "sharedOn-day", "link", "sharedOn-day", "message", e.getMessage()));
        }
        String method = blank(form.get("method"));
        if (method == null || method.length() > 200) {
            errors.add(Pages.row("field", "method", "link", "method", "message", "Say how it was shared, in up to 200 characters, for example e-mailed to the worker"));
        }
        if (errors.isEmpty()) {
            try {
                requests.sharedWithWorker(callers.authorityUser(authentication), uuid, new ReferenceRequests.SharedWithWorker(on, method));
                return HttpResponse.seeOther(java.net.URI.create("/references/requests/" + uuid));
            } catch (ApiProblem problem) {
                errors.add(Pages.row("field", "sharedOn-day", "link", "sharedOn-day", "message", problem.getMessage()));
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

    private HttpResponse<String> one(HttpRequest<?> request, Authentication authentication, String id, List<Map<String, Object>> errors) {
        return one(request, authentication, id, errors, Map.of());
    }

    private HttpResponse<String> one(HttpRequest<?> request, Authentication authentication, String id, List<Map<String, Object>> errors,
                                     Map<String, String> form) {
        Caller caller = callers.authorityUser(authentication);
        UUID uuid = uuid(id);
        ReferenceRequest found = requests.one(callers.authorityUser(authentication), uuid);
        boolean incoming = caller.authorityCode().orElseThrow().equals(found.refereeAuthority());
        Map<String, Object> model = pages.model(request, caller, "Reference request");
        model.put("request", row(found, incoming ? found.requesterAuthority() : found.refereeAuthority()));
        model.put("incoming", incoming);
        model.put("open", found.status().open());
        model.put("errors", errors);
        Map<String, Object> fieldErrors = new HashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(String.valueOf(e.getOrDefault("field", "reason")), e.get("message")));
        model.put("fieldErrors", fieldErrors);
        Map<String, Object> values = new HashMap<>(form);
        values.remove(Csrf.FIELD);
        model.put("form", values);
        if (!errors.isEmpty()) {
            model.put("title", "Error: Reference request");
        }
        if (found.status() == RequestStatus.PROVIDED) {
            ReferenceDao.ProvidedReference reference = requests.read(callers.authorityUser(authentication), uuid);
            model.put("reference", ReferenceView.of(reference, name(reference.refereeAuthority()), name(reference.requesterAuthority())));
            model.put("shared", reference.sharedWithWorkerOn() == null ? null
                    : "Shared with the worker on " + reference.sharedWithWorkerOn() + " (" + reference.sharedWithWorkerMethod() + ").");
            model.put("title", "Reference from " + name(reference.refereeAuthority()));
        }
        return html.page("reference-request", model, request);
    }

    @Post(value = "/requests/{id}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> decline(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                        @Body Map<String, String> form) {
        UUID uuid = uuid(id);
        String reason = blank(form.get("reason"));
        if (reason == null) {
            return oneWithError(request, authentication, uuid, "Say why your council cannot give the reference, for example "
                    + "'the worker was never employed by us'");
        }
        try {
            requests.decline(callers.authorityUser(authentication), uuid, new ReferenceRequests.Decline(reason));
        } catch (ApiProblem problem) {
            return oneWithError(request, authentication, uuid, problem.getMessage());
        }
        return HttpResponse.seeOther(URI.create("/references/requests/" + uuid));
    }

    private HttpResponse<String> oneWithError(HttpRequest<?> request, Authentication authentication, UUID id, String message) {
        HttpResponse<String> page = one(request, authentication, id.toString(), List.of(Pages.row("link", "reason", "message", message)));
        return HttpResponse.<String>status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE).body(page.body());
    }

    @Get(value = "/requests/{id}/provide", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> provideForm(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Caller caller = callers.authorityUser(authentication);
        ReferenceRequest found = requests.one(callers.authorityUser(authentication), uuid(id));
        Map<String, String> defaults = new HashMap<>();
        defaults.put("role", found.role());
        defaults.put("engagementType", found.engagementType());
        LocalDate today = LocalDate.now(clock);
        defaults.put("writtenOn-day", Integer.toString(today.getDayOfMonth()));
        defaults.put("writtenOn-month", Integer.toString(today.getMonthValue()));
        defaults.put("writtenOn-year", Integer.toString(today.getYear()));
        return provide(request, caller, found, defaults, List.of(), HttpStatus.OK);
    }

    @Post(value = "/requests/{id}/provide", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> provide(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                        @Body Map<String, String> form) {
        Caller caller = callers.authorityUser(authentication);
        UUID uuid = uuid(id);
        ReferenceRequest found = requests.one(callers.authorityUser(authentication), uuid);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate start = date(form, "startDate", "The start date", errors);
        LocalDate end = date(form, "endDate", "The end date", errors);
        LocalDate written = date(form, "writtenOn", "The date the reference was written", errors);
        if (!errors.isEmpty()) {
            return provide(request, caller, found, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        ReferenceTemplate reference = new ReferenceTemplate(blank(form.get("role")), blank(form.get("engagementType")), start, end,
                blank(form.get("reasonForLeaving")),
                practice(form),
                new ReferenceTemplate.Conduct(answer(form, "conduct.safeguardingConcern"), disciplinary(form, "conduct.disciplinaryAction"),
                        answer(form, "conduct.capabilityProcedures")),
                new ReferenceTemplate.WouldReemploy(blank(form.get("wouldReemploy.answer")), blank(form.get("wouldReemploy.reason"))),
                new ReferenceTemplate.Author(blank(form.get("writtenBy.name")), blank(form.get("writtenBy.jobTitle"))), written);
        try {
            requests.provide(callers.authorityUser(authentication), uuid, new ReferenceRequests.Provide(form.get("registrationNumber"), reference));
            return HttpResponse.seeOther(URI.create("/references/requests/" + uuid));
        } catch (ApiProblem problem) {
            return provide(request, caller, found, form, errors(problem, Map.of()), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<String> ask(HttpRequest<?> request, Caller caller, Map<String, String> form, List<Map<String, Object>> errors,
                                     HttpStatus status) {
        Map<String, Object> model = pages.model(request, caller, errors.isEmpty() ? "Ask for a reference" : "Error: Ask for a reference");
        String own = caller.authorityCode().orElseThrow();
        String region = caller.homeRegion().orElseThrow();
        model.put("referees", regions.authorities(region).stream().filter(Authority::active).filter(a -> !a.code().equals(own))
                .map(a -> Pages.row("code", a.code(), "name", a.name(), "selected", a.code().equals(form.get("refereeAuthority")))).toList());
        model.put("roles", ReferenceTemplatePolicy.ROLES.stream().map(r -> Pages.row("code", r, "label", ReferenceView.words(r), "selected", r.equals(form.get("role")))).toList());
        return form(model, form, errors, "reference-ask", request, status);
    }

    private HttpResponse<String> provide(HttpRequest<?> request, Caller caller, ReferenceRequest found, Map<String, String> form,
                                         List<Map<String, Object>> errors, HttpStatus status) {
        Map<String, Object> model = pages.model(request, caller, errors.isEmpty() ? "Provide a reference" : "Error: Provide a reference");
        model.put("request", row(found, found.requesterAuthority()));
        model.put("practice", PRACTICE.stream().map(p -> Pages.row("name", "practice." + p, "id", "practice-" + p, "label", ReferenceView.practiceLabel(p))).toList());
        return form(model, form, errors, "reference-provide", request, status);
    }

    /** Radio options (value, words) for the values a schema allows, those named first in that order, any others after. */
    static List<List<String>> options(List<String> allowed, String... order) {
        List<String> ordered = new java.util.ArrayList<>(List.of(order));
        ordered.retainAll(allowed);
        allowed.stream().filter(v -> !ordered.contains(v)).forEach(ordered::add);
        return ordered.stream().map(v -> List.of(v, ReferenceView.words(v))).toList();
    }

    private HttpResponse<String> form(Map<String, Object> model, Map<String, String> form, List<Map<String, Object>> errors, String view,
                                      HttpRequest<?> request, HttpStatus status) {
        Pages.withForm(model, form, errors, "registrationNumber"); // never shown back: typed again if the form returns with errors
        model.put("engagementTypes", List.of(List.of("PERMANENT", "Permanent"), List.of("AGENCY", "Agency")));
        // the answers are the schema's (what it allows, the page offers); the page only orders them
        model.put("ratings", options(ReferenceTemplatePolicy.RATINGS));
        model.put("yesNo", options(ReferenceTemplatePolicy.YES_NO, "NO", "YES"));
        model.put("disciplinary", options(ReferenceTemplatePolicy.DISCIPLINARY, "NONE", "CURRENT", "EXPIRED"));
        model.put("reemploy", options(ReferenceTemplatePolicy.REEMPLOY, "YES", "WITH_RESERVATIONS", "NO"));
        return html.page(status, view, model, request);
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

    private static LocalDate date(Map<String, String> form, String name, String what, List<Map<String, Object>> errors) {
        try {
            return DateField.read(form, name, what);
        } catch (IllegalArgumentException e) {
            errors.add(Pages.row("field", name + "-day", "link", name + "-day", "message", e.getMessage()));
            return null;
        }
    }

    private static void require(Map<String, String> form, String field, String message, List<Map<String, Object>> errors) {
        if (blank(form.get(field)) == null) {
            errors.add(Pages.row("field", field, "link", field, "message", message));
        }
    }

    /** The API's violations as the form's fields: "reference.practice.recording" is the field practice.recording. */
    private static List<Map<String, Object>> errors(ApiProblem problem, Map<String, String> renamed) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Problem.Violation> violations = problem.violations().isEmpty()
                ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage())) : problem.violations();
        for (Problem.Violation v : violations) {
            String field = v.field() == null ? "registrationNumber" : v.field().replaceFirst("^reference\\.", "").replace('/', '.');
            field = renamed.getOrDefault(field, field);
            if (field.endsWith("Date") || field.equals("writtenOn")) {
                field = field + "-day";
            }
            String link = field.endsWith("-day") ? field : field.replace('.', '-').replaceFirst("-answer$", "");
            errors.add(Pages.row("field", field, "link", link, "message", v.message()));
        }
        return errors;
    }

    private static ReferenceTemplate.Answer answer(Map<String, String> form, String name) {
        String answer = blank(form.get(name + ".answer"));
        String details = blank(form.get(name + ".details"));
        return answer == null && details == null ? null : new ReferenceTemplate.Answer(answer, details);
    }

    private static ReferenceTemplate.DisciplinaryAnswer disciplinary(Map<String, String> form, String name) {
        ReferenceTemplate.Answer given = answer(form, name);
        return given == null ? null : new ReferenceTemplate.DisciplinaryAnswer(given.answer(), given.details());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PageProblem(404, "Page not found", "There is no such reference request.");
        }
    }


}
