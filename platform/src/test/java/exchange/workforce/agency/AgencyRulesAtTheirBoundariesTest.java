package exchange.workforce.agency;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule passing and failing at its boundary, as the issue names them. */
class AgencyRulesAtTheirBoundariesTest {

    static final LocalDate START = LocalDate.of(2026, 4, 1);
    static final PriceCap CAP = new PriceCap(UUID.randomUUID(), "E12000008", RoleType.SOCIAL_WORKER, new BigDecimal("45.00"),
            LocalDate.of(2025, 4, 1), "South East RIIA", "ash", Instant.now());

    /** A proposal that meets every rule, to change one thing at a time. */
    static Proposal compliant() {
        return new Proposal(RoleType.SOCIAL_WORKER, START, new BigDecimal("36.00"), new BigDecimal("4.50"), new BigDecimal("0.20"),
                new BigDecimal("4.30"), LocalDate.of(2020, 9, 1), 60, 4, null, false, null, null, CAP, 2);
    }

    static Proposal with(Proposal p, BigDecimal pay) {
        return new Proposal(p.roleType(), p.startDate(), pay, p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(), p.qualifiedOn(),
                p.postQualifyingMonths(), p.noticeWeeks(), p.permanentNoticeWeeks(), p.projectTeam(), p.projectApprovedOn(), p.coolingOffUntil(),
                p.cap(), p.referencesProvided());
    }

    @Test
    void aCostExactlyAtTheCapPassesAndOnePennyOverNeedsTheDirectorsAndChiefExecutivesSignOff() {
        assertEquals(new BigDecimal("45.00"), compliant().cappedCost());
        assertEquals(Verdict.Outcome.PASS, new PriceCapRule().judge(compliant()).outcome());
        Verdict over = new PriceCapRule().judge(with(compliant(), new BigDecimal("36.01")));
        assertEquals(Verdict.Outcome.NEEDS_SIGN_OFF, over.outcome());
        assertTrue(over.reason().contains("£45.01") && over.reason().contains("£0.01 over")
                && over.reason().contains("Director of Children's Services and the Chief Executive"), over.reason());
    }

    @Test
    void coolingOffFailsUntilItsLastDayAndSaysOnlyTheDate() {
        Proposal p = compliant();
        Proposal cooling = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), p.postQualifyingMonths(), p.noticeWeeks(), null, false, null, START, CAP, 2);
        Verdict verdict = new CoolingOffRule().judge(cooling);
        assertEquals(Verdict.Outcome.FAIL, verdict.outcome());
        assertEquals(START, verdict.until());
        assertEquals("Cooling-off applies until 2026-04-01: the assignment may start on 2026-04-02 at the earliest.", verdict.reason());
        assertEquals(Verdict.Outcome.PASS, new CoolingOffRule().judge(compliant()).outcome());
    }

    @Test
    void threeYearsOfExperienceLessADayFailsAndThreeYearsPasses() {
        Proposal p = compliant();
        Proposal lessADay = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                START.minusYears(3).plusDays(1), 36, 4, null, false, null, null, CAP, 2);
        Verdict short1 = new ExperienceRule().judge(lessADay);
        assertEquals(Verdict.Outcome.FAIL, short1.outcome(), short1.reason());
        Proposal exactly = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                START.minusYears(3), 36, 4, null, false, null, null, CAP, 2);
        assertEquals(Verdict.Outcome.PASS, new ExperienceRule().judge(exactly).outcome());
        Proposal monthsShort = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                null, 35, 4, null, false, null, null, CAP, 2);
        assertTrue(new ExperienceRule().judge(monthsShort).reason().startsWith("35 months"));
    }

    @Test
    void noticeIsFourWeeksOrThePermanentNoticeWhenThatIsShorter() {
        Proposal p = compliant();
        assertEquals(Verdict.Outcome.PASS, new NoticeRule().judge(p).outcome());
        Proposal oneWeek = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), 60, 1, null, false, null, null, CAP, 2);
        assertEquals(Verdict.Outcome.FAIL, new NoticeRule().judge(oneWeek).outcome());
        Proposal permanentTwo = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), 60, 2, 2, false, null, null, CAP, 2);
        assertEquals(Verdict.Outcome.PASS, new NoticeRule().judge(permanentTwo).outcome(), "the permanent notice is shorter");
        Proposal permanentSix = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), 60, 6, 6, false, null, null, CAP, 2);
        assertEquals(Verdict.Outcome.FAIL, new NoticeRule().judge(permanentSix).outcome(), "never longer than four weeks");
    }

    @Test
    void aProjectTeamWorkerIsApprovedBeforeTheStartAndTwoReferencesAreNeeded() {
        Proposal p = compliant();
        Proposal unapproved = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), 60, 4, null, true, null, null, CAP, 2);
        assertEquals(Verdict.Outcome.FAIL, new ProjectTeamRule().judge(unapproved).outcome());
        Proposal approvedOnTheDay = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), 60, 4, null, true, START, null, CAP, 2);
        assertEquals(Verdict.Outcome.PASS, new ProjectTeamRule().judge(approvedOnTheDay).outcome());
        Proposal approvedAfter = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), 60, 4, null, true, START.plusDays(1), null, CAP, 2);
        assertEquals(Verdict.Outcome.FAIL, new ProjectTeamRule().judge(approvedAfter).outcome());
        Proposal oneReference = new Proposal(p.roleType(), START, p.hourlyPay(), p.employerNi(), p.apprenticeshipLevy(), p.holidayPay(),
                p.qualifiedOn(), 60, 4, null, false, null, null, CAP, 1);
        assertEquals("1 of the 2 references needed have been provided.", new ReferencesRule().judge(oneReference).reason());
        assertEquals(Verdict.Outcome.PASS, new ReferencesRule().judge(p).outcome());
    }

    private static Assignment startedAndEnded(java.time.LocalDate start, java.time.LocalDate end) {
        java.math.BigDecimal pay = java.math.BigDecimal.TEN;
        return new Assignment(java.util.UUID.randomUUID(), 1, RoleType.SOCIAL_WORKER, "team", "agency", start, null, end, pay, pay, pay, pay,
                pay, null, 4, false, null, 60, java.util.List.of(), java.util.Map.of(), null, null, "t", java.time.Instant.EPOCH, null, null);
    }

    @org.junit.jupiter.api.Test
    void theRulesTransitionIsJudgedAtItsTwoDates() {
        java.time.LocalDate rulesBegin = java.time.LocalDate.of(2024, 10, 31);
        java.time.LocalDate allFrom = java.time.LocalDate.of(2025, 10, 1);
        org.junit.jupiter.api.Assertions.assertEquals(Transition.UNDER_THE_RULES, Transition.of(startedAndEnded(rulesBegin, null)));
        org.junit.jupiter.api.Assertions.assertEquals(Transition.BROUGHT_IN, Transition.of(startedAndEnded(rulesBegin.minusDays(1), null)));
        org.junit.jupiter.api.Assertions.assertEquals(Transition.BROUGHT_IN, Transition.of(startedAndEnded(rulesBegin.minusDays(1), allFrom)),
                "still running on 1 October 2025");
        org.junit.jupiter.api.Assertions.assertEquals(Transition.ENDED_BEFORE, Transition.of(startedAndEnded(rulesBegin.minusDays(1), allFrom.minusDays(1))));
        org.junit.jupiter.api.Assertions.assertTrue(Transition.ENDED_BEFORE.words().contains("outside them"));
        org.junit.jupiter.api.Assertions.assertTrue(Transition.BROUGHT_IN.words().contains("1 October 2025"));
        org.junit.jupiter.api.Assertions.assertTrue(Transition.UNDER_THE_RULES.words().contains("31 October 2024"));
    }
}
