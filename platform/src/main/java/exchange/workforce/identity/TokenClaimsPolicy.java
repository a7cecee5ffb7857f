package exchange.workforce.identity;

import exchange.workforce.tenancy.ReferenceAuthorities;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a token must say before the platform acts on it, beyond a valid signature, issuer and audience.
 * Each rule closes a way in:
 * <ul>
 *   <li>a subject: every action is audited against a person;</li>
 *   <li>an expiry: a leaked token without one would work for ever;</li>
 *   <li>exactly one of {@code authority} or {@code region}: a council user with a region claim would read
 *   the region's named data;</li>
 *   <li>the authority is a current English local authority (an abolished council's staff sign in under its
 *   successor), the region an English region;</li>
 *   <li>roles that fit the claim: a region claim with at least one regional role and no council-only role,
 *   an authority claim with no regional role.</li>
 * </ul>
 */
public final class TokenClaimsPolicy {

    /** Roles held by regional users only. */
    static final Set<Role> REGIONAL_ONLY = EnumSet.of(Role.REGIONAL_VIEWER, Role.REGION_ADMIN);
    /** Roles held by council users only. */
    static final Set<Role> COUNCIL_ONLY = EnumSet.of(Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER, Role.REFERENCE_OFFICER);

    private final ReferenceAuthorities reference;

    public TokenClaimsPolicy(ReferenceAuthorities reference) {
        this.reference = reference;
    }

    /** Why the token is refused, or empty if it may be used. {@code claim} reads one claim of the token. */
    public Optional<String> refusal(Function<String, Object> claim) {
        if (text(claim.apply("sub")).isEmpty()) {
            return Optional.of("it names no user (claim 'sub' is missing or empty)");
        }
        if (claim.apply("exp") == null) {
            return Optional.of("it has no expiry (claim 'exp')");
        }
        Optional<String> authority = text(claim.apply(Claims.AUTHORITY));
        Optional<String> region = text(claim.apply(Claims.REGION));
        if (authority.isPresent() == region.isPresent()) {
            return Optional.of(authority.isPresent()
                    ? "it names both an authority and a region; a user acts for one or the other"
                    : "it names neither an authority nor a region");
        }
        Set<Role> roles = roles(claim.apply(Role.CLAIM));
        if (authority.isPresent()) {
            String code = authority.get();
            Optional<ReferenceAuthorities.Row> known = reference.authorities().stream()
                    .filter(row -> row.gssCode().equalsIgnoreCase(code)).findFirst();
            if (known.isEmpty()) {
                return Optional.of("authority '" + code + "' is not an English local authority code");
            }
            if (!known.get().active()) {
                return Optional.of("authority '" + code + "' (" + known.get().name() + ") no longer exists");
            }
            if (roles.stream().anyMatch(REGIONAL_ONLY::contains)) {
                return Optional.of("a council user cannot hold the regional roles " + REGIONAL_ONLY);
            }
        } else {
            String code = region.get();
            if (reference.regions().keySet().stream().noneMatch(known -> known.equalsIgnoreCase(code))) {
                return Optional.of("region '" + code + "' is not an English region code");
            }
            if (roles.stream().anyMatch(COUNCIL_ONLY::contains)) {
                return Optional.of("a regional user cannot hold the council roles " + COUNCIL_ONLY);
            }
            if (roles.isEmpty()) {
                return Optional.of("a region claim needs a regional role (REGIONAL_VIEWER, REGION_ADMIN or PLANNER)");
            }
        }
        return Optional.empty();
    }

    private static Set<Role> roles(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static Optional<String> text(Object value) {
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }
}
