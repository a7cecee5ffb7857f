package exchange.workforce.identity;

import exchange.workforce.edge.InputLimits;
import exchange.workforce.tenancy.ReferenceAuthorities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a token must say before the platform acts on it, beyond a valid signature, issuer and audience.
 * Each rule closes a way in:
 * <ul>
 *   <li>a subject: every action is audited against a person;</li>
 *   <li>an expiry, a time of issue and at most {@code wfx.tokens.max-lifetime} (12 hours) between them, neither issued
 *   nor valid from more than a minute ahead: a leaked token without them, or a 900-year one, would work for ever;</li>
 *   <li>a subject that is text (no control character, no half of a character): it is written to the audit trail;</li>
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

    /** The longest a token may last unless configured otherwise (wfx.tokens.max-lifetime). */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(12);
    /** How far ahead of this service's clock an issuer's may run. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final ReferenceAuthorities reference;
    private final Duration maxLifetime;
    private final Supplier<Instant> now;

    public TokenClaimsPolicy(ReferenceAuthorities reference) {
        this(reference, DEFAULT_MAX_LIFETIME, () -> Instant.now(Clock.systemUTC()));
    }

    /** @param now the real time: a token's times are checked against the world's clock, never a test's fixed day */
    public TokenClaimsPolicy(ReferenceAuthorities reference, Duration maxLifetime, Supplier<Instant> now) {
        this.reference = reference;
        this.maxLifetime = maxLifetime;
        this.now = now;
    }

    /** Why the token is refused, or empty if it may be used. {@code claim} reads one claim of the token. */
    public Optional<String> refusal(Function<String, Object> claim) {
        Optional<String> subject = text(claim.apply("sub"));
        if (subject.isEmpty()) {
            return Optional.of("it names no user (claim 'sub' is missing or empty)");
        }
        String problem = subject.get().length() > 256 ? "is longer than 256 characters" : InputLimits.textProblem(subject.get());
        if (problem != null) {
            return Optional.of("its user (claim 'sub') " + problem);
        }
        Optional<Instant> expires = instant(claim.apply("exp"));
        if (expires.isEmpty()) {
            return Optional.of("it has no expiry (claim 'exp')");
        }
        Optional<Instant> issued = instant(claim.apply("iat"));
        if (issued.isEmpty()) {
            return Optional.of("it does not say when it was issued (claim 'iat'), so its lifetime cannot be checked");
        }
        Instant latest = now.get().plus(CLOCK_SKEW);
        if (issued.get().isAfter(latest)) {
            return Optional.of("it says it was issued in the future (claim 'iat' " + issued.get() + ")");
        }
        Optional<Instant> notBefore = instant(claim.apply("nbf"));
        if (notBefore.isPresent() && notBefore.get().isAfter(latest)) {
            return Optional.of("it is not valid until " + notBefore.get() + " (claim 'nbf')");
        }
        if (Duration.between(issued.get(), expires.get()).compareTo(maxLifetime) > 0) {
            return Optional.of("it lasts from " + issued.get() + " to " + expires.get() + ", longer than the most a token may ("
                    + maxLifetime.toHours() + " hours)");
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

    /** A time claim as the JWT library gives it (a Date, an Instant or seconds since 1970). */
    private static Optional<Instant> instant(Object value) {
        if (value instanceof java.util.Date date) {
            return Optional.of(date.toInstant());
        }
        if (value instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (value instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }

    private static Optional<String> text(Object value) {
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }
}
