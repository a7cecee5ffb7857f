package exchange.workforce.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * An end-of-placement review of an agency worker, on the practice fields of the reference template.
 * The registration number travels only in this request body and is pseudonymised before anything is stored.
 */
@Serdeable
public record PlacementReview(
        @Nullable String registrationNumber,
        @Schema(allowableValues = {"SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER", "ADVANCED_PRACTITIONER", "TEAM_MANAGER", "IRO_CP_CHAIR"}) @Nullable String role,
        @Nullable String agency,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable ReferenceTemplate.PracticeRatings practice,
        @Nullable String summary,
        @Nullable ReferenceTemplate.Author writtenBy,
        @Nullable LocalDate writtenOn) {
}
