package exchange.workforce.agency;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An agency assignment as a council records it: the proposal the rules check, with the team, agency, dates and the
 * agency's charge; the recorded sign-off where the cost is over the region's cap; a reason for each rule not met
 * (an exception); for a correction, why; the council's own reference for it (its HR system's), which DfE's return
 * carries; and, once it has ended, how ({@link EndedHow}).
 */
@Serdeable
public record NewAssignment(@Nullable String registrationNumber, @Nullable String roleType, @Nullable String team, @Nullable String agency,
                            @Nullable LocalDate startDate, @Nullable LocalDate plannedEndDate, @Nullable LocalDate actualEndDate,
                            @Nullable BigDecimal hourlyPay, @Nullable BigDecimal employerNi, @Nullable BigDecimal apprenticeshipLevy,
                            @Nullable BigDecimal holidayPay, @Nullable BigDecimal agencyCharge, @Nullable LocalDate qualifiedOn,
                            @Schema(minimum = "0", maximum = "720") @Nullable Integer postQualifyingMonths, @Schema(minimum = "0", maximum = "52") @Nullable Integer noticeWeeks, @Schema(minimum = "0", maximum = "52") @Nullable Integer permanentNoticeWeeks,
                            @Nullable Boolean projectTeam, @Nullable LocalDate projectApprovedOn, @Nullable UUID engagementId,
                            @Nullable SignOff signOff, @Nullable Map<String, String> exceptions, @Nullable String reason,
                            @Nullable String councilReference,
                            // left out of the JSON when not given, so an assignment's fingerprint made before V45 still matches
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                            @Nullable String endedHow) {

    /** Sign-off of a cost above the cap, by the Director of Children's Services and the Chief Executive. */
    @Serdeable
    public record SignOff(@Nullable String directorName, @Nullable LocalDate directorSignedOn, @Nullable String chiefExecutiveName,
                          @Nullable LocalDate chiefExecutiveSignedOn, @Nullable String reason) {
    }

    /** The same assignment without the worker's number: what may be kept or compared once the worker is pseudonymised. */
    NewAssignment withoutRegistrationNumber() {
        return new NewAssignment(null, roleType, team, agency, startDate, plannedEndDate, actualEndDate, hourlyPay, employerNi,
                apprenticeshipLevy, holidayPay, agencyCharge, qualifiedOn, postQualifyingMonths, noticeWeeks, permanentNoticeWeeks,
                projectTeam, projectApprovedOn, engagementId, signOff, exceptions, reason, councilReference, endedHow);
    }

    ProposedAssignment proposal() {
        return new ProposedAssignment(registrationNumber, roleType, startDate, hourlyPay, employerNi, apprenticeshipLevy, holidayPay,
                qualifiedOn, postQualifyingMonths, noticeWeeks, permanentNoticeWeeks, projectTeam, projectApprovedOn, engagementId);
    }
}
