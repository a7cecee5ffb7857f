package exchange.workforce.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * The memorandum's standard reference template, version 1.0 (schemas/json/reference-template-1.0.schema.json).
 * Enumerated answers are plain strings here so that a wrong one is reported as a broken rule naming its field
 * ({@link ReferenceTemplatePolicy}), not as an unreadable request.
 */
@Serdeable
public record ReferenceTemplate(
        @Nullable String role,
        @Nullable String engagementType,
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
            @Nullable String directWorkWithChildrenAndFamilies,
            @Nullable String assessmentAndAnalysis,
            @Nullable String recording,
            @Nullable String workingWithPartners,
            @Nullable String useOfSupervision,
            @Nullable String timeliness,
            @Nullable String comments) {
    }

    @Serdeable
    public record Conduct(@Nullable Answer safeguardingConcern, @Nullable Answer disciplinaryAction,
                          @Nullable Answer capabilityProcedures) {
    }

    /** An answer and, where the answer is not a plain no, the details. */
    @Serdeable
    public record Answer(@Nullable String answer, @Nullable String details) {
    }

    @Serdeable
    public record WouldReemploy(@Nullable String answer, @Nullable String reason) {
    }

    @Serdeable
    public record Author(@Nullable String name, @Nullable String jobTitle) {
    }
}
