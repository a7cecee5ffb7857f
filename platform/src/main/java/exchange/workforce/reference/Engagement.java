package exchange.workforce.reference;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A hiring authority's prospective engagement of a worker (known to it only by pseudonym). */
@Serdeable
public record Engagement(UUID id, String authorityCode, String role, String engagementType, String createdBy,
                         Instant createdAt) {
}
