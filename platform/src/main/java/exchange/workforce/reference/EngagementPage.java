package exchange.workforce.reference;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.GovukDates;
import exchange.workforce.web.DateInput;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.Entered;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.RealDate;
import exchange.workforce.web.Pages;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One engagement in the browser, for the council's reference officer: the references counted towards the two needed
 * (provided here, or recorded from elsewhere), its requests, and the form to record a reference gathered off the
 * platform. Answered by {@link ReadingAnEngagement} and {@link RecordingAReferenceFromElsewhere}, like the API.
 */
@Controller("/references/engagements")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("REFERENCE_OFFICER")
public class EngagementPage {

    private final Callers callers;
    private final ReadingAnEngagement reading;
    private final RecordingAReferenceFromElsewhere recording;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;

    public EngagementPage(Callers callers, ReadingAnEngagement reading, RecordingAReferenceFromElsewhere recording, Pages pages, Html html,
                          FormCheck check) {
        this.callers = callers;
        this.reading = reading;
        this.recording = recording;
        this.pages = pages;
        this.html = html;
        this.check = check;
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> engagement(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return page(request, callers.authorityUser(authentication), uuid(id), null, List.of(), HttpStatus.OK);
    }

    /** A reference given before the platform, as typed; the use case's rules say what else is wrong. */
    @Introspected
    public record ElsewhereForm(String refereeOrganisation, String refereeRole,
                                @RealDate(message = "The day the reference was given must be a real date, for example 27 3 2026") DateInput providedOn,
                                String template, String attested) implements Form {
    }

    @Post(value = "/{id}/elsewhere", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> recordFromElsewhere(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                                    @Body ElsewhereForm form) {
        Caller caller = callers.authorityUser(authentication);
        UUID engagement = uuid(id);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                recording.record(caller, engagement, new ReferenceFromElsewhere.New(form.refereeOrganisation(), form.refereeRole(),
                        form.providedOn().orNull(), form.template(), "yes".equals(form.attested())));
                return HttpResponse.seeOther(URI.create("/references/engagements/" + engagement + "#elsewhere"));
            } catch (ApiProblem problem) {
                if (problem.code().status().getCode() >= 500 || problem.violations().isEmpty()) {
                    throw problem;
                }
                for (Problem.Violation v : problem.violations()) {
                    String field = "providedOn".equals(v.field()) ? "providedOn-day" : v.field();
                    errors.add(new FieldError(field, v.message()));
                }
            }
        }
        return page(request, caller, engagement, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, UUID id, ElsewhereForm form, List<FieldError> errors,
                                      HttpStatus status) {
        Engagements.EngagementView view = reading.read(caller, id);
        String title = ReferenceView.words(view.engagement().role()) + " engagement";
        return html.page(status, "engagement", new EngagementView(pages.layout(request, caller, errors.isEmpty() ? title : "Error: " + title),
                Entered.of(form, errors), id.toString(), ReferenceView.words(view.engagement().role()),
                view.referencesProvided() + " of the " + view.referencesRequired() + " references needed", view.meetsTwoReferenceMinimum(),
                view.requests().stream().map(r -> Pages.row("status", ReferenceView.words(r.status().name()), "due", GovukDates.format(r.dueOn()))).toList(),
                view.fromElsewhere().stream().map(r -> Pages.row("organisation", r.refereeOrganisation(), "role", r.refereeRole(),
                        "on", GovukDates.format(r.providedOn()), "template", "MEMORANDUM_STANDARD".equals(r.template())
                                ? "The memorandum's standard template" : "Another detailed, practice-based template", "by", r.attestedBy())).toList()),
                request);
    }

    /** An engagement: its role, the references counted towards the minimum, its requests, and references recorded from elsewhere. */
    record EngagementView(Layout layout, Entered entered, String id, String role, String counted, boolean meets,
                          List<Map<String, Object>> requests, List<Map<String, Object>> elsewhere) implements PageView {
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("Your authority has no engagement " + id + ".");
        }
    }
}
