package exchange.workforce.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestChoosesOnlyWhatBeatsNaiveTest {

    @Test
    void theBacktestFitsFromTheFourthYearAndScoresOneToThreeYearsAheadAsWorkedByHand() {
        // 1 … 6: naive from 1–4 says 4 for years 5 and 6 (errors 1, 2), from 1–5 says 5 for year 6 (error 1)
        Backtest.Accuracy naive = Backtest.run(new Naive(), new double[]{1, 2, 3, 4, 5, 6});
        assertEquals(2, naive.origins());
        assertEquals(List.of(List.of(1.0, 1.0), List.of(2.0), List.of()), naive.errorsByHorizon());
        assertEquals(4.0 / 3, naive.mae(), 1e-12);
        assertEquals(4.0 / 3, naive.mase(), 1e-12, "the in-sample naive error of each origin's history is 1");
    }

    @Test
    void aStraightLineIsForecastByDriftWithNoErrorAndTheAnswerSaysWhy() {
        MethodChoice.Choice choice = MethodChoice.choose(new double[]{10, 12, 14, 16, 18, 20, 22});
        assertEquals("drift", choice.method().code(), choice.reason());
        assertEquals(0, choice.chosen().mae(), 1e-9);
        assertTrue(choice.reason().startsWith("lowest mean absolute error"), choice.reason());
        assertEquals(0, choice.halfWidth(1, MethodChoice.Z95), 1e-9);
    }

    @Test
    void aMethodThatDoesNotBeatCarryingTheLastFigureForwardIsNotUsed() {
        MethodChoice.Choice choice = MethodChoice.choose(new double[]{1, 5, 5, 5, 5, 5, 5});
        assertEquals("naive", choice.method().code());
        assertTrue(choice.reason().startsWith("no method beat"), choice.reason());
    }

    @Test
    void oneBacktestOriginIsNotEnoughToPreferAMethodToNaive() {
        // five years: one origin (the first four years) and one error, which a straight line's drift gets exactly right
        MethodChoice.Choice choice = MethodChoice.choose(new double[]{10, 12, 14, 16, 18});
        assertEquals("naive", choice.method().code());
        assertTrue(choice.reason().startsWith("only 1 backtest origin"), choice.reason());
        assertEquals("drift", MethodChoice.choose(new double[]{10, 12, 14, 16, 18, 20}).method().code(), "two origins suffice");
    }

    @Test
    void aSeriesThatNeverMovesIsForecastWithoutTheFittingFailing() {
        for (double[] flat : new double[][]{{5, 5, 5, 5, 5, 5, 5}, {0, 0, 0, 0, 0, 0}, {12.5, 12.5, 12.5, 12.5, 12.6, 12.5, 12.5}}) {
            MethodChoice.Choice choice = MethodChoice.choose(flat);
            double[] ahead = choice.fitted().forecast(3);
            assertTrue(java.util.Arrays.stream(ahead).allMatch(Double::isFinite), java.util.Arrays.toString(ahead));
            assertTrue(java.util.Arrays.stream(new DampedTrend().fit(flat).forecast(2)).allMatch(Double::isFinite));
        }
    }

    @Test
    void aSeriesTooShortToBacktestIsCarriedForwardWithNoInterval() {
        MethodChoice.Choice choice = MethodChoice.choose(new double[]{3, 4, 5, 6});
        assertEquals("naive", choice.method().code());
        assertTrue(choice.reason().contains("5 are needed"), choice.reason());
        assertTrue(Double.isNaN(choice.halfWidth(1, MethodChoice.Z80)));
    }

    @Test
    void intervalsComeFromTheBacktestErrorsAndWidenWhereAHorizonHasTooFewOfThem() {
        double[] y = {100, 96, 103, 99, 104, 98, 105, 101};
        MethodChoice.Choice choice = MethodChoice.choose(y);
        double oneYear = choice.chosen().rootMeanSquare(1);
        assertEquals(MethodChoice.Z80 * oneYear, choice.halfWidth(1, MethodChoice.Z80), 1e-9);
        // three years ahead: 8 years give origins 4–7, so two errors at three years (origins 4 and 5)
        assertEquals(2, choice.chosen().count(3));
        double threeYears = Math.max(MethodChoice.Z95 * choice.chosen().rootMeanSquare(3),
                Math.max(MethodChoice.Z95 * choice.chosen().rootMeanSquare(2), MethodChoice.Z95 * oneYear));
        assertEquals(threeYears, choice.halfWidth(3, MethodChoice.Z95), 1e-9, "never narrower than a nearer year's");
        // four years ahead: none seen; the three-year error widened by √(4/3), unless a nearer year's is wider still
        assertEquals(Math.max(threeYears, MethodChoice.Z95 * choice.chosen().rootMeanSquare(3) * Math.sqrt(4.0 / 3)),
                choice.halfWidth(4, MethodChoice.Z95), 1e-9);
        for (int h = 2; h <= 6; h++) {
            assertTrue(choice.halfWidth(h, MethodChoice.Z80) >= choice.halfWidth(h - 1, MethodChoice.Z80), "h " + h);
        }
    }
}
