package exchange.workforce.identity;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link Caller} from a verified token, and refuses callers of the wrong kind for a use. */
@Singleton
public class Callers {

    private final Regions regions;

    public Callers(Regions regions) {
        this.regions = regions;
    }

    public Caller of(Authentication authentication) {
        Optional<String> authorityClaim = claim(authentication, Claims.AUTHORITY);
        Optional<String> regionClaim = claim(authentication, Claims.REGION);
        Optional<Authority> authority = authorityClaim.map(code -> regions.authority(code)
                .filter(found -> found.code().equalsIgnoreCase(code))
                .orElseThrow(() -> new ApiProblem(ProblemCode.TOKEN_NAMES_UNKNOWN_AUTHORITY, Claims.AUTHORITY,
                        "Your sign-in says you work for authority '" + code + "', which is not an English local "
                                + "authority code the platform knows (expected an ONS code such as E10000016). "
                                + "Ask your identity administrator to correct the '" + Claims.AUTHORITY + "' claim.")));
        Optional<String> region = regionClaim.map(code -> regions.regionCode(code)
                .orElseThrow(() -> new ApiProblem(ProblemCode.TOKEN_NAMES_UNKNOWN_AUTHORITY, Claims.REGION,
                        "Your sign-in names region '" + code + "', which is not an English region code "
                                + "(expected an ONS code such as E12000008).")));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : authentication.getRoles()) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknownRole) {
                // roles of other applications in the same identity provider are ignored
            }
        }
        Optional<String> homeRegion = region.or(() -> authority.map(Authority::regionCode));
        return new Caller(authentication.getName(), authority.map(Authority::code), region, homeRegion, roles);
    }

    /** A council user: the token names an authority. */
    public Caller authorityUser(Authentication authentication) {
        Caller caller = of(authentication);
        if (caller.authorityCode().isEmpty()) {
            throw new ApiProblem(ProblemCode.NOT_AN_AUTHORITY_USER, Claims.AUTHORITY,
                    "This is done by a council's own staff; your sign-in names region " + caller.regionCode().orElse("(none)")
                            + ", not an authority. As a regional user you can see your members' returns status "
                            + "(/api/v1/region/returns-status) and compare their figures (/api/v1/benchmarks).");
        }
        return caller;
    }

    /** A regional user: the token names a region. */
    public Caller regionalUser(Authentication authentication) {
        Caller caller = of(authentication);
        if (caller.regionCode().isEmpty()) {
            throw new ApiProblem(ProblemCode.NOT_A_REGIONAL_USER, Claims.REGION,
                    "This is done by regional users; your sign-in does not name a region.");
        }
        return caller;
    }

    private static Optional<String> claim(Authentication authentication, String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }
}
