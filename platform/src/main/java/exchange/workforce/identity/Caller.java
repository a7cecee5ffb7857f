package exchange.workforce.identity;

import exchange.workforce.tenancy.Tenant;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the verified token says: never taken from the request.
 *
 * @param user          the token's subject
 * @param authorityCode the caller's authority (ONS code), for council users
 * @param regionCode    the region a regional user acts for; empty for council users
 * @param homeRegion    the region the caller belongs to (a council user's authority's region), for the audit trail
 * @param roles         the roles the token grants
 */
public record Caller(String user, Optional<String> authorityCode, Optional<String> regionCode,
                     Optional<String> homeRegion, Set<Role> roles) implements Tenant {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
