package exchange.workforce.contacts;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A council's named contacts (who to ask about references, returns or agency rules): listed, read, added and removed
 * by the council itself, each change audited. The use case under the API ({@link ContactController}).
 */
@Singleton
public class CouncilContacts {

    private final TenantTransactions transactions;
    private final ContactDao contacts;
    private final AuditTrail audit;

    public CouncilContacts(TenantTransactions transactions, ContactDao contacts, AuditTrail audit) {
        this.transactions = transactions;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Your authority's contacts. */
    public List<Contact> list(Caller caller) {
        return transactions.read(caller, () -> contacts.ofAuthority(caller.authorityCode().orElseThrow()));
    }

    /** One of your authority's contacts. */
    public Contact one(Caller caller, UUID id) {
        return transactions.read(caller, () -> contacts.find(caller.authorityCode().orElseThrow(), id))
                .orElseThrow(() -> ApiProblem.notFound("Your authority has no contact with id " + id + "."));
    }

    /** Add a contact for your authority. */
    public Contact add(Caller caller, @Valid NewContact contact) {
        String authority = caller.authorityCode().orElseThrow();
        return transactions.write(caller, () -> {
            UUID id = contacts.insert(authority, contact, caller.user());
            audit.record(caller, AuditAction.CONTACT_ADDED, "authority_contact", id.toString(),
                    Map.of("responsibility", contact.responsibility().name()));
            return contacts.find(authority, id).orElseThrow();
        });
    }

    /** Remove one of your authority's contacts. */
    public void remove(Caller caller, UUID id) {
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
