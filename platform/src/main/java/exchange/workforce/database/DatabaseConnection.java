package exchange.workforce.database;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the service's data lives, and as whom it connects: migrations run as the owner of the tables,
 * requests as an application role that owns nothing, so row-level security always applies to it.
 * {@code owner} is null for a serving replica that was given only the application role's credentials.
 */
public record DatabaseConnection(String url, Credentials owner, Credentials application) {

    public record Credentials(String user, String password) {
    }

    public Map<String, Object> applicationDatasourceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", application.user());
        properties.put("datasources.default.password", application.password() == null ? "" : application.password());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.dialect", "POSTGRES");
        return properties;
    }
}
