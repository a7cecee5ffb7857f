package exchange.workforce.memorandum;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.contacts.Contact;
import exchange.workforce.contacts.Contacts;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a region administrator changes: the memorandum's terms (as new versions) and its members. Region from the token. */
@Controller("/api/v1/region")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
@exchange.workforce.problem.ProblemResponses
public class RegionAdminController {

    private final java.time.Clock clock;
    private final Callers callers;
    private final TenantTransactions transactions;
    private final MemorandumDao memoranda;
    private final Regions regions;
    private final Contacts contacts;
    private final AuditTrail audit;

    public RegionAdminController(Callers callers, TenantTransactions transactions, MemorandumDao memoranda,
                                 Regions regions, Contacts contacts, AuditTrail audit, java.time.Clock clock) {
        this.clock = clock;
        this.callers = callers;
        this.transactions = transactions;
        this.memoranda = memoranda;
        this.regions = regions;
        this.contacts = contacts;
        this.audit = audit;
    }

    @Serdeable
    public record NewMember(
            @Nullable @NotBlank(message = "give the authority's ONS code, e.g. E10000016") String authorityCode,
            @Nullable @NotBlank(message = "name the phase of the memorandum the authority joins, e.g. 'phase 2'") @Size(max = 50) String phase,
            @Nullable @NotNull(message = "say from which date (YYYY-MM-DD) the authority is a member") LocalDate effectiveFrom) {
    }

    @Serdeable
    public record EndMembership(@Nullable @NotNull(message = "say on which date (YYYY-MM-DD) the membership ends") LocalDate effectiveTo) {
    }

    @Post("/terms")
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "regionAdminNewTerms", summary = "Record a new version of your memorandum's terms",
            description = "Earlier versions stay as they were; the new one is in force from its effectiveFrom.")
    public MemorandumTerms newTerms(Authentication authentication, @Body @Valid NewTerms terms) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        return transactions.write(caller, () -> {
            memoranda.lockTerms(region);
            TermsVersioningPolicy.check(memoranda.termsHistory(region).stream().findFirst(), terms.effectiveFrom(), LocalDate.now(clock));
            int version = memoranda.insertTerms(region, terms, caller.user());
            audit.record(caller, AuditAction.MEMORANDUM_TERMS_VERSIONED, "memorandum_terms", region + "/v" + version,
                    Map.of("effectiveFrom", terms.effectiveFrom().toString(), "reason", terms.changeReason()));
            return memoranda.termsHistory(region).get(0);
        });
    }

    @Post("/members")
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "regionAdminAddMember", summary = "Add an authority of your region to the memorandum")
    public List<Membership> addMember(Authentication authentication, @Body @Valid NewMember member) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        Authority authority = authorityInRegion(member.authorityCode(), region);
        return transactions.write(caller, () -> {
            if (memoranda.isOrWillBeMember(region, authority.code(), member.effectiveFrom())) {
                throw new ApiProblem(ProblemCode.ALREADY_A_MEMBER, "authorityCode", authority.name()
                        + " is already a member of the memorandum on " + member.effectiveFrom() + ".");
            }
            memoranda.addMember(region, authority.code(), member.phase().trim(), member.effectiveFrom());
            audit.record(caller, AuditAction.MEMBERSHIP_ADDED, "memorandum_membership", authority.code(),
                    Map.of("phase", member.phase(), "effectiveFrom", member.effectiveFrom().toString()));
            return memoranda.membersOn(region, member.effectiveFrom());
        });
    }

    @Post("/members/{authorityCode}/end")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "regionAdminEndMembership", summary = "End an authority's membership of your memorandum on a date")
    public List<Membership> endMembership(Authentication authentication, @PathVariable String authorityCode,
                                          @Body @Valid EndMembership end) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        Authority authority = authorityInRegion(authorityCode, region);
        return transactions.write(caller, () -> {
            if (!memoranda.endMembership(region, authority.code(), end.effectiveTo())) {
                throw ApiProblem.notFound(authority.name() + " has no open membership that started before "
                        + end.effectiveTo() + ".");
            }
            audit.record(caller, AuditAction.MEMBERSHIP_ENDED, "memorandum_membership", authority.code(),
                    Map.of("effectiveTo", end.effectiveTo().toString()));
            return memoranda.membersOn(region, LocalDate.now(clock));
        });
    }

    @Get("/contacts")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionAdminContacts", summary = "The named contacts of your region's authorities, e.g. to chase a return")
    public List<Contact> contacts(Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        return transactions.read(caller, () -> contacts.ofRegion(caller.regionCode().orElseThrow()));
    }

    private Authority authorityInRegion(String code, String region) {
        Authority authority = regions.authority(code).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED,
                "authorityCode", "There is no authority '" + code + "'. Use its ONS code, e.g. E10000016."));
        if (!authority.regionCode().equals(region)) {
            throw new ApiProblem(ProblemCode.AUTHORITY_NOT_IN_REGION, "authorityCode", authority.name()
                    + " is in region " + authority.regionCode() + ", not yours (" + region + ").");
        }
        return authority;
    }
}
