package exchange.workforce.agency;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An assignment a council proposes, as it sends it for the pre-engagement check. The registration number is in the body
 * only, pseudonymised at once and never stored. Money is pounds an hour.
 */
@Serdeable
public record ProposedAssignment(@Nullable String registrationNumber, @Nullable String roleType, @Nullable LocalDate startDate,
                                 @Nullable BigDecimal hourlyPay, @Nullable BigDecimal employerNi, @Nullable BigDecimal apprenticeshipLevy,
                                 @Nullable BigDecimal holidayPay, @Nullable LocalDate qualifiedOn, @Schema(minimum = "0", maximum = "720") @Nullable Integer postQualifyingMonths,
                                 @Schema(minimum = "0", maximum = "52") @Nullable Integer noticeWeeks, @Schema(minimum = "0", maximum = "52") @Nullable Integer permanentNoticeWeeks, @Nullable Boolean projectTeam,
                                 @Nullable LocalDate projectApprovedOn, @Nullable UUID engagementId) {
}
