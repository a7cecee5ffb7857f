package exchange.workforce.returns;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The periods a council returns figures for, at their edges: the census year to 30 September, quarters, months. */
class PeriodTest {

    private static Period period(String type, String label) {
        return Period.parse(type, label).orElseThrow(() -> new AssertionError(type + " " + label + " did not parse"));
    }

    @Test
    void aCensusYearRunsFromTheFirstOfOctoberToTheThirtiethOfSeptember() {
        Period year = period("CENSUS_YEAR", "2024");
        assertEquals(LocalDate.of(2023, 10, 1), year.start());
        assertEquals(LocalDate.of(2024, 9, 30), year.end());
        assertEquals("2024", year.label());
        assertEquals(PeriodType.CENSUS_YEAR, year.type());
    }

    @Test
    void aQuarterIsThreeWholeMonthsAndAMonthItsOwnDays() {
        Period first = period("QUARTER", "2025-q1");
        assertEquals("2025-Q1", first.label(), "written as given, upper case");
        assertEquals(LocalDate.of(2025, 1, 1), first.start());
        assertEquals(LocalDate.of(2025, 3, 31), first.end());
        Period fourth = period("QUARTER", "2024-Q4");
        assertEquals(LocalDate.of(2024, 10, 1), fourth.start());
        assertEquals(LocalDate.of(2024, 12, 31), fourth.end());
        Period february = period("MONTH", " 2024-02 ");
        assertEquals(LocalDate.of(2024, 2, 1), february.start());
        assertEquals(LocalDate.of(2024, 2, 29), february.end(), "a leap year's February");
    }

    @Test
    void whatIsNotAPeriodOfTheTypeIsEmptyNeverAnError() {
        for (String[] wrong : new String[][] {{"MONTH", "2025-13"}, {"MONTH", "2025-00"}, {"MONTH", "2025-3"}, {"MONTH", "2025"},
                {"QUARTER", "2025-Q5"}, {"QUARTER", "2025-Q0"}, {"QUARTER", "2025-03"}, {"CENSUS_YEAR", "25"},
                {"CENSUS_YEAR", "2025-Q1"}, {"WEEK", "2025"}, {null, "2025"}, {"MONTH", null}}) {
            assertEquals(Optional.empty(), Period.parse(wrong[0], wrong[1]), wrong[0] + " " + wrong[1]);
        }
    }

    @Test
    void anyLabelIsReadAsTheOneTypeItCanBe() {
        assertEquals(PeriodType.CENSUS_YEAR, Period.parseAny("2023").orElseThrow().type());
        assertEquals(PeriodType.QUARTER, Period.parseAny("2023-Q2").orElseThrow().type());
        assertEquals(PeriodType.MONTH, Period.parseAny("2023-02").orElseThrow().type());
        assertEquals(Optional.empty(), Period.parseAny("last year"));
    }

    @Test
    void thePreviousPeriodCrossesYearsAtEachTypesEdge() {
        assertEquals("2023", period("CENSUS_YEAR", "2024").previous().label());
        assertEquals("2024-Q4", period("QUARTER", "2025-Q1").previous().label());
        assertEquals("2025-Q1", period("QUARTER", "2025-Q2").previous().label());
        assertEquals("2024-12", period("MONTH", "2025-01").previous().label());
        assertEquals("2025-02", period("MONTH", "2025-03").previous().label());
        assertEquals(PeriodType.QUARTER, period("QUARTER", "2025-Q1").previous().type());
    }

    @Test
    void aLabelIsOfAPeriodsTypeOrNot() {
        Period month = period("MONTH", "2025-03");
        assertTrue(month.sameTypeAs("2020-11"));
        assertFalse(month.sameTypeAs("2020"));
        assertFalse(month.sameTypeAs("2020-Q1"));
    }

    @Test
    void whatIsExpectedIsSaidForEachTypeAndForNone() {
        assertEquals("a month as YYYY-MM, e.g. 2025-03", Period.expected("MONTH"));
        assertEquals("a quarter as YYYY-Qn, e.g. 2025-Q1", Period.expected("QUARTER"));
        assertEquals("a census year as YYYY, e.g. 2025 for the year to 30 September 2025", Period.expected("CENSUS_YEAR"));
        assertEquals("periodType MONTH, QUARTER or CENSUS_YEAR", Period.expected(null));
        assertEquals("periodType MONTH, QUARTER or CENSUS_YEAR", Period.expected("WEEK"));
    }

    @Test
    void aPeriodMayBeReturnedFromItsFirstDayAndNotBefore2015() {
        Period march = period("MONTH", "2025-03");
        assertEquals(Optional.empty(), march.outOfRange(LocalDate.of(2025, 3, 1)), "on its first day");
        assertEquals(Optional.of("the period 2025-03 has not started yet (it starts on 2025-03-01)"),
                march.outOfRange(LocalDate.of(2025, 2, 28)), "the day before");
        assertEquals(Optional.empty(), period("CENSUS_YEAR", "2015").outOfRange(LocalDate.of(2025, 1, 1)),
                "the census year 2015 ends in 2015");
        assertEquals(Optional.of("returns start from 2015; 2014-12 is earlier"), period("MONTH", "2014-12").outOfRange(LocalDate.of(2025, 1, 1)));
        assertEquals(Optional.empty(), period("MONTH", "2015-01").outOfRange(LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aPeriodTypeIsNamedExactlyAndALabelHasOneType() {
        assertEquals(Optional.of(PeriodType.CENSUS_YEAR), PeriodType.of("CENSUS_YEAR"));
        for (String notAType : new String[] {null, "", "census_year", "YEAR", " MONTH"}) {
            assertEquals(Optional.empty(), PeriodType.of(notAType), String.valueOf(notAType));
        }
        assertEquals(PeriodType.CENSUS_YEAR, PeriodType.ofLabel("2024"));
        assertEquals(PeriodType.QUARTER, PeriodType.ofLabel("2024-Q3"));
        assertEquals(PeriodType.MONTH, PeriodType.ofLabel("2024-09"));
        assertEquals("census year", PeriodType.CENSUS_YEAR.words());
        assertEquals("a quarter as YYYY-Qn, e.g. 2025-Q1", Period.expected("QUARTER"));
        assertEquals("periodType MONTH, QUARTER or CENSUS_YEAR", Period.expected("WEEK"));
    }

    @Test
    void theReturnsOfferedForEntryAreTheLastTwoEndedCensusYearsAndTheCurrentAndPreviousQuarterAndMonth() {
        assertEquals(java.util.List.of("CENSUS_YEAR 2026", "CENSUS_YEAR 2025", "QUARTER 2026-Q4", "QUARTER 2026-Q3", "MONTH 2026-12", "MONTH 2026-11"),
                Period.recent(LocalDate.of(2026, 12, 7)).stream().map(p -> p.type() + " " + p.label()).toList());
        assertEquals(java.util.List.of("CENSUS_YEAR 2025", "CENSUS_YEAR 2024", "QUARTER 2026-Q3", "QUARTER 2026-Q2", "MONTH 2026-09", "MONTH 2026-08"),
                Period.recent(LocalDate.of(2026, 9, 30)).stream().map(p -> p.type() + " " + p.label()).toList(),
                "on the census day the year has not yet ended");
        assertEquals("2025-Q4", Period.recent(LocalDate.of(2026, 1, 1)).get(3).label(), "the quarter before the first is last year's last");
    }
}
