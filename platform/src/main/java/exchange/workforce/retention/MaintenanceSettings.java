package exchange.workforce.retention;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The owner's connection the nightly retention run uses in local mode (production runs the `retention` command instead).
 *
 * @param url      the database
 * @param username the owner role
 * @param password its password
 */
@ConfigurationProperties("wfx.maintenance")
public record MaintenanceSettings(String url, String username, String password) {

    @Override
    public String toString() {
        return "MaintenanceSettings[url=" + url + ", username=" + username + "]"; // never the password
    }
}
