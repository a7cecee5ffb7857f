package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Figures;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.GovukDates;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Entered;
import exchange.workforce.web.Html;
import exchange.workforce.web.PageProblem;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A return entered in the browser, the GOV.UK way: choose the period, answer one question page per section (each saved
 * as a draft and checked as it is saved), check your answers, submit; and one figure of a stored return corrected with a
 * reason. Every action is {@link EnteringAReturn}'s, as under the API; every submission ends in a redirect, so Back and
 * refresh never send it again.
 */
@Controller("/returns")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("AUTHORITY_SUBMITTER")
public class OnlineReturnPages {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Callers callers;
    private final EnteringAReturn entering;
    private final ReadingAReturn reading;
    private final ReturnQuestions questions;
    private final SubmissionWindows windows;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;
    private final Clock clock;
    private final exchange.workforce.measures.MeasureCatalogue catalogue;

    public OnlineReturnPages(Callers callers, EnteringAReturn entering, ReadingAReturn reading, ReturnQuestions questions,
                             SubmissionWindows windows, Pages pages, Html html, Clock clock,
                             exchange.workforce.measures.MeasureCatalogue catalogue, FormCheck check) {
        this.check = check;
        this.catalogue = catalogue;
        this.callers = callers;
        this.entering = entering;
        this.reading = reading;
        this.questions = questions;
        this.windows = windows;
        this.pages = pages;
        this.html = html;
        this.clock = clock;
    }

    @Get(value = "/online", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> start(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.authorityUser(authentication);
        return startPage(request, caller, new StartForm(null, "stored"), List.of(), HttpStatus.OK);
    }

    /** Which return to enter ({@code <period type>/<period>}, from the page's list) and where to start: "stored" figures or "blank". */
    @Introspected
    public record StartForm(@NotNull(message = "Select the return you are entering") @Pattern(regexp = "[A-Z_]+/.+",
            message = "Select the return you are entering") String period, String start) implements Form {
    }

    @Post(value = "/online", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> begin(HttpRequest<?> request, Authentication authentication, @Body StartForm form) {
        Caller caller = callers.authorityUser(authentication);
        List<FieldError> wrong = check.problems(form);
        if (!wrong.isEmpty()) {
            return startPage(request, caller, form, wrong, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        int slash = form.period().indexOf('/');
        try {
            ReturnDraft draft = entering.start(caller, form.period().substring(0, slash), form.period().substring(slash + 1), !"blank".equals(form.start()));
            return HttpResponse.seeOther(URI.create(ReturnAddresses.draft(draft)));
        } catch (ApiProblem refused) {
            return startPage(request, caller, form, List.of(new FieldError("period", refused.getMessage())), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    /** The draft's sections, each with its status, and the way on to checking and submitting. */
    @Get(value = "/online/{periodType}/{period}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> draft(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                      @PathVariable String period) {
        Caller caller = callers.authorityUser(authentication);
        Optional<ReturnDraft> found = entering.draft(caller, periodType, period);
        if (found.isEmpty()) {
            return submittedAlready(periodType, period);
        }
        ReturnDraft draft = found.get();
        String label = draft.periodType().label(draft.period());

        String heading = label;
        String startedFrom = draft.startedFrom() == null ? "" : draft.startedFrom();
        String updated = GovukDates.format(draft.updatedAt().atZone(UK).toLocalDate()) + " by " + draft.updatedBy();
        List<Map<String, Object>> sections = new ArrayList<>();
        int answered = 0;
        for (ReturnQuestions.Section section : questions.sections(caller, draft.answers().keySet())) {
            long given = section.questions().stream().filter(q -> draft.answers().containsKey(q.key())).count();
            answered += (int) given;
            boolean done = draft.sectionsDone().contains(section.theme());
            sections.add(Pages.row("title", section.title(), "href", ReturnAddresses.draft(draft) + "/section/" + section.theme(),
                    "id", "section-" + section.theme(), "done", done,
                    "status", done ? "Completed" : given > 0 ? "In progress" : "Not yet started",
                    "hint", given + " of " + section.questions().size() + " figures given"));
        }

        String checkHref = ReturnAddresses.draft(draft) + "/check";
        String discardAction = ReturnAddresses.draft(draft) + "/discard";
        return html.page("return-online", new DraftView(pages.layout(request, caller, "Enter your return: " + label),
                heading, startedFrom, updated, sections, answered, checkHref, discardAction), request);
    }

    /** One section's question page: each figure's total, then its breakdowns, with what was typed before. */
    @Get(value = "/online/{periodType}/{period}/section/{theme}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> section(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                        @PathVariable String period, @PathVariable String theme) {
        Caller caller = callers.authorityUser(authentication);
        ReturnDraft draft = draftOf(caller, periodType, period);
        return sectionPage(request, caller, draft, theme, draft.answers(), List.of(), HttpStatus.OK);
    }

    /** A section's figures as typed, keyed {@code measure|breakdown} (every field but "then"), and where to go next ("next" or back to the list). */
    @Introspected
    public record SectionForm(String then, Map<String, String> answers) implements Form {
    }

    @Post(value = "/online/{periodType}/{period}/section/{theme}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> saveSection(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                            @PathVariable String period, @PathVariable String theme, @Body SectionForm form) {
        Caller caller = callers.authorityUser(authentication);
        ReturnDraft draft = draftOf(caller, periodType, period);
        try {
            ReturnDraft saved = entering.saveSection(caller, periodType, period, theme, form.answers());
            List<ReturnQuestions.Section> sections = questions.sections(caller, saved.answers().keySet());
            String next = ReturnAddresses.draft(saved);
            if ("next".equals(form.then())) {
                for (int i = 0; i < sections.size() - 1; i++) {
                    if (sections.get(i).theme().equals(theme)) {
                        next = ReturnAddresses.draft(saved) + "/section/" + sections.get(i + 1).theme();
                    }
                }
            }
            return HttpResponse.seeOther(URI.create(next));
        } catch (ApiProblem refused) {
            if (refused.violations() == null || refused.violations().isEmpty()) {
                throw new PageProblem(404, "Page not found", refused.getMessage());
            }
            Map<String, String> typed = new HashMap<>(draft.answers());
            typed.putAll(form.answers());
            return sectionPage(request, caller, draft, theme, typed, linked(refused.violations(), ""), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    /** Check your answers: every figure given, by section, with a link to change it; what the rules say of the whole. */
    @Get(value = "/online/{periodType}/{period}/check", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> check(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                      @PathVariable String period) {
        Caller caller = callers.authorityUser(authentication);
        Optional<ReturnDraft> draft = entering.draft(caller, periodType, period);
        return draft.isEmpty() ? submittedAlready(periodType, period) : checkPage(request, caller, draft.get(), "", List.of(), HttpStatus.OK);
    }

    /** Why the return corrects the stored one (when it does), and the page's key against sending it twice. */
    @Introspected
    public record SubmitForm(String reason, String idempotencyKey) implements Form {
    }

    @Post(value = "/online/{periodType}/{period}/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> submit(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                       @PathVariable String period, @Body SubmitForm form) {
        Caller caller = callers.authorityUser(authentication);
        Optional<ReturnDraft> draft = entering.draft(caller, periodType, period);
        if (draft.isEmpty()) {
            return submittedAlready(periodType, period);
        }
        try {
            SubmittedReturn stored = entering.submit(caller, periodType, period, form.reason(), IdempotencyKeys.check(form.idempotencyKey()));
            return HttpResponse.seeOther(URI.create(ReturnAddresses.submitted(stored)));
        } catch (ApiProblem refused) {
            return checkPage(request, caller, draft.get(), form.reason() == null ? "" : form.reason(), linked(refused.violations(), refused.getMessage()),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    /** Are you sure? Deleting the answers cannot be undone (stored versions are untouched). */
    @Get(value = "/online/{periodType}/{period}/discard", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> confirmDiscard(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                               @PathVariable String period) {
        Caller caller = callers.authorityUser(authentication);
        Optional<ReturnDraft> draft = entering.draft(caller, periodType, period);
        if (draft.isEmpty()) {
            return submittedAlready(periodType, period);
        }
        String label = draft.get().periodType().label(draft.get().period());

        int answered = draft.get().answers().size();
        String action = ReturnAddresses.draft(draft.get()) + "/discard";
        String back = ReturnAddresses.draft(draft.get());
        return html.page("return-online-discard", new DiscardView(pages.layout(request, caller, "Delete your answers for " + label + "?"),
                label, answered, action, back), request);
    }

    @Post(value = "/online/{periodType}/{period}/discard", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> discard(Authentication authentication, @PathVariable String periodType, @PathVariable String period) {
        entering.discard(callers.authorityUser(authentication), periodType, period);
        return HttpResponse.seeOther(URI.create("/returns"));
    }

    /** One figure of the current version: what it is now, and the form to correct it with a reason. */
    @Get(value = "/{periodType}/{period}/correct", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> correctForm(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                            @PathVariable String period, @Nullable @QueryValue String figure) {
        Caller caller = callers.authorityUser(authentication);
        return correctPage(request, caller, periodType, period, figure == null ? "" : figure, null, List.of(), HttpStatus.OK);
    }

    /** One figure corrected: which ({@code measure|breakdown}), what it should be (blank withdraws it), why, and the page's key. */
    @Introspected
    public record CorrectionForm(String figure, String value, @NotNull(message = "Enter why the figure is being corrected") String reason,
                                 String idempotencyKey) implements Form {
    }

    @Post(value = "/{periodType}/{period}/correct", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> correct(HttpRequest<?> request, Authentication authentication, @PathVariable String periodType,
                                        @PathVariable String period, @Body CorrectionForm form) {
        Caller caller = callers.authorityUser(authentication);
        String figure = form.figure() == null ? "" : form.figure();
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                SubmittedReturn stored = entering.correctOneFigure(caller, periodType, period, figure, form.value(), form.reason(),
                        IdempotencyKeys.check(form.idempotencyKey()));
                return HttpResponse.seeOther(URI.create(ReturnAddresses.submitted(stored)));
            } catch (ApiProblem refused) {
                refused.violations().forEach(v -> errors.add(new FieldError("reason".equals(v.field()) ? "reason" : "value", catalogue.inWords(v.message()))));
                if (errors.isEmpty()) {
                    errors.add(new FieldError("value", refused.getMessage()));
                }
            }
        }
        return correctPage(request, caller, periodType, period, figure, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    // --- pages ---

    private HttpResponse<String> startPage(HttpRequest<?> request, Caller caller, StartForm form, List<FieldError> errors,
                                           HttpStatus status) {

        Map<String, LocalDate> due = new HashMap<>();
        windows.ofYourRegion(caller).forEach(w -> due.put(w.periodType() + "/" + w.period(), w.dueOn()));
        List<Map<String, Object>> options = new ArrayList<>();
        for (Period p : Period.recent(LocalDate.now(clock.withZone(UK)))) {
            String value = p.type() + "/" + p.label();
            LocalDate dueOn = due.get(value);
            options.add(Pages.row("value", value, "label", p.type().label(p.label()) + " (" + GovukDates.format(p.start()) + " to "
                    + GovukDates.format(p.end()) + ")", "hint", dueOn == null ? "" : "Due " + GovukDates.format(dueOn),
                    "checked", value.equals(form.period())));
        }
        List<Map<String, Object>> periods = options;
        List<Map<String, Object>> drafts = entering.drafts(caller).stream().map(d -> Pages.row("label", d.periodType().label(d.period()), "href", ReturnAddresses.draft(d),
                "updated", GovukDates.format(d.updatedAt().atZone(UK).toLocalDate()))).toList();
        return html.page(status, "return-online-start", new StartView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ") + "Enter a return online"),
                Entered.of(form, errors), periods, drafts), request);
    }

    private HttpResponse<String> sectionPage(HttpRequest<?> request, Caller caller, ReturnDraft draft, String theme, Map<String, String> typed,
                                             List<Map<String, Object>> errors, HttpStatus status) {
        List<ReturnQuestions.Section> sections = questions.sections(caller, draft.answers().keySet());
        ReturnQuestions.Section section = sections.stream().filter(s -> s.theme().equals(theme)).findFirst()
                .orElseThrow(() -> new PageProblem(404, "Page not found", "A return has no section '" + theme + "'."));
        Map<String, Object> fieldErrors = new HashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent((String) e.get("link"), e.get("message")));
        String caption = draft.periodType().label(draft.period());
        String heading = section.title();
        String action = ReturnAddresses.draft(draft) + "/section/" + theme;
        String back = ReturnAddresses.draft(draft);
        boolean last = sections.get(sections.size() - 1).theme().equals(theme);
        // one group per measure: its total, then each breakdown value, each with what was typed and its error
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        for (ReturnQuestions.Question q : section.questions()) {
            Map<String, Object> group = groups.computeIfAbsent(q.measure(), m -> Pages.row("legend", q.label(), "hint", q.definition(),
                    "id", ReturnQuestions.id(q.measure() + "|"), "fields", new ArrayList<Map<String, Object>>()));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fields = (List<Map<String, Object>>) group.get("fields");
            boolean brokenDown = section.questions().stream().anyMatch(o -> o.measure().equals(q.measure()) && !o.total());
            fields.add(Pages.row("name", q.key(), "id", q.id(), "label", !q.total() ? q.breakdownWords() : brokenDown ? "In total" : q.label(),
                    "value", typed.getOrDefault(q.key(), ""), "error", fieldErrors.get(q.id()),
                    "prefix", "pounds".equals(q.unit()) ? "£" : "", "suffix", suffix(q.unit())));
        }
        return html.page(status, "return-online-section", new SectionView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ") + section.title()),
                errors, caption, heading, action, back, last, new ArrayList<>(groups.values())), request);
    }

    private HttpResponse<String> checkPage(HttpRequest<?> request, Caller caller, ReturnDraft draft, String reason,
                                           List<Map<String, Object>> submitErrors, HttpStatus status) {
        List<Map<String, Object>> errors = new ArrayList<>(submitErrors);
        List<String> warnings = new ArrayList<>();
        boolean correcting = false;
        int version = 1;
        boolean unchanged = false;
        if (draft.answers().isEmpty()) {
            errors.add(Pages.row("link", "sections", "message", "Give at least one figure before submitting"));
        } else if (errors.isEmpty()) {
            try {
                SubmittedReturn preview = entering.check(caller, draft.periodType().name(), draft.period(), null);
                preview.warnings().forEach(w -> warnings.add(catalogue.inWords(w.message())));
                version = preview.version();
                unchanged = preview.unchanged();
                correcting = preview.version() > 1;
            } catch (ApiProblem refused) {
                errors.addAll(linked(refused.violations(), refused.getMessage()));
            }
        }
        String path = ReturnAddresses.draft(draft);
        List<ReturnQuestions.Section> sections = questions.sections(caller, draft.answers().keySet());
        Map<String, String> sectionOf = new HashMap<>();
        sections.forEach(s -> s.questions().forEach(q -> sectionOf.put(q.id(), s.theme())));
        // an error links to its figure on its section's page; the summary's links go there
        errors.forEach(e -> {
            String theme = sectionOf.get((String) e.get("link"));
            e.put("href", theme == null ? "#" + e.get("link") : path + "/section/" + theme + "#" + e.get("link"));
        });

        String caption = draft.periodType().label(draft.period());
        List<Map<String, Object>> sectionRows = sections.stream().map(s -> Pages.row("title", s.title(), "href", path + "/section/" + s.theme(),
                "answers", s.questions().stream().filter(q -> draft.answers().containsKey(q.key())).map(q -> Pages.row(
                        "label", q.label() + (q.total() ? "" : " — " + q.breakdownWords()), "answer", inWords(draft.answers().get(q.key()), q.unit()),
                        "href", path + "/section/" + s.theme() + "#" + q.id())).toList())).filter(s -> !((List<?>) s.get("answers")).isEmpty()).toList();

        Object reasonError = errors.stream().filter(e -> "reason".equals(e.get("link"))).map(e -> e.get("message")).findFirst().orElse(null);
        String submitAction = path + "/submit";
        String back = path;
        String idempotencyKey = java.util.UUID.randomUUID().toString();
        return html.page(status, "return-online-check", new CheckAnswersView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ")
                + "Check your answers before submitting your return"), errors, caption, sectionRows, warnings, correcting, unchanged, version,
                reason, reasonError, submitAction, back, idempotencyKey), request);
    }

    private HttpResponse<String> correctPage(HttpRequest<?> request, Caller caller, String periodType, String period, String figure,
                                             CorrectionForm form, List<FieldError> errors, HttpStatus status) {
        ReadingAReturn.ReturnView current;
        try {
            current = reading.view(caller, periodType, period, null);
        } catch (ApiProblem problem) {
            throw new PageProblem(404, "Page not found", problem.getMessage());
        }
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        current.values().forEach(v -> known.add(v.measure() + "|" + v.breakdown()));
        known.add(figure);
        ReturnQuestions.Question question = questions.all(caller, known).stream().filter(q -> q.key().equals(figure)).findFirst()
                .orElseThrow(() -> new PageProblem(404, "Page not found", "A return has no figure '" + figure + "'."));
        Optional<ReturnValue> now = current.values().stream().filter(v -> (v.measure() + "|" + v.breakdown()).equals(figure)).findFirst();
        ReturnVersion shown = current.version();

        String caption = shown.periodType().label(shown.period()) + ", version " + shown.version();
        String label = question.label() + (question.total() ? "" : " — " + question.breakdownWords());
        String definition = question.definition();
        String nowInWords = now.map(v -> Figures.format(question.unit(), v.value(), v.symbol())).orElse("Not given");

        String prefix = "pounds".equals(question.unit()) ? "£" : "";
        String suffix = suffix(question.unit());
        String action = "/returns/" + shown.periodType() + "/" + shown.period() + "/correct";
        String back = "/returns/" + shown.periodType() + "/" + shown.period();
        int nextVersion = shown.version() + 1;
        String idempotencyKey = java.util.UUID.randomUUID().toString();
        return html.page(status, "return-correct", new CorrectView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ") + "Correct a figure"),
                Entered.of(form != null ? form : new CorrectionForm(figure, now.map(EnteringAReturn::typed).orElse(""), null, null), errors),
                caption, label, definition, nowInWords, figure, prefix, suffix, action, back, nextVersion, idempotencyKey), request);
    }

    // --- helpers ---

    private ReturnDraft draftOf(Caller caller, String periodType, String period) {
        try {
            return entering.draft(caller, periodType, period).orElseThrow(() -> new PageProblem(404, "Page not found",
                    "You have no return being entered for that period. Start one from Enter a return online."));
        } catch (ApiProblem refused) {
            throw new PageProblem(404, "Page not found", refused.getMessage());
        }
    }

    /**
     * No draft: it was submitted (Back after submitting, a second click) or deleted. The period's stored return says
     * which, and is what the officer wants to see; the return page says so if there is none.
     */
    private static HttpResponse<String> submittedAlready(String periodType, String period) {
        Period p = Period.parse(periodType.toUpperCase(java.util.Locale.ROOT), period)
                .orElseThrow(() -> new PageProblem(404, "Page not found", "'" + periodType + "/" + period + "' is not a period."));
        return HttpResponse.seeOther(URI.create("/returns/" + p.type() + "/" + p.label()));
    }

    /** Each refusal linked to its figure's field (by the key it names), the reason's, or the section list. */
    private List<Map<String, Object>> linked(List<Problem.Violation> violations, String whole) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Problem.Violation v : violations == null ? List.<Problem.Violation>of() : violations) {
            String link = v.field() == null ? "sections" : v.field().contains("|") ? ReturnQuestions.id(v.field())
                    : "reason".equals(v.field()) ? "reason" : "sections";
            errors.add(Pages.row("link", link, "message", catalogue.inWords(v.message())));
        }
        if (errors.isEmpty() && !whole.isEmpty()) {
            errors.add(Pages.row("link", "sections", "message", catalogue.inWords(whole)));
        }
        return errors;
    }

    private static String suffix(String unit) {
        return switch (unit == null ? "" : unit) {
            case "fte" -> "FTE";
            case "headcount" -> "people";
            case "percent" -> "%";
            case "days" -> "days";
            case "months" -> "months";
            default -> "";
        };
    }

    /** An answer as the check page says it: x and z in words, a number with its unit. */
    private static String inWords(String typed, String unit) {
        Optional<Symbol> symbol = Symbol.of(typed);
        if (symbol.isPresent()) {
            return Figures.symbol(symbol.get());
        }
        String suffix = suffix(unit);
        return ("pounds".equals(unit) ? "£" : "") + typed + (suffix.isEmpty() || "%".equals(suffix) ? suffix : " " + suffix);
    }

    /** A return being entered: its sections, each with its status, and the way on to checking and submitting it. */
    record DraftView(Layout layout, String heading, String startedFrom, String updated, List<Map<String, Object>> sections, int answered,
                     String checkHref, String discardAction) implements PageView {
    }

    /** Are you sure: deleting the answers of a return being entered cannot be undone. */
    record DiscardView(Layout layout, String label, int answered, String action, String back) implements PageView {
    }

    /** Starting a return online: which return (with the region's due dates), where to start, and the drafts in progress. */
    record StartView(Layout layout, Entered entered, List<Map<String, Object>> periods, List<Map<String, Object>> drafts) implements PageView {
    }

    /** One section's questions: each measure a group of boxes, its total then its breakdown, with what was typed and its error. */
    record SectionView(Layout layout, List<Map<String, Object>> errors, String caption, String heading, String action, String back,
                       boolean last, List<Map<String, Object>> groups) implements PageView {
    }

    /** Check your answers: every figure by section with a link to change it, what the rules say of the whole, and the submit form. */
    record CheckAnswersView(Layout layout, List<Map<String, Object>> errors, String caption, List<Map<String, Object>> sections,
                            List<String> warnings, boolean correcting, boolean unchanged, int version, String reason, Object reasonError,
                            String submitAction, String back, String idempotencyKey) implements PageView {
    }

    /** Correcting one figure of the current version: what it is now, the box for what it should be, and why. */
    record CorrectView(Layout layout, Entered entered, String caption, String label, String definition, String now, String figure,
                       String prefix, String suffix, String action, String back, int nextVersion, String idempotencyKey) implements PageView {
    }
}
