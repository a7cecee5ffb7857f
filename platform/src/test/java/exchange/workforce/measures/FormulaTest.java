package exchange.workforce.measures;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one implementation of a derived rate, as DfE computes it: sums, scale, factor, one decimal place, half up. */
class FormulaTest {

    static final MeasureCatalogue.Formula TURNOVER = new MeasureCatalogue.Formula(List.of("leavers_fte"), List.of("inpost_fte"), 100, null);
    static final MeasureCatalogue.Formula AGENCY = new MeasureCatalogue.Formula(List.of("agency_fte"),
            List.of("inpost_fte", "agency_fte"), 100, null);
    static final MeasureCatalogue.Formula DAYS_LOST = new MeasureCatalogue.Formula(List.of("working_days_lost_fte"),
            List.of("inpost_fte"), 100, 253.0);

    @Test
    void aRateIsTheScaledRatioOfSumsRoundedHalfUpToOneDecimal() {
        assertEquals(Optional.of(new BigDecimal("13.3")), TURNOVER.rate(Map.of("leavers_fte", new BigDecimal("60.0"),
                "inpost_fte", new BigDecimal("450.5"))));
        assertEquals(Optional.of(new BigDecimal("16.7")), AGENCY.rate(Map.of("agency_fte", new BigDecimal("90"),
                "inpost_fte", new BigDecimal("450"))), "the denominator sums both components: 90 / 540");
        assertEquals(Optional.of(new BigDecimal("0.3")), TURNOVER.rate(Map.of("leavers_fte", new BigDecimal("1"),
                "inpost_fte", new BigDecimal("400"))), "0.25 rounds half up to 0.3");
        assertEquals(Optional.of(new BigDecimal("3.5")), DAYS_LOST.rate(Map.of("working_days_lost_fte", new BigDecimal("4000"),
                "inpost_fte", new BigDecimal("450.5"))), "the factor multiplies the denominator: 4000 / (253 × 450.5)");
    }

    @Test
    void aZeroDenominatorHasNoRateNeverZero() {
        assertEquals(Optional.empty(), TURNOVER.rate(Map.of("leavers_fte", BigDecimal.ZERO, "inpost_fte", BigDecimal.ZERO)));
        assertEquals(Optional.of(new BigDecimal("0.0")), TURNOVER.rate(Map.of("leavers_fte", BigDecimal.ZERO,
                "inpost_fte", BigDecimal.TEN)), "zero leavers of ten in post is a real 0.0");
    }

    @Test
    void componentsAreEachReadOnceNumeratorFirst() {
        assertEquals(List.of("agency_fte", "inpost_fte"), AGENCY.components());
    }
}
