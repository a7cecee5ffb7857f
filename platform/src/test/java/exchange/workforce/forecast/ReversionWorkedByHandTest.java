package exchange.workforce.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reversion worked by hand: φ is the pooled slope of next year's departure from each area's own mean on this year's,
 * held to [0, 1]; the forecast is half-way between the last figure and its reversion φ^h of the way back.
 */
class ReversionWorkedByHandTest {

    static SortedMap<Integer, Double> series(double... values) {
        SortedMap<Integer, Double> series = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            series.put(2019 + i, values[i]);
        }
        return series;
    }

    @Test
    void phiIsThePooledSlopeOfNextYearsDepartureOnThisYearsAndShortSeriesAreLeftOut() {
        // 10, 12, 14, 16: mean 13, departures −3, −1, 1, 3; Σ this·next = 3 − 1 + 3 = 5, Σ this² = 9 + 1 + 1 = 11: φ = 5/11.
        // (0, 100), two figures, would pull φ to −1 if counted: it has too few for an average worth reverting to.
        PanelMethod.Fitted fitted = new Reversion().fit(List.of(series(10, 12, 14, 16), series(0, 100)));
        assertEquals("φ 0.455", fitted.parameters());
        // from 16 (origin 2022): reverted 13 + (5/11)·3 = 14.364, forecast (16 + 14.364)/2 = 15.182;
        // two years on 13 + (25/121)·3 = 13.620, forecast 14.810
        double[] ahead = fitted.forecast(series(10, 12, 14, 16), 2022, 2);
        assertArrayEquals(new double[] {15.1818, 14.8099}, ahead, 1e-4);
        double[] stoppedEarly = fitted.forecast(series(10, 12, 14, 16), 2023, 1);
        assertEquals(14.8099, stoppedEarly[0], 1e-4, "a series that stops a year before the origin is two years from 2024");
    }

    @Test
    void phiIsHeldBetweenNoReversionAndFullReversion() {
        // 10, 14, 10, 14: departures −2, 2, −2, 2 flip every year, a slope of −1: held to 0, full reversion to the mean 12
        PanelMethod.Fitted flipping = new Reversion().fit(List.of(series(10, 14, 10, 14)));
        assertEquals("φ 0", flipping.parameters());
        assertArrayEquals(new double[] {13, 13}, flipping.forecast(series(10, 14, 10, 14), 2022, 2), 1e-9, "half-way from 14 to 12");
        // no area moved at all: nothing to learn a reversion from, so none (φ 1) and the last figure carried forward
        PanelMethod.Fitted still = new Reversion().fit(List.of(series(5, 5, 5), series(7, 7, 7, 7)));
        assertEquals("φ 1", still.parameters());
        assertArrayEquals(new double[] {16, 16}, still.forecast(series(10, 12, 14, 16), 2022, 2), 1e-9);
    }

    @Test
    void anAreaWithTooFewFiguresForAnAverageIsCarriedForward() {
        PanelMethod.Fitted fitted = new Reversion().fit(List.of(series(10, 12, 14, 16)));
        assertArrayEquals(new double[] {7, 7, 7}, fitted.forecast(series(5, 7), 2020, 3), 1e-9);
        assertArrayEquals(new double[] {15.1818}, fitted.forecast(series(10, 12, 14, 16), 2022, 1), 1e-4, "three figures are enough");
    }

    @Test
    void itSaysWhatItIsInWords() {
        Reversion reversion = new Reversion();
        assertEquals("reversion", reversion.code());
        assertTrue(reversion.description().contains("half-way between the last figure and its reversion"), reversion.description());
    }
}
