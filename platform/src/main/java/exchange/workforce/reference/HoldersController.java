package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Whom to ask: which signatory authorities hold references or reviews about a worker, without their content. */
@Controller("/api/v1/references/holders")
@Secured("REFERENCE_OFFICER")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "References")
@exchange.workforce.problem.ProblemResponses
public class HoldersController {

    private final java.time.Clock clock;
    private final Callers callers;
    private final TenantTransactions transactions;
    private final Pseudonymiser pseudonymiser;
    private final SignatoryPolicy signatories;
    private final ReferenceDao references;
    private final Regions regions;
    private final AuditTrail audit;
    private final HolderLookupLimits limits;

    public HoldersController(Callers callers, TenantTransactions transactions, Pseudonymiser pseudonymiser,
                             SignatoryPolicy signatories, ReferenceDao references, Regions regions, AuditTrail audit,
                             HolderLookupLimits limits, java.time.Clock clock) {
        this.clock = clock;
        this.limits = limits;
        this.callers = callers;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.signatories = signatories;
        this.references = references;
        this.regions = regions;
        this.audit = audit;
    }

    @Serdeable
    public record Lookup(@Nullable String registrationNumber) {
    }

    /** holds: REFERENCE_WRITTEN, REFERENCE_RECEIVED or PLACEMENT_REVIEW. */
    @Serdeable
    public record Holder(String authorityCode, String authorityName, String holds) {
    }

    @Post
    @Operation(operationId = "referenceHoldersHolders", summary = "Which signatory authorities hold references or end-of-placement reviews for a worker",
            description = "Send the registration number in the body. Answers authorities of your own memorandum only, never "
                    + "content; the look-up is audited and limited to " + HolderLookupLimits.PER_USER_PER_HOUR + " an hour per "
                    + "person and " + HolderLookupLimits.PER_AUTHORITY_PER_DAY + " a day per authority (429 beyond).")
    public List<Holder> holders(Authentication authentication, @Body Lookup body) {
        Caller caller = callers.authorityUser(authentication);
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
