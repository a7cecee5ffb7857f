package exchange.workforce.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

@Serdeable
public record AuditEvent(long id, Instant occurredAt, String actor, @Nullable String authorityCode,
                         @Nullable String regionCode, String action, String targetType, @Nullable String targetId,
                         @Nullable String requestId,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "What the action was about, by name: numbers, text or lists",
                                 additionalProperties = io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
                         Map<String, Object> detail) {
}
