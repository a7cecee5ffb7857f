package exchange.workforce.forecast;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each method against a worked example: published ones where a textbook prints one (Heizer and Render, Operations
 * Management, chapter 4: the Port of Baltimore for exponential smoothing and the Portland manufacturer for trend-adjusted
 * smoothing, Table 4.2), worked by hand in this file where none is printed for the method as we define it.
 */
class ForecastMethodsReproduceWorkedExamplesTest {

    private static double printed(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void exponentialSmoothingReproducesThePortOfBaltimoreForecastsForBothSmoothingConstants() {
        double[] tonnage = {180, 168, 159, 175, 190, 205, 180, 182};
        double[] alphaTenth = ExponentialSmoothing.forecasts(tonnage, 0.10, 175);
        double[] alphaHalf = ExponentialSmoothing.forecasts(tonnage, 0.50, 175);
        double[] printedTenth = {175.00, 175.50, 174.75, 173.18, 173.36, 175.02, 178.02, 178.22, 178.60};
        double[] printedHalf = {175.00, 177.50, 172.75, 165.88, 170.44, 180.22, 192.61, 186.30, 184.15};
        for (int quarter = 0; quarter < printedTenth.length; quarter++) {
            assertEquals(printedTenth[quarter], printed(alphaTenth[quarter]), 1e-9, "α 0.10, quarter " + (quarter + 1));
            assertEquals(printedHalf[quarter], printed(alphaHalf[quarter]), 1e-9, "α 0.50, quarter " + (quarter + 1));
        }
    }

    @Test
    void dampedTrendWithoutDampingIsHoltsMethodAndReproducesThePortlandManufacturersTrendAdjustedForecasts() {
        // Heizer's F(t) and T(t) are the level and trend after the demand of month t − 1; FIT(t) = F(t) + T(t)
        double[] demand = {12, 17, 20, 19, 24, 21, 31, 28, 36};
        DampedTrend.Smoothed smoothed = DampedTrend.smooth(demand, 0.2, 0.4, 1.0, 11, 2);
        assertEquals(12.80, printed(smoothed.levels()[0]), 1e-9, "F2");
        assertEquals(1.92, printed(smoothed.trends()[0]), 1e-9, "T2");
        assertEquals(14.72, printed(smoothed.levels()[0] + smoothed.trends()[0]), 1e-9, "FIT2");
        assertEquals(15.18, printed(smoothed.levels()[1]), 1e-9, "F3");
        assertEquals(2.10, printed(smoothed.trends()[1]), 1e-9, "T3");
        assertEquals(17.28, printed(smoothed.levels()[1] + smoothed.trends()[1]), 1e-9, "FIT3");
        assertEquals(20.14, printed(smoothed.levels()[2] + smoothed.trends()[2]), 1e-9, "FIT4");
        assertEquals(35.16, printed(DampedTrend.project(smoothed.lastLevel(), smoothed.lastTrend(), 1.0, 1)[0]), 1e-9, "FIT10");
    }

    @Test
    void dampedTrendShrinksTheTrendByPhiEachYearAheadAsWorkedByHand() {
        // from level 12 and trend 2 (the first two years 10, 12), α 0.5, β 0.5, φ 0.9:
        // 13 → level 0.5·13 + 0.5·(12 + 1.8) = 13.4, trend 0.5·1.4 + 0.5·1.8 = 1.6
        // 15 → level 0.5·15 + 0.5·(13.4 + 1.44) = 14.92, trend 0.5·1.52 + 0.5·1.44 = 1.48
        DampedTrend.Smoothed smoothed = DampedTrend.smooth(new double[]{13, 15}, 0.5, 0.5, 0.9, 12, 2);
        assertEquals(13.4, smoothed.levels()[0], 1e-9);
        assertEquals(1.6, smoothed.trends()[0], 1e-9);
        assertEquals(14.92, smoothed.lastLevel(), 1e-9);
        assertEquals(1.48, smoothed.lastTrend(), 1e-9);
        assertArrayEquals(new double[]{14.92 + 0.9 * 1.48, 14.92 + 1.71 * 1.48, 14.92 + 2.439 * 1.48},
                DampedTrend.project(14.92, 1.48, 0.9, 3), 1e-9);
    }

    @Test
    void thetaAveragesTheExtendedLineAndTheSmoothedThetaTwoLineAsWorkedByHand() {
        // y = 1, 3, 2, 4: least-squares line 0.5 + 0.8t; θ=2 line 0.7, 3.9, 1.1, 4.3; smoothed with α 0.5 from 0.7:
        // 2.3, 1.7, 3.0. One year ahead: ½(0.5 + 0.8·5) + ½·3.0 = 3.75; two: ½(0.5 + 0.8·6) + ½·3.0 = 4.15
        double[] y = {1, 3, 2, 4};
        assertArrayEquals(new double[]{0.5, 0.8}, Theta.line(y), 1e-9);
        assertArrayEquals(new double[]{0.7, 3.9, 1.1, 4.3}, Theta.thetaTwo(y, Theta.line(y)), 1e-9);
        assertArrayEquals(new double[]{3.75, 4.15}, Theta.forecast(y, 0.5, 2), 1e-9);
    }

    @Test
    void thetaLinesAverageBackToTheSeriesAsAssimakopoulosAndNikolopoulosDefineThem() {
        double[] y = {33119.1, 32502.3, 31854.4, 32501.1, 31023.6, 30670.0, 30000.2};
        double[] line = Theta.line(y);
        double[] two = Theta.thetaTwo(y, line);
        for (int t = 1; t <= y.length; t++) {
            assertEquals(y[t - 1], ((line[0] + line[1] * t) + two[t - 1]) / 2, 1e-9);
        }
    }

    @Test
    void driftExtendsTheLineFromTheFirstToTheLastFigure() {
        // 4, 6, 10: (10 − 4) / 2 = 3 a year
        assertArrayEquals(new double[]{13, 16, 19}, new Drift().fit(new double[]{4, 6, 10}).forecast(3), 1e-9);
        assertArrayEquals(new double[]{10, 10}, new CarriedForward().fit(java.util.List.of())
                .forecast(PooledBacktestTest.from2017(4, 6, 10), 2019, 2), 1e-9);
    }

    @Test
    void fittedSmoothingFindsTheLeastSquaresParameterWithinItsBounds() {
        // a series that moves in steps of the same size is followed most closely by the largest α allowed
        double alpha = ExponentialSmoothing.fitAlpha(new double[]{1, 2, 3, 4, 5, 6, 7, 8});
        assertEquals(ExponentialSmoothing.HIGHEST, alpha, 1e-3);
        ForecastMethod.Fitted fitted = new DampedTrend().fit(new double[]{100, 104, 108, 112, 116, 120, 124});
        double[] ahead = fitted.forecast(3);
        assertTrue(ahead[0] > 124 && ahead[0] < 129, "a steady rise continues, damped: " + ahead[0]);
        assertTrue(ahead[1] - ahead[0] < ahead[0] - 124 + 1e-6, "each year adds less than the one before");
    }
}
