package exchange.workforce.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pieces the forecasting methods are built from, each worked by hand: the damped trend's one-step errors, the Theta
 * method's least-squares line, and what each method says of itself on the page and in the CSV.
 */
class ForecastMathsWorkedByHandTest {

    @Test
    void theDampedTrendIsFittedOnTheSumOfItsSquaredOneStepErrors() {
        // from level 12 and trend 2, α 0.5, β 0.5, φ 0.9: 13 was forecast 12 + 1.8 = 13.8 (error −0.8); then level 13.4,
        // trend 1.6, so 15 was forecast 13.4 + 1.44 = 14.84 (error 0.16): 0.64 + 0.0256
        assertEquals(0.6656, DampedTrend.sumOfSquaredErrors(new double[]{13, 15}, 0.5, 0.5, 0.9, 12, 2), 1e-9);
        assertEquals(0, DampedTrend.sumOfSquaredErrors(new double[]{12, 12, 12}, 0.3, 0.2, 0.9, 12, 0), 1e-12, "a flat series is forecast exactly");
    }

    @Test
    void theDampedTrendStartsFromTheFirstTwoFiguresAndContinuesARiseNearlyStraight() {
        ForecastMethod.Fitted fitted = new DampedTrend().fit(new double[]{10, 12, 14, 16, 18, 20});
        // a straight rise of 2 a year is best followed at the bounds (α, β 0.99; φ 0.98, the least damping allowed), so
        // from level and trend close to 20 and 2 (the damping costs a little each year): about 20 + 0.98·2, then 20 + (0.98 + 0.98²)·2
        assertEquals("α 0.99, β 0.99, φ 0.98", fitted.parameters());
        assertArrayEquals(new double[]{20 + 0.98 * 2, 20 + (0.98 + 0.98 * 0.98) * 2}, fitted.forecast(2), 5e-3);
    }

    @Test
    void aSeriesThatNeverMovesIsForecastAsItIs() {
        ForecastMethod.Fitted fitted = new DampedTrend().fit(new double[]{5, 5, 5, 5, 5});
        assertArrayEquals(new double[]{5, 5, 5}, fitted.forecast(3), 1e-9);
        // every α, β, φ fits it exactly; the first tried, the optimiser's starting point, is the one kept
        assertEquals("α 0.5, β 0.1, φ 0.9", fitted.parameters());
    }

    @Test
    void theThetaLineIsTheLeastSquaresLineOfTheFiguresOnTheirYears() {
        // y 1, 3, 2, 6 on t 1 … 4: mean t 2.5, mean y 3; Σ(t − 2.5)(y − 3) = 3 + 0 − 0.5 + 4.5 = 7, Σ(t − 2.5)² = 5
        assertArrayEquals(new double[]{-0.5, 1.4}, Theta.line(new double[]{1, 3, 2, 6}), 1e-12);
        ForecastMethod.Fitted fitted = new Theta().fit(new double[]{1, 3, 2, 6});
        assertTrue(fitted.parameters().endsWith("fitted slope 1.4 a year"), fitted.parameters());
    }

    @Test
    void eachMethodSaysWhatItIsAndHowMuchHistoryItNeeds() {
        assertEquals("damped-trend", new DampedTrend().code());
        assertEquals(4, new DampedTrend().minimumHistory());
        assertTrue(new DampedTrend().description().contains("a trend that fades year by year"));
        assertEquals("theta", new Theta().code());
        assertEquals(3, new Theta().minimumHistory());
        assertTrue(new Theta().description().contains("curvature doubled"));
    }
}
