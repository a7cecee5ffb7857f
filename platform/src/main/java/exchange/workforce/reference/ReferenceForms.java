package exchange.workforce.reference;

import exchange.workforce.web.DateGiven;
import exchange.workforce.web.DateInput;
import exchange.workforce.web.FieldName;
import exchange.workforce.web.Form;
import exchange.workforce.web.RealDate;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The reference pages' forms, each field named as on its page; the reference template's own rules say the rest. */
final class ReferenceForms {

    private ReferenceForms() {
    }

    private static final String REAL = " must be a real date, for example 27 3 2026";

    /** A worker looked up by registration number (typed, never put in an address or shown back). */
    @Introspected
    record LookupForm(String registrationNumber) implements Form {
    }

    /** Asking another council for a reference, in the order of the form. */
    @Introspected
    record AskForm(
            @NotNull(message = "Enter the worker's Social Work England registration number, for example SW123456") String registrationNumber,
            @NotNull(message = "Choose the role the worker is being engaged for") String role,
            @NotNull(message = "Choose whether the engagement is permanent or agency") String engagementType,
            @NotNull(message = "Choose the council to ask for a reference") String refereeAuthority,
            @DateGiven(message = "Enter the date the reference is due") @RealDate(message = "The date the reference is due" + REAL) DateInput dueOn,
            String workerName, String workerJobTitle,
            @RealDate(message = "The date the worker's employment there began" + REAL) DateInput employedFrom,
            @RealDate(message = "The date the worker's employment there ended" + REAL) DateInput employedTo,
            @DateGiven(message = "Enter the date the worker consented to references being sought")
            @RealDate(message = "The date the worker consented" + REAL) DateInput consentOn,
            @NotNull(message = "Say how the worker consented, for example 'signed application form'") String consentMethod) implements Form {
    }

    /** The practice ratings both the reference and the end-of-placement review ask for. */
    interface Practice {
        String directWork();

        String assessment();

        String recording();

        String partners();

        String supervision();

        String timeliness();

        String comments();

        default ReferenceTemplate.PracticeRatings ratings() {
            return new ReferenceTemplate.PracticeRatings(directWork(), assessment(), recording(), partners(), supervision(), timeliness(), comments());
        }
    }

    /** An end-of-placement review of an agency worker, on the memorandum's template. */
    @Introspected
    record ReviewForm(String registrationNumber, String role, String agency,
                      @RealDate(message = "The start date" + REAL) DateInput startDate,
                      @RealDate(message = "The end date" + REAL) DateInput endDate,
                      @FieldName("practice.directWorkWithChildrenAndFamilies") String directWork,
                      @FieldName("practice.assessmentAndAnalysis") String assessment,
                      @FieldName("practice.recording") String recording,
                      @FieldName("practice.workingWithPartners") String partners,
                      @FieldName("practice.useOfSupervision") String supervision,
                      @FieldName("practice.timeliness") String timeliness,
                      @FieldName("practice.comments") String comments,
                      String summary,
                      @FieldName("writtenBy.name") String writerName, @FieldName("writtenBy.jobTitle") String writerJobTitle,
                      @RealDate(message = "The date the review was written" + REAL) DateInput writtenOn) implements Form, Practice {

        PlacementReview review() {
            return new PlacementReview(registrationNumber, role, agency, startDate.orNull(), endDate.orNull(), ratings(), summary,
                    new ReferenceTemplate.Author(writerName, writerJobTitle), writtenOn.orNull());
        }
    }

    /** A reference as the referee writes it, in the order of the form. */
    @Introspected
    record ProvideForm(String registrationNumber, String role, String engagementType,
                       @RealDate(message = "The start date" + REAL) DateInput startDate,
                       @RealDate(message = "The end date" + REAL) DateInput endDate,
                       String reasonForLeaving,
                       @FieldName("practice.directWorkWithChildrenAndFamilies") String directWork,
                       @FieldName("practice.assessmentAndAnalysis") String assessment,
                       @FieldName("practice.recording") String recording,
                       @FieldName("practice.workingWithPartners") String partners,
                       @FieldName("practice.useOfSupervision") String supervision,
                       @FieldName("practice.timeliness") String timeliness,
                       @FieldName("practice.comments") String comments,
                       @FieldName("conduct.safeguardingConcern.answer") String safeguardingAnswer,
                       @FieldName("conduct.safeguardingConcern.details") String safeguardingDetails,
                       @FieldName("conduct.disciplinaryAction.answer") String disciplinaryAnswer,
                       @FieldName("conduct.disciplinaryAction.details") String disciplinaryDetails,
                       @FieldName("conduct.capabilityProcedures.answer") String capabilityAnswer,
                       @FieldName("conduct.capabilityProcedures.details") String capabilityDetails,
                       @FieldName("wouldReemploy.answer") String reemployAnswer, @FieldName("wouldReemploy.reason") String reemployReason,
                       @FieldName("writtenBy.name") String writerName, @FieldName("writtenBy.jobTitle") String writerJobTitle,
                       @RealDate(message = "The date the reference was written" + REAL) DateInput writtenOn) implements Form, Practice {

        ReferenceTemplate reference() {
            return new ReferenceTemplate(role, engagementType, startDate.orNull(), endDate.orNull(), reasonForLeaving, ratings(),
                    new ReferenceTemplate.Conduct(answer(safeguardingAnswer, safeguardingDetails),
                            disciplinaryAnswer == null && disciplinaryDetails == null ? null
                                    : new ReferenceTemplate.DisciplinaryAnswer(disciplinaryAnswer, disciplinaryDetails),
                            answer(capabilityAnswer, capabilityDetails)),
                    new ReferenceTemplate.WouldReemploy(reemployAnswer, reemployReason),
                    new ReferenceTemplate.Author(writerName, writerJobTitle), writtenOn.orNull());
        }

        /** The form the referee starts from: the request's role and engagement, written today. */
        static ProvideForm startingFrom(ReferenceRequest request, java.time.LocalDate today) {
            return new ProvideForm(null, request.role(), request.engagementType(), DateInput.EMPTY, DateInput.EMPTY, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, DateInput.of(today));
        }

        private static ReferenceTemplate.Answer answer(String answer, String details) {
            return answer == null && details == null ? null : new ReferenceTemplate.Answer(answer, details);
        }
    }

    /** When and how a provided reference was shared with the worker. */
    @Introspected
    record SharedForm(@DateGiven(message = "Enter the date the reference was shared with the worker")
                      @RealDate(message = "The date it was shared" + REAL) DateInput sharedOn,
                      @NotNull(message = SHARED_HOW) @Size(max = 200, message = SHARED_HOW) String method) implements Form {
    }

    static final String SHARED_HOW = "Say how it was shared, in up to 200 characters, for example e-mailed to the worker";

    /** Why the council cannot give the reference. */
    @Introspected
    record DeclineForm(@NotNull(message = "Say why your council cannot give the reference, for example "
            + "'the worker was never employed by us'") String reason) implements Form {
    }
}
