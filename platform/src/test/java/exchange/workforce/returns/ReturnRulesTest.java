package exchange.workforce.returns;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.Problem;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each return rule at its edge: the figure that just passes and the one that just breaks it, by code, row and column. */
class ReturnRulesTest {

    static final JsonMapper JSON = JsonMapper.createDefault();
    static final MeasureCatalogue CATALOGUE = new MeasureCatalogue(JSON);

    private final List<ReturnLine> lines = new ArrayList<>();

    private ReturnRulesTest line(String measure, String value) {
        lines.add(new ReturnLine(lines.size() + 2, measure, new TreeMap<>(), value));
        return this;
    }

    private ReturnRulesTest line(String measure, String dimension, String part, String value) {
        lines.add(new ReturnLine(lines.size() + 2, measure, new TreeMap<>(Map.of(dimension, part)), value));
        return this;
    }

    private ReturnRules.Outcome check() {
        return ReturnRules.check(lines, CATALOGUE, Map.of());
    }

    private ReturnRules.Outcome check(Map<String, ReturnValue> previous) {
        return ReturnRules.check(lines, CATALOGUE, previous);
    }

    /** "CODE row column" for each error (or warning), to compare in one line. */
    private static List<String> said(List<Problem.Violation> violations) {
        return violations.stream().map(v -> v.code() + " " + v.row() + " " + v.column()).toList();
    }

    private static BigDecimal stored(ReturnRules.Outcome outcome, String measure) {
        return outcome.values().stream().filter(v -> v.measure().equals(measure) && v.breakdown().isEmpty()).findFirst()
                .map(ReturnValue::value).orElse(null);
    }

    @Test
    void aReturnWithNoFiguresIsEmpty() {
        assertEquals(List.of("EMPTY_RETURN null null"), said(check().errors()));
    }

    @Test
    void numbersAreReadAsPeopleTypeThemAndStoredWithoutTrailingZeros() {
        ReturnRules.Outcome outcome = line("inpost_fte", "1,234.50").line("inpost_headcount", "\u00A01300\u00A0").line("cases", "0")
                .line("vacancy_fte", "90.00").line("agency_fte", "X").line("agency_headcount", "z").check();
        assertEquals(List.of(), outcome.errors());
        assertEquals(new BigDecimal("1234.5"), stored(outcome, "inpost_fte"));
        assertEquals(new BigDecimal("1300"), stored(outcome, "inpost_headcount"));
        assertEquals(0, stored(outcome, "cases").compareTo(BigDecimal.ZERO), "zero is a figure");
        assertEquals("90", stored(outcome, "vacancy_fte").toPlainString());
        assertEquals(List.of(Symbol.UNAVAILABLE, Symbol.NOT_APPLICABLE), outcome.values().stream().filter(v -> v.measure().startsWith("agency")).map(ReturnValue::symbol).toList());
    }

    @Test
    void aFigureHasAtMostFifteenSignificantDigitsAndFortyCharacters() {
        ReturnRules.Outcome outcome = line("inpost_fte", "12345.6789012345").line("inpost_headcount", "12345.67890123456")
                .line("cases", "1" + "0".repeat(39)).line("vacancy_fte", "1".repeat(41)).line("agency_fte", "0." + "0".repeat(37) + "1").check();
        assertEquals(List.of("TOO_MANY_DIGITS 3 value", "TOO_MANY_DIGITS 4 value", "TOO_MANY_DIGITS 5 value"), said(outcome.errors()),
                "15 digits pass, 16 do not; 41 characters are refused unread; 40 characters of one digit pass");
    }

    @Test
    void aFigureAboveTheLargestForItsUnitIsOutOfRangeAndTheLargestItselfIsNot() {
        ReturnRules.Outcome outcome = line("inpost_fte", "100000").line("inpost_headcount", "100000.1").line("cases", "10000000")
                .line("agency_spend", "10000000000.01").check();
        assertEquals(List.of("OUT_OF_RANGE 3 value", "OUT_OF_RANGE 5 value"), said(outcome.errors().stream()
                .filter(e -> !e.code().equals("FTE_ABOVE_HEADCOUNT")).toList()));
    }

    @Test
    void aScoreOutOfTenIsRefusedAboveTenWhateverItsUnitAllows() {
        ReturnRules.Outcome ten = line("wellbeing_score", "10").check();
        assertEquals(List.of(), ten.errors());
        lines.clear();
        ReturnRules.Outcome above = line("wellbeing_score", "10.1").check();
        assertEquals(List.of("OUT_OF_RANGE 2 value"), said(above.errors()));
        assertEquals("wellbeing_score is 10.1, above the largest it can be: Wellbeing score is at most 10. Check the cell.",
                above.errors().get(0).message());
    }

    @Test
    void aCouncilNamesItsOfficesInCodesOfItsOwnAndNothingElse() {
        ReturnRules.Outcome outcome = line("team_vacancy_fte", "office", "MAIDSTONE", "3.5").line("team_vacancy_fte", "office", "NORTH_WEST_KENT_2", "1")
                .line("team_vacancy_fte", "office", "NORTH-KENT", "1").line("team_vacancy_fte", "office", "_HIDDEN", "1")
                .line("team_vacancy_fte", "office", "A".repeat(41), "1").check();
        assertEquals(List.of("UNKNOWN_BREAKDOWN 4 breakdown", "UNKNOWN_BREAKDOWN 5 breakdown", "UNKNOWN_BREAKDOWN 6 breakdown"), said(outcome.errors()));
        assertTrue(outcome.errors().get(0).message().contains("'NORTH-KENT' is not a code for your office or locality; name it in capital letters"),
                outcome.errors().get(0).message());
    }

    @Test
    void anExitThemeIsOneOfTheMemorandumsListWhereItHasOneElseOfTheStartingList() {
        line("leavers_by_exit_theme", "exit_theme", "RELOCATION", "4").line("leavers_by_exit_theme", "exit_theme", "CASELOAD_TOO_HIGH", "2");
        assertEquals(List.of("UNKNOWN_BREAKDOWN 3 breakdown"), said(check().errors()), "the starting list has RELOCATION, not CASELOAD_TOO_HIGH");
        ReturnRules.Outcome regions = ReturnRules.check(lines, CATALOGUE, Map.of(), Map.of("exit_theme", List.of("PAY", "CASELOAD_TOO_HIGH", "OTHER")));
        assertEquals(List.of("UNKNOWN_BREAKDOWN 2 breakdown"), said(regions.errors()));
        assertEquals("'RELOCATION' is not a exit_theme on your memorandum's list; use one of PAY, CASELOAD_TOO_HIGH, OTHER.",
                regions.errors().get(0).message());
    }

    @Test
    void aFigureOrCodeReadOtherwiseThanTypedIsSaidAsAWarning() {
        lines.add(new ReturnLine(2, "inpost_fte", new TreeMap<>(), "1,000", "'INPOST_FTE' read as inpost_fte"));
        line("inpost_headcount", "1000");
        ReturnRules.Outcome outcome = check();
        assertEquals(List.of(), outcome.errors());
        assertEquals(List.of("READ_AS 2 measure", "READ_AS 2 value"), said(outcome.warnings().stream().filter(w -> w.code().equals("READ_AS"))
                .sorted(java.util.Comparator.comparing(Problem.Violation::column)).toList()));
        assertEquals("'1,000' was read as 1000.", outcome.warnings().stream().filter(w -> "value".equals(w.column()) && w.code().equals("READ_AS"))
                .findFirst().orElseThrow().message());
    }

    @Test
    void formulasWordsAndNegativesAreRefusedWhereTheyAre() {
        ReturnRules.Outcome outcome = line("inpost_fte", "=A1").line("inpost_headcount", "+5").line("cases", "@sum").line("vacancy_fte", "12a")
                .line("agency_fte", "-1").line("agency_headcount", "1.2.3").check();
        assertEquals(List.of("NOT_A_NUMBER 2 value", "NOT_A_NUMBER 3 value", "NOT_A_NUMBER 4 value", "NOT_A_NUMBER 5 value",
                "NEGATIVE 6 value", "NOT_A_NUMBER 7 value"), said(outcome.errors()));
        assertTrue(outcome.errors().get(0).message().contains("spreadsheet formula"));
        assertTrue(outcome.errors().get(3).message().contains("is not a number"));
    }

    @Test
    void whatIsNotAFigureOfAReturnIsNamedWithTheRule() {
        ReturnRules.Outcome outcome = line("inpost_ftee", "1").line("banana", "1").line("turnover_rate_fte", "12")
                .line("referral_count", "5").line("inpost_fte", "leaving_reason", "RESIGNATION", "1")
                .line("leavers_fte", "leaving_reason", "BORED", "1").line("cases", "10").line("cases", "11").check();
        assertEquals(List.of("UNKNOWN_MEASURE 2 measure", "UNKNOWN_MEASURE 3 measure", "DERIVED_MEASURE_TYPED_IN 4 measure",
                "NOT_SUBMITTED_BY_AUTHORITIES 5 measure", "UNKNOWN_BREAKDOWN 6 breakdown", "UNKNOWN_BREAKDOWN 7 breakdown",
                "DUPLICATE_ROW 9 measure"), said(outcome.errors()));
        assertTrue(outcome.errors().get(0).message().contains("did you mean inpost_fte?"), outcome.errors().get(0).message());
        assertTrue(!outcome.errors().get(1).message().contains("did you mean"), "nothing is near 'banana'");
        assertTrue(outcome.errors().get(4).message().endsWith("give its total only."));
        assertTrue(outcome.errors().get(6).message().contains("also on row 8"));
    }

    @Test
    void didYouMeanSuggestsTheNearestMeasureACouncilGivesWithinAThirdOfWhatWasTyped() {
        assertEquals("'vacancy_ft' is not a measure in the catalogue; did you mean vacancy_fte? GET /api/v1/measures lists them.",
                line("vacancy_ft", "1").check().errors().get(0).message());
        lines.clear();
        assertTrue(line("inpost_", "1").check().errors().get(0).message().contains("did you mean inpost_fte?"), "three letters away");
        lines.clear();
        String rate = line("turnover_rate", "1").check().errors().get(0).message();
        assertTrue(!rate.contains("turnover_rate_fte"), "a derived rate is never suggested as a figure to give: " + rate);
    }

    @Test
    void aBreakdownIsNamedBesideItsMeasureWhereverOneIsSaid() {
        String twice = line("leavers_fte", "leaving_reason", "RESIGNATION", "1").line("leavers_fte", "leaving_reason", "RESIGNATION", "2")
                .check().errors().get(0).message();
        assertTrue(twice.startsWith("leavers_fte (leaving_reason=RESIGNATION) is given twice"), twice);
        lines.clear();
        String total = line("cases", "1").line("cases", "2").check().errors().get(0).message();
        assertTrue(total.startsWith("cases is given twice"), total);
        lines.clear();
        String blank = line("inpost_fte", "1").line("leavers_fte", "leaving_reason", "RESIGNATION", "").line("cases", "")
                .check().warnings().get(0).message();
        assertTrue(blank.endsWith("leavers_fte (leaving_reason=RESIGNATION), cases."), blank);
    }

    @Test
    void aBlankIsNotSuppliedWithOneWarningUnlessTheCatalogueRequiresIt() {
        ReturnRules.Outcome outcome = line("inpost_fte", "10").line("cases", " ").line("vacancy_fte", null).check();
        assertEquals(List.of(), outcome.errors());
        assertEquals(List.of("NOT_SUPPLIED null value"), said(outcome.warnings()));
        assertTrue(outcome.warnings().get(0).message().startsWith("2 figures were left blank"));
        assertEquals(1, outcome.values().size(), "nothing is stored for a blank");

        lines.clear();
        assertEquals(List.of("EMPTY_RETURN null null"), said(line("cases", "").line("vacancy_fte", "").check().errors()), "only blanks");

        String text = new String(MeasureCatalogue.committed(), StandardCharsets.UTF_8)
                .replace("\"code\": \"inpost_fte\",", "\"code\": \"inpost_fte\", \"required\": true,");
        MeasureCatalogue requiring = new MeasureCatalogue(JSON, text.getBytes(StandardCharsets.UTF_8));
        lines.clear();
        ReturnRules.Outcome required = ReturnRules.check(line("inpost_fte", "").line("cases", "5").lines, requiring, Map.of());
        assertEquals(List.of("REQUIRED_FIGURE_BLANK 2 value"), said(required.errors()));
        assertTrue(required.errors().get(0).message().startsWith("inpost_fte must be given in every return"), required.errors().get(0).message());
        lines.clear();
        String text2 = text.replace("\"code\": \"leavers_fte\",", "\"code\": \"leavers_fte\", \"required\": true,");
        ReturnRules.Outcome part = ReturnRules.check(line("leavers_fte", "leaving_reason", "RESIGNATION", "").line("cases", "5").lines,
                new MeasureCatalogue(JSON, text2.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertTrue(part.errors().get(0).message().startsWith("leavers_fte (leaving_reason=RESIGNATION) must be given"), part.errors().toString());
    }

    @Test
    void theWarningNamesTwentyBlanksThenCountsTheRest() {
        line("inpost_fte", "10");
        for (String reason : List.of("RESIGNATION", "RETIREMENT", "DISMISSAL", "END_OF_CONTRACT", "REDUNDANCY", "OTHER", "UNKNOWN")) {
            line("leavers_fte", "leaving_reason", reason, "").line("leavers_headcount", "leaving_reason", reason, "");
        }
        for (String role : List.of("SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER", "ADVANCED_PRACTITIONER", "TEAM_MANAGER", "IRO_CP_CHAIR")) {
            line("applications", "role", role, "");
        }
        line("shortlisted", "role", "SOCIAL_WORKER", "");
        String message = check().warnings().get(0).message();
        assertTrue(message.startsWith("20 figures were left blank") && !message.contains("more"), message);
        line("vacancy_fte", "");
        String more = check().warnings().get(0).message();
        assertTrue(more.startsWith("21 figures were left blank") && more.endsWith(" and 1 more."), more);
        lines.clear();
        String one = line("inpost_fte", "1").line("cases", "").check().warnings().get(0).message();
        assertTrue(one.startsWith("1 figure was left blank") && one.contains("nothing is stored for it"), one);
    }

    @Test
    void anFteMayEqualItsHeadcountButNotExceedIt() {
        assertEquals(List.of(), line("inpost_fte", "480").line("inpost_headcount", "480").check().errors());
        lines.clear();
        assertEquals(List.of("FTE_ABOVE_HEADCOUNT 3 value"), said(line("inpost_headcount", "480").line("inpost_fte", "480.1").check().errors()));
        lines.clear();
        assertEquals(List.of(), line("inpost_fte", "480.1").line("inpost_headcount", "x").check().errors(), "a symbol is not compared");
    }

    @Test
    void caseHoldersAndAgencyCoverStayWithinTheStaffThereAre() {
        assertEquals(List.of(), line("inpost_fte", "100").line("agency_fte", "20").line("case_holders_fte", "120").line("agency_cover_fte", "20")
                .check().errors());
        lines.clear();
        assertEquals(List.of("CASE_HOLDERS_ABOVE_STAFF 4 value", "AGENCY_COVER_ABOVE_AGENCY 5 value"), said(line("inpost_fte", "100")
                .line("agency_fte", "20").line("case_holders_fte", "120.1").line("agency_cover_fte", "20.1").check().errors()));
        lines.clear();
        assertEquals(List.of(), line("inpost_fte", "100").line("case_holders_fte", "500").check().errors(), "no agency figure: not compared");
    }

    @Test
    void aBreakdownAddsUpToItsTotalWithinRoundingOfOneDecimalAPart() {
        assertEquals(List.of(), line("leavers_fte", "10").line("leavers_fte", "leaving_reason", "RESIGNATION", "6.1")
                .line("leavers_fte", "leaving_reason", "RETIREMENT", "4.1").check().errors(), "10.2 is within 0.1 for each of 2 parts");
        lines.clear();
        assertEquals(List.of("BREAKDOWN_DOES_NOT_ADD_UP 3 value"), said(line("leavers_fte", "10")
                .line("leavers_fte", "leaving_reason", "RESIGNATION", "6.11").line("leavers_fte", "leaving_reason", "RETIREMENT", "4.1")
                .check().errors()));
        lines.clear();
        assertEquals(List.of("BREAKDOWN_DOES_NOT_ADD_UP 3 value"), said(line("leavers_fte", "10")
                .line("leavers_fte", "leaving_reason", "RESIGNATION", "3").line("leavers_fte", "leaving_reason", "RETIREMENT", "4.1")
                .check().errors()), "short of the total too");
        lines.clear();
        assertEquals(List.of(), line("leavers_fte", "10").line("leavers_fte", "leaving_reason", "RESIGNATION", "x")
                .line("leavers_fte", "leaving_reason", "RETIREMENT", "1").check().errors(), "a part given as a symbol: not compared");
    }

    @Test
    void aMedianOrAMaximumByBreakdownNeedNotAddUpToItsTotal() {
        assertEquals(List.of(), line("appointments", "10").line("appointments", "role", "SOCIAL_WORKER", "10")
                .line("time_to_hire_days", "60").line("time_to_hire_days", "role", "SOCIAL_WORKER", "55")
                .line("max_caseload", "24").line("max_caseload", "team_type", "CHILD_IN_NEED_AND_PROTECTION", "24")
                .line("max_caseload", "team_type", "CHILDREN_IN_CARE", "22").check().errors()
                .stream().filter(e -> e.code().equals("BREAKDOWN_DOES_NOT_ADD_UP")).toList(),
                "a weighted mean and a maximum are not sums of their parts");
    }

    @Test
    void aThirtyPerCentMoveInStaffIsNormalAndMoreIsWorthASecondLook() {
        Map<String, ReturnValue> before = Map.of("inpost_fte|", new ReturnValue("inpost_fte", "", new BigDecimal("100"), null));
        assertEquals(List.of(), line("inpost_fte", "130").check(before).warnings());
        assertEquals(List.of(), check(before).warnings());
        lines.clear();
        assertEquals(List.of("STAFF_CHANGED_SHARPLY 2 value"), said(line("inpost_fte", "130.1").check(before).warnings()));
        lines.clear();
        assertEquals(List.of("STAFF_CHANGED_SHARPLY 2 value"), said(line("inpost_fte", "69.9").check(before).warnings()), "down too");
        assertTrue(check(before).warnings().get(0).message().contains("(-30%)"));
        lines.clear();
        assertEquals(List.of(), line("inpost_fte", "500").check(Map.of("inpost_fte|", new ReturnValue("inpost_fte", "", BigDecimal.ZERO, null)))
                .warnings(), "no change can be measured from zero");
        assertEquals(List.of(), check(Map.of("inpost_fte|", new ReturnValue("inpost_fte", "", null, Symbol.UNAVAILABLE))).warnings());
    }

    @Test
    void aCaseloadOfTwentyFiveIsHighButNotFlaggedAndAboveItIs() {
        assertEquals(List.of(), line("cases", "2500").line("case_holders_fte", "100").line("inpost_fte", "100").check().warnings());
        lines.clear();
        assertEquals(List.of("CASELOAD_HIGH 2 value"), said(line("cases", "2501").line("case_holders_fte", "100").line("inpost_fte", "100")
                .check().warnings()));
        lines.clear();
        assertEquals(List.of(), line("cases", "2501").line("case_holders_fte", "0").check().warnings(), "no case holders: no average");
    }

    @Test
    void errorsAndWarningsSayRowsOnlyWhereThereIsOne() {
        Problem.Violation empty = check().errors().get(0);
        assertNull(empty.row());
        assertNull(empty.field());
    }
}
