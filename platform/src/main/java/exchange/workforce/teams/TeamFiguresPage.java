package exchange.workforce.teams;

import exchange.workforce.identity.Callers;
import exchange.workforce.web.Form;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/** The council page's choice of who sees its team figures (the form under "Teams and offices"). Same use case as the API. */
@Controller("/council/team-figures-sharing")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("AUTHORITY_SUBMITTER")
public class TeamFiguresPage {

    private final Callers callers;
    private final TeamFiguresSharing sharing;

    public TeamFiguresPage(Callers callers, TeamFiguresSharing sharing) {
        this.callers = callers;
        this.sharing = sharing;
    }

    /** Whether the council's team figures are shared with its region: the radios offer "true" and "false". */
    @Introspected
    public record SharingForm(String shared) implements Form {
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> decide(Authentication authentication, @Body SharingForm form) {
        // the radios offer only these two; anything else keeps the figures inside the council, as before
        if ("true".equals(form.shared()) || "false".equals(form.shared())) {
            sharing.decide(callers.authorityUser(authentication), new TeamFiguresSharing.Change(Boolean.valueOf(form.shared())));
        }
        return HttpResponse.seeOther(URI.create("/council#lever-teams"));
    }
}
