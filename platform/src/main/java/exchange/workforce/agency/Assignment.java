package exchange.workforce.agency;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of an agency assignment as its council reads it: never the worker's number or pseudonym. The verdicts are
 * the rules' at recording, the price cap's as the caps now recorded give it for the start date; {@code exceptions} the
 * reasons given for rules not met; {@code signOff} the sign-off of a cost over the cap; {@code councilReference} the
 * council's own reference for it (its HR system's), where it gave one; {@code endedHow} how it ended ({@link EndedHow}),
 * where the council said.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assignment(UUID assignmentId, int version, RoleType roleType, String team, String agency, LocalDate startDate,
                         @Nullable LocalDate plannedEndDate, @Nullable LocalDate actualEndDate, BigDecimal hourlyPay, BigDecimal employerNi,
                         BigDecimal apprenticeshipLevy, BigDecimal holidayPay, BigDecimal cappedCost, @Nullable BigDecimal agencyCharge,
                         int noticeWeeks, boolean projectTeam, @Nullable LocalDate projectApprovedOn, int postQualifyingMonths,
                         List<Verdict> verdicts, Map<String, String> exceptions, @Nullable NewAssignment.SignOff signOff,
                         @Nullable String reason, String recordedBy, Instant recordedAt, @Nullable String councilReference,
                         @Nullable String endedHow) {

    /** The same version with its verdicts as they stand today (see VerdictsAsTheyStand). */
    Assignment withVerdicts(List<Verdict> now) {
        return new Assignment(assignmentId, version, roleType, team, agency, startDate, plannedEndDate, actualEndDate, hourlyPay, employerNi,
                apprenticeshipLevy, holidayPay, cappedCost, agencyCharge, noticeWeeks, projectTeam, projectApprovedOn, postQualifyingMonths,
                List.copyOf(now), exceptions, signOff, reason, recordedBy, recordedAt, councilReference, endedHow);
    }
}
