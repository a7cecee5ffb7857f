package exchange.workforce.audit;

import exchange.workforce.identity.Caller;
import exchange.workforce.operations.RequestIds;
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

    private final AuditDao events;
    private final JsonMapper json;

    public AuditTrail(AuditDao events, JsonMapper json) {
        this.events = events;
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
        events.append(caller.user(), caller.authorityCode().orElse(null), caller.homeRegion().orElse(null), action.name(), targetType,
                targetId, requestId, detailJson);
    }
}
