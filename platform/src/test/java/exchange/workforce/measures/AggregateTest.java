package exchange.workforce.measures;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A group's figure from its members', by each aggregation the catalogue names, at its edges. */
class AggregateTest {

    private static MeasureCatalogue.Measure measure(String code, MeasureCatalogue.Formula formula, String method, String weight) {
        return new MeasureCatalogue.Measure(code, code, "number", "stock", false, "higher", null, formula, "d", "s", true,
                new MeasureCatalogue.Aggregation(method, weight), "census", null, "workforce");
    }

    static final MeasureCatalogue.Measure IN_POST = measure("inpost_fte", null, "sum", null);
    static final MeasureCatalogue.Measure TURNOVER = measure("turnover_rate_fte", FormulaTest.TURNOVER, "ratio", null);
    static final MeasureCatalogue.Measure CASELOAD_MAX = measure("caseload_max", null, "max", null);
    static final MeasureCatalogue.Measure DAYS_TO_HIRE = measure("days_to_hire", null, "weighted-mean", "appointments");
    static final MeasureCatalogue.Measure PAY = measure("pay_median_social_worker", null, "median", null);

    private static Map<String, BigDecimal> figures(Object... pairs) {
        Map<String, BigDecimal> figures = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            figures.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return figures;
    }

    @Test
    void countsAreAddedRatesAreRatiosOfSumsNeverMeansOfRates() {
        assertEquals(Optional.of(new BigDecimal("650.5")), Aggregate.of(IN_POST,
                List.of(figures("inpost_fte", "450.5"), figures("inpost_fte", "200"))));
        // 60 of 450 and 10 of 50: the ratio of sums is 70 / 500 = 14.0; the mean of the two rates would be 16.7
        assertEquals(Optional.of(new BigDecimal("14.0")), Aggregate.of(TURNOVER, List.of(
                figures("leavers_fte", "60", "inpost_fte", "450"), figures("leavers_fte", "10", "inpost_fte", "50"))));
    }

    @Test
    void aMaximumIsTheLargestMembersFigureNotTheirSum() {
        assertEquals(Optional.of(new BigDecimal("24")), Aggregate.of(CASELOAD_MAX,
                List.of(figures("caseload_max", "22"), figures("caseload_max", "24"), figures("caseload_max", "-3"))));
    }

    @Test
    void aWeightedMeanWeighsEachMemberByItsStatedWeight() {
        // (30 × 10 + 60 × 30) / 40 = 52.5
        assertEquals(Optional.of(new BigDecimal("52.5")), Aggregate.of(DAYS_TO_HIRE, List.of(
                figures("days_to_hire", "30", "appointments", "10"), figures("days_to_hire", "60", "appointments", "30"))));
        assertEquals(Optional.of(new BigDecimal("33.3")), Aggregate.of(DAYS_TO_HIRE, List.of(
                figures("days_to_hire", "100", "appointments", "1"), figures("days_to_hire", "0", "appointments", "2"))),
                "one decimal, half up: 100 / 3");
    }

    @Test
    void aMedianIsTheMiddleMembersFigureOrTheMeanOfTheMiddleTwo() {
        assertEquals(Optional.of(new BigDecimal("39500")), Aggregate.of(PAY, List.of(figures("pay_median_social_worker", "41000"),
                figures("pay_median_social_worker", "36000"), figures("pay_median_social_worker", "39500"))), "the order given does not matter");
        assertEquals(Optional.of(new BigDecimal("38750.50")), Aggregate.of(PAY, List.of(figures("pay_median_social_worker", "41000"),
                figures("pay_median_social_worker", "36000"), figures("pay_median_social_worker", "39500"),
                figures("pay_median_social_worker", "38001"))), "to the penny: (38,001 + 39,500) / 2");
        assertEquals(Optional.of(new BigDecimal("90000")), Aggregate.of(PAY, List.of(figures("pay_median_social_worker", "90000"))));
    }

    @Test
    void noMembersAZeroDenominatorOrNoWeightGiveNoFigureNeverZero() {
        assertEquals(Optional.empty(), Aggregate.of(IN_POST, List.of()));
        assertEquals(Optional.empty(), Aggregate.of(TURNOVER, List.of(figures("leavers_fte", "0", "inpost_fte", "0"))));
        assertEquals(Optional.empty(), Aggregate.of(DAYS_TO_HIRE, List.of(figures("days_to_hire", "40", "appointments", "0"))));
        assertEquals(Optional.of(new BigDecimal("0")), Aggregate.of(IN_POST, List.of(figures("inpost_fte", "0"))),
                "a real zero is a figure");
    }

    @Test
    void eachMethodSaysWhatItDidInWords() {
        assertEquals("sum of members' figures", Aggregate.describe(IN_POST));
        assertEquals("rate of the members' figures added together (DfE's way, never an average of rates)",
                Aggregate.describe(TURNOVER));
        assertEquals("largest member's figure", Aggregate.describe(CASELOAD_MAX));
        assertEquals("mean of members' figures weighted by appointments", Aggregate.describe(DAYS_TO_HIRE));
        assertEquals("median of members' figures", Aggregate.describe(PAY));
    }

    @Test
    void anAggregationTheCodeDoesNotKnowIsAFaultNotAFigure() {
        MeasureCatalogue.Measure mode = measure("x", null, "mode", null);
        assertEquals("Unknown aggregation mode", assertThrows(IllegalStateException.class, () -> Aggregate.describe(mode)).getMessage());
        assertEquals("Unknown aggregation mode", assertThrows(IllegalStateException.class,
                () -> Aggregate.of(mode, List.of(figures("x", "1")))).getMessage());
    }
}
