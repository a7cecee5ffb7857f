package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Who holds references about a worker: the memorandum's councils that wrote, received or reviewed one, named by the
 * registration number the asker types (pseudonymised at once), within the lookup limits; audited. One use case under
 * the API ({@link HoldersController}) and the pages ({@link ReferencePages}).
 */
@Singleton
public class ReferenceHolders {

    @Serdeable
    public record Lookup(@Nullable String registrationNumber) {
    }

    /** holds: REFERENCE_WRITTEN, REFERENCE_RECEIVED or PLACEMENT_REVIEW. */
    @Serdeable
    public record Holder(String authorityCode, String authorityName, String holds) {
    }

    private final java.time.Clock clock;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final ReferenceDao references;
    private final Regions regions;
    private final AuditTrail audit;
    private final HolderLookupLimits limits;

    public ReferenceHolders(TenantTransactions transactions, Pseudonymiser pseudonymiser,
                             SignatoryPolicy signatories, ReferenceDao references, Regions regions, AuditTrail audit,
                             HolderLookupLimits limits, java.time.Clock clock) {
        this.clock = clock;
        this.limits = limits;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.references = references;
        this.regions = regions;
        this.audit = audit;
    }

    /** Which signatory authorities hold references or end-of-placement reviews for a worker. */
    public List<Holder> holders(Caller caller, Lookup body) {
        Pseudonym worker = pseudonymiser.pseudonymOf(RegistrationNumber.parse(body.registrationNumber(), "registrationNumber"));
        return transactions.write(caller, () -> {
            signatories.requireSignatory(caller, LocalDate.now(clock));
            int lookupsThisHour = limits.count(caller.authorityCode().orElseThrow(), caller.user());
            List<Holder> holders = references.holders(worker).stream().map(h -> new Holder(h.authorityCode(),
                    regions.authority(h.authorityCode()).map(Authority::name).orElse(h.authorityCode()), h.holds())).toList();
            audit.record(caller, AuditAction.REFERENCE_HOLDERS_LOOKED_UP, "worker", null, Map.of("holders", holders.size(), "lookupsThisHour", lookupsThisHour));
            return holders;
        });
    }
}
