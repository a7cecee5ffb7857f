package exchange.workforce.reminders;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.web.Entered;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.Html;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
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
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The region's reminders in the browser: the outbox, and the administrator's schedule. Same use case as the API. */
@Controller("/region/reminders")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
public class ReminderPage {

    static final List<String> DAYS = List.of("returnDueDaysBefore", "returnOverdueDaysAfter", "referenceDueDaysBefore", "assignmentEndDaysBefore");
    /** Each field's words and its largest number of days (the schedule's own rules say the same). */
    static final Map<String, String> WORDS = Map.of("returnDueDaysBefore", "Days before a return is due must be between 1 and 60",
            "returnOverdueDaysAfter", "Days after a return was due must be between 1 and 60",
            "referenceDueDaysBefore", "Days before a reference request is due must be between 1 and 30",
            "assignmentEndDaysBefore", "Days before an agency assignment is planned to end must be between 1 and 90");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final Callers callers;
    private final Reminders reminders;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;

    public ReminderPage(Callers callers, Reminders reminders, Pages pages, Html html, FormCheck check) {
        this.callers = callers;
        this.reminders = reminders;
        this.pages = pages;
        this.html = html;
        this.check = check;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> outbox(HttpRequest<?> request, Authentication authentication) {
        return page(request, callers.regionalUser(authentication), null, List.of(), HttpStatus.OK);
    }

    /** The schedule as typed: whether reminders go, and each number of days (whole numbers, checked by the schedule's own rules). */
    @Introspected
    public record ScheduleForm(
            @NotNull(message = "Select whether your region sends reminders")
            @Pattern(regexp = "true|false", message = "Select whether your region sends reminders") String enabled,
            @NotNull(message = WHOLE_DAYS) @Pattern(regexp = "\\d{1,3}", message = WHOLE_DAYS) String returnDueDaysBefore,
            @NotNull(message = WHOLE_DAYS) @Pattern(regexp = "\\d{1,3}", message = WHOLE_DAYS) String returnOverdueDaysAfter,
            @NotNull(message = WHOLE_DAYS) @Pattern(regexp = "\\d{1,3}", message = WHOLE_DAYS) String referenceDueDaysBefore,
            @NotNull(message = WHOLE_DAYS) @Pattern(regexp = "\\d{1,3}", message = WHOLE_DAYS) String assignmentEndDaysBefore) implements Form {

        ReminderSchedule.Change change() {
            return new ReminderSchedule.Change(Boolean.valueOf(enabled), Integer.valueOf(returnDueDaysBefore), Integer.valueOf(returnOverdueDaysAfter),
                    Integer.valueOf(referenceDueDaysBefore), Integer.valueOf(assignmentEndDaysBefore));
        }
    }

    private static final String WHOLE_DAYS = "Enter a whole number of days, for example 7";

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> setSchedule(HttpRequest<?> request, Authentication authentication, @Body ScheduleForm form) {
        Caller caller = callers.regionalUser(authentication);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                reminders.setSchedule(caller, form.change());
                return HttpResponse.seeOther(URI.create("/region/reminders"));
            } catch (ConstraintViolationException e) {
                e.getConstraintViolations().forEach(v -> {
                    String path = v.getPropertyPath().toString();
                    String field = DAYS.stream().filter(path::endsWith).findFirst().orElse("enabled");
                    errors.add(new FieldError(field, WORDS.getOrDefault(field, v.getMessage())));
                });
            }
        }
        return page(request, caller, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** The reminders page: the region's schedule (and its form, for an administrator) and the outbox. */
    record RemindersView(Layout layout, Entered entered, boolean admin, ReminderSchedule schedule, boolean mailConfigured, String setBy,
                         List<String> withoutContact, List<Map<String, Object>> reminders) implements PageView {
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, ScheduleForm form, List<FieldError> errors,
                                      HttpStatus status) {
        Reminders.Outbox outbox = reminders.outbox(caller);
        ReminderSchedule schedule = outbox.schedule();
        ScheduleForm shown = form != null ? form : new ScheduleForm(String.valueOf(schedule.enabled()),
                String.valueOf(schedule.returnDueDaysBefore()), String.valueOf(schedule.returnOverdueDaysAfter()),
                String.valueOf(schedule.referenceDueDaysBefore()), String.valueOf(schedule.assignmentEndDaysBefore()));
        return html.page(status, "region-reminders", new RemindersView(pages.layout(request, caller, errors.isEmpty() ? "Reminders" : "Error: Reminders"),
                Entered.of(shown, errors), caller.has(Role.REGION_ADMIN), schedule, outbox.mailConfigured(),
                schedule.setBy() == null ? null : schedule.setBy() + ", " + WHEN.format(schedule.setAt()), outbox.membersWithoutReturnsContact(),
                outbox.reminders().stream().map(r -> Pages.row("council", r.authorityName(), "kind", r.kind().words(),
                        "to", r.recipientName() + " (" + r.recipientEmail() + ")", "subject", r.subject(), "queued", WHEN.format(r.queuedAt()),
                        "state", r.sentAt() == null ? r.state() : "Sent " + WHEN.format(r.sentAt()))).toList()), request);
    }
}
