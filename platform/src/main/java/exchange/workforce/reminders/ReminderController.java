package exchange.workforce.reminders;

import exchange.workforce.identity.Callers;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The region's reminders: its schedule and its outbox. Region from the token. */
@Controller("/api/v1/region/reminders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Memorandum")
@exchange.workforce.problem.ProblemResponses
public class ReminderController {

    private final Callers callers;
    private final Reminders reminders;

    public ReminderController(Callers callers, Reminders reminders) {
        this.callers = callers;
        this.reminders = reminders;
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionReminders", summary = "Your region's reminder e-mails about members' returns: queued, sent and cancelled",
            description = "Newest first (500 at most), each with its recipient, subject, body and state; the schedule; whether e-mail is "
                    + "configured on this service (mailConfigured; if not, reminders wait in the outbox); and the members with no contact "
                    + "for workforce returns, whom no reminder can reach. A council's own reminders (reference requests, agency "
                    + "assignments ending) are not here: they are its business alone.")
    public Reminders.Outbox outbox(Authentication authentication) {
        return reminders.outbox(callers.regionalUser(authentication));
    }

    @Get("/schedule")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionReminderSchedule", summary = "When your region's reminders go (off until your administrator sets it)")
    public ReminderSchedule schedule(Authentication authentication) {
        return reminders.schedule(callers.regionalUser(authentication));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Put("/schedule")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "setRegionReminderSchedule", summary = "Set when your region's reminders go",
            description = "enabled, and the days: before a return's due date (1–60), after it (1–60), before a reference request's due "
                    + "date (1–30) and before an agency assignment's planned end (1–90). Each reminder goes once to each contact the "
                    + "council named for it; none about a period more than 30 days past its reminder day.")
    public ReminderSchedule set(Authentication authentication, @Body ReminderSchedule.Change change) {
        return reminders.setSchedule(callers.regionalUser(authentication), change);
    }
}
