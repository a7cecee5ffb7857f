package exchange.workforce.benchmark;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recomputation beside DfE's figure is flagged only where it differs by more than the rounding of what was summed. */
class RoundingOfDfeTest {

    static final MeasureCatalogue.Measure IN_POST = measure("inpost_fte", "fte", "sum", "census");
    static final MeasureCatalogue.Measure TURNOVER = measure("turnover_rate_fte", "percent", "ratio", "census");
    static final MeasureCatalogue.Measure REFERRALS = measure("referral_count", "count", "sum", "cin-year");
    static final MeasureCatalogue.Measure HEADCOUNT = measure("inpost_headcount", "headcount", "sum", "census");

    static MeasureCatalogue.Measure measure(String code, String unit, String method, String referenceDate) {
        return new MeasureCatalogue.Measure(code, code, unit, "stock", false, "lower", null, null, "d", "s", null,
                new MeasureCatalogue.Aggregation(method, null), referenceDate, null, "workforce");
    }

    /** A group of {@code units} authorities, all counted, whose recomputation is {@code value}; {@code lows} counted as 0. */
    static BenchmarkCalculator.GroupFigure whole(String value, int units, int lows) {
        List<BenchmarkCalculator.UnitFigure> all = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            all.add(new BenchmarkCalculator.UnitFigure(new Group.Unit("A" + i, "A" + i, List.of("A" + i)), BigDecimal.ONE, null, null,
                    FigureSource.DFE, null, Map.of(), 0));
        }
        return new BenchmarkCalculator.GroupFigure(new BigDecimal(value), null, all, List.of(), lows);
    }

    @Test
    void aSumMayDifferByHalfTheLastPlaceForEachFigureSummedAndNoMore() {
        assertNull(RoundingOfDfe.disagreement(IN_POST, new BigDecimal("300.5"), whole("300.3", 3, 0)), "0.2 within 0.05 × (3 + 1)");
        String flagged = RoundingOfDfe.disagreement(IN_POST, new BigDecimal("300.6"), whole("300.3", 3, 0));
        assertTrue(flagged.contains("differs from DfE's published figure (300.6) by 0.3") && flagged.contains("(0.2)"), flagged);
        assertNull(RoundingOfDfe.disagreement(IN_POST, new BigDecimal("300.6"), whole("300.3", 4, 1)), "0.3 within 0.05 × 5 + 0.05 for a low");
        assertNull(RoundingOfDfe.disagreement(HEADCOUNT, new BigDecimal("35085.8"), whole("35085.9", 1, 0)),
                "days lost published to one decimal are rounded like FTEs, whatever their unit");
    }

    @Test
    void aRateMayDifferByItsOneDecimalAndACountByNothingExceptChildrenInNeedsTens() {
        assertNull(RoundingOfDfe.disagreement(TURNOVER, new BigDecimal("10.2"), whole("10.1", 5, 0)));
        assertTrue(RoundingOfDfe.disagreement(TURNOVER, new BigDecimal("10.3"), whole("10.1", 5, 0)) != null);
        assertTrue(RoundingOfDfe.disagreement(HEADCOUNT, new BigDecimal("481"), whole("480", 5, 0)) != null, "whole counts add up exactly");
        assertNull(RoundingOfDfe.disagreement(REFERRALS, new BigDecimal("34790"), whole("34800", 12, 0)), "DfE rounds them to the nearest 10");
        assertTrue(RoundingOfDfe.disagreement(REFERRALS, new BigDecimal("34789"), whole("34800", 12, 0)) != null);
    }

    @Test
    void aPartialOrMissingRecomputationIsNotComparedWithDfes() {
        BenchmarkCalculator.GroupFigure partial = new BenchmarkCalculator.GroupFigure(new BigDecimal("100"), null, whole("100", 2, 0).units(),
                List.of(whole("100", 1, 0).units().get(0)), 0);
        assertNull(RoundingOfDfe.disagreement(IN_POST, new BigDecimal("300"), partial), "a partial figure is expected to differ");
        assertNull(RoundingOfDfe.disagreement(IN_POST, null, whole("300", 2, 0)), "DfE suppressed its own");
        assertNull(RoundingOfDfe.disagreement(IN_POST, new BigDecimal("300"),
                new BenchmarkCalculator.GroupFigure(null, Symbol.NOT_APPLICABLE, List.of(), List.of(), 0)));
        assertEquals(new BigDecimal("9.7"), Benchmarking.median(List.of(new BigDecimal("9.6"), new BigDecimal("9.7"))),
                "a median is rounded as DfE rounds it: 9.65 shows as 9.7");
    }
}
