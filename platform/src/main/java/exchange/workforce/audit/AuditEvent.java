package exchange.workforce.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

@Serdeable
public record AuditEvent(long id, Instant occurredAt, String actor, @Nullable String authorityCode,
                         @Nullable String regionCode, String action, String targetType, @Nullable String targetId,
                         @Nullable String requestId, Map<String, Object> detail) {
}
