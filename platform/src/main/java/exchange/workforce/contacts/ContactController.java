package exchange.workforce.contacts;

import exchange.workforce.identity.Callers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** Your authority's named contacts for the memorandum's business. */
@Controller("/api/v1/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts")
@exchange.workforce.problem.ProblemResponses
public class ContactController {

    private final Callers callers;
    private final CouncilContacts councilContacts;

    public ContactController(Callers callers, CouncilContacts councilContacts) {
        this.callers = callers;
        this.councilContacts = councilContacts;
    }

    @Get
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER", "PLANNER"})
    @Operation(operationId = "contactsList", summary = "Your authority's contacts")
    public List<Contact> list(Authentication authentication) {
        return councilContacts.list(callers.authorityUser(authentication));
    }

    @Get("/{id}")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER", "PLANNER"})
    @Operation(operationId = "contactsOne", summary = "One of your authority's contacts", description = "Another authority's contact answers 404.")
    public Contact one(Authentication authentication, @PathVariable UUID id) {
        return councilContacts.one(callers.authorityUser(authentication), id);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post
    @Secured("AUTHORITY_SUBMITTER")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "contactsAdd", summary = "Add a contact for your authority")
    public HttpResponse<Contact> add(Authentication authentication, @Body @Valid NewContact contact) {
        Contact created = councilContacts.add(callers.authorityUser(authentication), contact);
        return HttpResponse.created(created, java.net.URI.create("/api/v1/contacts/" + created.id()));
    }

    @Delete("/{id}")
    @Secured("AUTHORITY_SUBMITTER")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "contactsRemove", summary = "Remove one of your authority's contacts", description = "Another authority's contact answers 404.")
    public void remove(Authentication authentication, @PathVariable UUID id) {
        councilContacts.remove(callers.authorityUser(authentication), id);
    }
}
