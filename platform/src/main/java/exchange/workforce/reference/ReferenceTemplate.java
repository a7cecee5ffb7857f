package exchange.workforce.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The memorandum's standard reference template, version 1.0 (schemas/json/reference-template-1.0.schema.json).
 * Enumerated answers are plain strings here so that a wrong one is reported as a broken rule naming its field
 * ({@link ReferenceTemplatePolicy}), not as an unreadable request. The schema file decides what is valid; the allowed
 * values written here are the OpenAPI spec's copy of its enums, which OpenApiSpecIsCompleteTest holds to the file.
 */
@Serdeable
public record ReferenceTemplate(
        @Schema(allowableValues = {"SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER", "ADVANCED_PRACTITIONER", "TEAM_MANAGER", "IRO_CP_CHAIR"}) @Nullable String role,
        @Schema(allowableValues = {"PERMANENT", "AGENCY"}) @Nullable String engagementType,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable String reasonForLeaving,
        @Nullable PracticeRatings practice,
        @Nullable Conduct conduct,
        @Nullable WouldReemploy wouldReemploy,
        @Nullable Author writtenBy,
        @Nullable LocalDate writtenOn) {

    public static final String VERSION = "1.0";

    /** Each rated OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE or NOT_OBSERVED. */
    @Serdeable
    public record PracticeRatings(
            @Schema(allowableValues = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_OBSERVED"}) @Nullable String directWorkWithChildrenAndFamilies,
            @Schema(allowableValues = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_OBSERVED"}) @Nullable String assessmentAndAnalysis,
            @Schema(allowableValues = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_OBSERVED"}) @Nullable String recording,
            @Schema(allowableValues = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_OBSERVED"}) @Nullable String workingWithPartners,
            @Schema(allowableValues = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_OBSERVED"}) @Nullable String useOfSupervision,
            @Schema(allowableValues = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_OBSERVED"}) @Nullable String timeliness,
            @Nullable String comments) {
    }

    @Serdeable
    public record Conduct(@Nullable Answer safeguardingConcern, @Nullable DisciplinaryAnswer disciplinaryAction,
                          @Nullable Answer capabilityProcedures) {
    }

    /** A conduct question's answer and, where it is not a plain no, the details. */
    public interface Answered {
        @Nullable String answer();

        @Nullable String details();
    }

    /** An answer and, where the answer is yes, the details. */
    @Serdeable
    public record Answer(@Schema(allowableValues = {"YES", "NO"}) @Nullable String answer, @Nullable String details) implements Answered {
    }

    /** Disciplinary action: none, or a current or expired warning with its details. */
    @Serdeable
    public record DisciplinaryAnswer(@Schema(allowableValues = {"NONE", "CURRENT", "EXPIRED"}) @Nullable String answer,
                                     @Nullable String details) implements Answered {
    }

    @Serdeable
    public record WouldReemploy(@Schema(allowableValues = {"YES", "NO", "WITH_RESERVATIONS"}) @Nullable String answer,
                                @Nullable String reason) {
    }

    @Serdeable
    public record Author(@Nullable String name, @Nullable String jobTitle) {
    }
}
