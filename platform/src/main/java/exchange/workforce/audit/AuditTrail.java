package exchange.workforce.audit;

import exchange.workforce.identity.Caller;
import exchange.workforce.operations.RequestIds;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Appends to the audit trail. Call it inside the transaction of the change it records, so that a
 * change and its audit event are stored together or not at all.
 */
@Singleton
public class AuditTrail {

    private static final String APPEND = """
            insert into audit_event (actor, authority_code, region_code, action, target_type, target_id, request_id, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public AuditTrail(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(Caller caller, AuditAction action, String targetType, String targetId, Map<String, ?> detail) {
        String requestId = RequestIds.current().orElse(null);
        String detailJson;
        try {
            detailJson = json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement(APPEND, statement -> {
            statement.setString(1, caller.user());
            statement.setString(2, caller.authorityCode().orElse(null));
            statement.setString(3, caller.homeRegion().orElse(null));
            statement.setString(4, action.name());
            statement.setString(5, targetType);
            statement.setString(6, targetId);
            statement.setString(7, requestId);
            statement.setString(8, detailJson);
            return statement.executeUpdate();
        });
    }
}
