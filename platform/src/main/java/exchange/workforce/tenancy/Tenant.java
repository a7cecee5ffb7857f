package exchange.workforce.tenancy;

import java.util.Optional;

/**
 * Whom a transaction acts for, as row-level security needs to know it: an authority (council users) or a region
 * (regional users), and the person, for the audit trail. The identity feature's caller is one.
 */
public interface Tenant {

    String user();

    Optional<String> authorityCode();

    Optional<String> regionCode();
}
