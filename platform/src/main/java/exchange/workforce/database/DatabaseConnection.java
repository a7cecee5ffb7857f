package exchange.workforce.database;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the service's data lives, and as whom it connects: migrations run as the owner of the tables,
 * requests as an application role that owns nothing, so row-level security always applies to it, and the
 * benchmark's loading of every council's latest census figures as a third role that can do nothing else
 * (see ADR 0002). {@code owner} is null for a serving replica given only the other two roles' credentials.
 */
public record DatabaseConnection(String url, Credentials owner, Credentials application, Credentials benchmark) {

    public record Credentials(String user, String password) {
    }

    public Map<String, Object> applicationDatasourceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", application.user());
        properties.put("datasources.default.password", application.password() == null ? "" : application.password());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.dialect", "POSTGRES");
        properties.put("wfx.benchmark-reader.url", url);
        properties.put("wfx.benchmark-reader.username", benchmark.user());
        properties.put("wfx.benchmark-reader.password", benchmark.password() == null ? "" : benchmark.password());
        if (owner != null) {
            // maintenance (the nightly retention) runs as the owner, where the service holds its credentials
            properties.put("wfx.maintenance.url", url);
            properties.put("wfx.maintenance.username", owner.user());
            properties.put("wfx.maintenance.password", owner.password() == null ? "" : owner.password());
        }
        return properties;
    }
}
