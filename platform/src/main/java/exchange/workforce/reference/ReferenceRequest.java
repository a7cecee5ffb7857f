package exchange.workforce.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A request for a reference, as both parties see it. The worker appears only as the engagement's role and type. */
@Serdeable
public record ReferenceRequest(UUID id, UUID engagementId, String requesterAuthority, String refereeAuthority,
                               String role, String engagementType, LocalDate consentGivenOn, String consentMethod,
                               LocalDate dueOn, RequestStatus status, boolean overdue, @Nullable String declineReason,
                               String requestedBy, Instant requestedAt, @Nullable String answeredBy,
                               @Nullable Instant answeredAt, @Nullable exchange.workforce.worker.WorkerDetails worker) {
}
