package exchange.workforce.memorandum;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.contacts.Contact;
import exchange.workforce.contacts.Contacts;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A region administrator's changes to the memorandum — a new version of the terms, a member added, a membership ended
 * — and the region's contacts: one use case under the API ({@link RegionAdminController}) and the pages
 * ({@link MemorandumPage}, {@link MemorandumAdministrationPage}). Each change is one transaction, audited.
 */
@Singleton
public class MemorandumAdministration {

    @Serdeable
    public record NewMember(
            @Nullable @NotBlank(message = "give the authority's ONS code, e.g. E10000016") String authorityCode,
            @Nullable @NotBlank(message = "name the phase of the memorandum the authority joins, e.g. 'phase 2'") @Size(max = 50) String phase,
            @Nullable @NotNull(message = "say from which date (YYYY-MM-DD) the authority is a member") LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo) {

        /** A membership from a day on, open-ended. */
        public NewMember(String authorityCode, String phase, LocalDate effectiveFrom) {
            this(authorityCode, phase, effectiveFrom, null);
        }
    }

    @Serdeable
    public record EndMembership(@Nullable @NotNull(message = "say on which date (YYYY-MM-DD) the membership ends") LocalDate effectiveTo) {
    }

    private final Clock clock;
    private final TenantTransactions transactions;
    private final MemorandumDao memoranda;
    private final Regions regions;
    private final Contacts contacts;
    private final AuditTrail audit;

    public MemorandumAdministration(TenantTransactions transactions, MemorandumDao memoranda, Regions regions, Contacts contacts,
                                    AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.memoranda = memoranda;
        this.regions = regions;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Records a new version of the caller's region's terms; earlier versions stay as they were. */
    public MemorandumTerms newTerms(Caller caller, @Valid NewTerms terms) {
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

    /**
     * Adds an authority of the caller's region to the memorandum; the members on the day it joins. With an end day it
     * records a membership that has ended (a pilot before phase 1, say), which must not overlap another of the
     * authority's: the impact estimate counts from the start of an unbroken membership.
     */
    public List<Membership> addMember(Caller caller, @Valid NewMember member) {
        String region = caller.regionCode().orElseThrow();
        Authority authority = authorityInRegion(member.authorityCode(), region);
        if (member.effectiveTo() != null && !member.effectiveTo().isAfter(member.effectiveFrom())) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "effectiveTo", "effectiveTo: a membership that has ended ends after it "
                    + "began (" + member.effectiveFrom() + "), not on " + member.effectiveTo() + ". Leave it out for a membership that goes on.");
        }
        return transactions.write(caller, () -> {
            if (member.effectiveTo() == null ? memoranda.isOrWillBeMember(region, authority.code(), member.effectiveFrom())
                    : memoranda.wasMemberBetween(region, authority.code(), member.effectiveFrom(), member.effectiveTo())) {
                java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.UK);
                throw new ApiProblem(ProblemCode.ALREADY_A_MEMBER, "authorityCode", authority.name()
                        + " is already a member of the memorandum " + (member.effectiveTo() == null ? "on " + day.format(member.effectiveFrom())
                        : "for part of " + day.format(member.effectiveFrom()) + " to " + day.format(member.effectiveTo())) + ".");
            }
            memoranda.addMember(region, authority.code(), member.phase().trim(), member.effectiveFrom(), member.effectiveTo());
            Map<String, String> detail = new java.util.LinkedHashMap<>();
            detail.put("phase", member.phase());
            detail.put("effectiveFrom", member.effectiveFrom().toString());
            if (member.effectiveTo() != null) {
                detail.put("effectiveTo", member.effectiveTo().toString());
            }
            audit.record(caller, AuditAction.MEMBERSHIP_ADDED, "memorandum_membership", authority.code(), detail);
            return memoranda.membersOn(region, member.effectiveFrom());
        });
    }

    /** Ends an authority's open membership on a day; today's members. */
    public List<Membership> endMembership(Caller caller, String authorityCode, @Valid EndMembership end) {
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

    /** The named contacts of the caller's region's authorities. */
    public List<Contact> contacts(Caller caller) {
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
