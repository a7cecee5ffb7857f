package exchange.workforce.agency;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A proposed assignment as the rules see it: what the council sent, checked for form, and what the platform looked
 * up for it (the cooling-off date, the cap in force, the references provided). The worker is only a pseudonym here.
 *
 * @param coolingOffUntil  the last day of cooling-off that applies to the worker from the start date, or null
 * @param cap              the region's cap in force on the start date for the role type, or null if none is set
 * @param referencesProvided references provided for the linked engagement of the same worker, or null if none linked
 * @param leaversKnown     how far the region's leavers are recorded, which the cooling-off answer quotes; null if unknown
 */
record Proposal(RoleType roleType, LocalDate startDate, BigDecimal hourlyPay, BigDecimal employerNi, BigDecimal apprenticeshipLevy,
                BigDecimal holidayPay, @Nullable LocalDate qualifiedOn, int postQualifyingMonths, int noticeWeeks,
                @Nullable Integer permanentNoticeWeeks, boolean projectTeam, @Nullable LocalDate projectApprovedOn,
                @Nullable LocalDate coolingOffUntil, @Nullable PriceCap cap, @Nullable Integer referencesProvided, @Nullable LeaversKnown leaversKnown) {

    /** A proposal judged without saying how far the region's leavers are known. */
    Proposal(RoleType roleType, LocalDate startDate, BigDecimal hourlyPay, BigDecimal employerNi, BigDecimal apprenticeshipLevy,
             BigDecimal holidayPay, @Nullable LocalDate qualifiedOn, int postQualifyingMonths, int noticeWeeks,
             @Nullable Integer permanentNoticeWeeks, boolean projectTeam, @Nullable LocalDate projectApprovedOn,
             @Nullable LocalDate coolingOffUntil, @Nullable PriceCap cap, @Nullable Integer referencesProvided) {
        this(roleType, startDate, hourlyPay, employerNi, apprenticeshipLevy, holidayPay, qualifiedOn, postQualifyingMonths, noticeWeeks,
                permanentNoticeWeeks, projectTeam, projectApprovedOn, coolingOffUntil, cap, referencesProvided, null);
    }

    /** What the cap covers: pay, employer's National Insurance, apprenticeship levy and holiday pay. */
    BigDecimal cappedCost() {
        return hourlyPay.add(employerNi).add(apprenticeshipLevy).add(holidayPay);
    }
}
