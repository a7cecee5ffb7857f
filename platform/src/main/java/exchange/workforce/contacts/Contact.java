package exchange.workforce.contacts;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record Contact(UUID id, String authorityCode, String name, String email, Responsibility responsibility,
                      String createdBy, Instant createdAt) {
}
