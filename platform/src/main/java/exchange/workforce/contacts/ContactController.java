package exchange.workforce.contacts;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.TenantTransactions;
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

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Your authority's named contacts for the memorandum's business. */
@Controller("/api/v1/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts")
@exchange.workforce.problem.ProblemResponses
public class ContactController {

    private final Callers callers;
    private final TenantTransactions transactions;
    private final ContactDao contacts;
    private final AuditTrail audit;

    public ContactController(Callers callers, TenantTransactions transactions, ContactDao contacts, AuditTrail audit) {
        this.callers = callers;
        this.transactions = transactions;
        this.contacts = contacts;
        this.audit = audit;
    }

    @Get
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER", "PLANNER"})
    @Operation(operationId = "contactsList", summary = "Your authority's contacts")
    public List<Contact> list(Authentication authentication) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.read(caller, () -> contacts.ofAuthority(caller.authorityCode().orElseThrow()));
    }

    @Get("/{id}")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER", "PLANNER"})
    @Operation(operationId = "contactsOne", summary = "One of your authority's contacts", description = "Another authority's contact answers 404.")
    public Contact one(Authentication authentication, @PathVariable UUID id) {
        Caller caller = callers.authorityUser(authentication);
        return transactions.read(caller, () -> contacts.find(caller.authorityCode().orElseThrow(), id))
                .orElseThrow(() -> ApiProblem.notFound("Your authority has no contact with id " + id + "."));
    }

    @Post
    @Secured("AUTHORITY_SUBMITTER")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "contactsAdd", summary = "Add a contact for your authority")
    public HttpResponse<Contact> add(Authentication authentication, @Body @Valid NewContact contact) {
        Caller caller = callers.authorityUser(authentication);
        String authority = caller.authorityCode().orElseThrow();
        Contact created = transactions.write(caller, () -> {
            UUID id = contacts.insert(authority, contact, caller.user());
            audit.record(caller, AuditAction.CONTACT_ADDED, "authority_contact", id.toString(),
                    Map.of("responsibility", contact.responsibility().name()));
            return contacts.find(authority, id).orElseThrow();
        });
        return HttpResponse.created(created, URI.create("/api/v1/contacts/" + created.id()));
    }

    @Delete("/{id}")
    @Secured("AUTHORITY_SUBMITTER")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "contactsRemove", summary = "Remove one of your authority's contacts", description = "Another authority's contact answers 404.")
    public void remove(Authentication authentication, @PathVariable UUID id) {
        Caller caller = callers.authorityUser(authentication);
        String authority = caller.authorityCode().orElseThrow();
        transactions.write(caller, () -> {
            if (!contacts.delete(authority, id)) {
                throw ApiProblem.notFound("Your authority has no contact with id " + id + ".");
            }
            audit.record(caller, AuditAction.CONTACT_REMOVED, "authority_contact", id.toString(), Map.of());
            return null;
        });
    }
}
