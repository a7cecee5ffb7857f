package exchange.workforce.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pooled backtest on panels small enough to work by hand, and on panels whose answer is known. */
class PooledBacktestTest {

    /** A series of figures from 2017. */
    static SortedMap<Integer, Double> from2017(double... figures) {
        SortedMap<Integer, Double> series = new TreeMap<>();
        for (int i = 0; i < figures.length; i++) {
            series.put(2017 + i, figures[i]);
        }
        return series;
    }

    /** Areas growing 10% a year from their own levels. */
    static Map<String, SortedMap<Integer, Double>> growingTenPercent(int areas, int years) {
        Map<String, SortedMap<Integer, Double>> panel = new TreeMap<>();
        for (int a = 0; a < areas; a++) {
            double[] figures = new double[years];
            for (int t = 0; t < years; t++) {
                figures[t] = (100 + 10 * a) * Math.pow(1.1, t);
            }
            panel.put("A" + a, from2017(figures));
        }
        return panel;
    }

    @Test
    void theBacktestForecastsFromTheThirdYearOneToThreeYearsAheadAndScoresAsWorkedByHand() {
        // one area 1, 2, 3, 4, 5 (2017–2021), origin 2021: origins 2019 (history 1, 2, 3) and 2020 (1, 2, 3, 4)
        PooledBacktest backtest = PooledBacktest.run(Map.of("A", from2017(1, 2, 3, 4, 5)), 2021);
        assertEquals(List.of(2019, 2020), backtest.origins());
        // naive from 2019 says 3 for 2020 and 2021 (errors 1, 2); from 2020 says 4 for 2021 (error 1); each area's scale is 1
        assertEquals(4.0 / 3, backtest.meanAbsolute(CarriedForward.CODE), 1e-12);
        assertEquals(4.0 / 3, backtest.meanScaled(CarriedForward.CODE), 1e-12);
    }

    @Test
    void nothingAfterTheOriginIsRead() {
        Map<String, SortedMap<Integer, Double>> panel = growingTenPercent(5, 8);
        Map<String, SortedMap<Integer, Double>> upTo2021 = new TreeMap<>();
        panel.forEach((area, years) -> upTo2021.put(area, new TreeMap<>(years.headMap(2022))));
        panel.get("A0").put(2022, 1e9);
        assertEquals(PooledBacktest.run(upTo2021, 2021).record(), PooledBacktest.run(panel, 2021).record());
    }

    @Test
    void areasGrowingAlikeAreForecastByTheirSharedTrendWithNoErrorAndTheAnswerSaysWhy() {
        PooledBacktest backtest = PooledBacktest.run(growingTenPercent(20, 7), 2023);
        MethodChoice choice = MethodChoice.of(backtest);
        assertEquals(NationalTrend.CODE, choice.method().code(), choice.reason());
        assertTrue(choice.reason().startsWith("lowest error over every area"), choice.reason());
        assertEquals(0, backtest.meanAbsolute(NationalTrend.CODE), 1e-9, "the trend is exact at every origin");
        // the record is nested: at the first origins too few earlier ones chose anything but naive, which missed
        assertTrue(backtest.record().relativeToNaive() < 1 && backtest.record().mae() > 0, backtest.record().toString());
        assertEquals(110 * 1.1, choice.fitted().forecast(from2017(100, 110), 2018, 1)[0], 1e-9);
    }

    @Test
    void randomWalksAreCarriedForwardBecauseNothingBeatsNaiveOnThem() {
        Random random = new Random(7);
        Map<String, SortedMap<Integer, Double>> panel = new TreeMap<>();
        for (int a = 0; a < 60; a++) {
            double[] figures = new double[8];
            figures[0] = 100;
            for (int t = 1; t < 8; t++) {
                figures[t] = figures[t - 1] + random.nextGaussian() * 5;
            }
            panel.put("A" + a, from2017(figures));
        }
        MethodChoice choice = MethodChoice.of(PooledBacktest.run(panel, 2024));
        assertEquals(CarriedForward.CODE, choice.method().code(), choice.reason());
    }

    @Test
    void oneEarlierOriginIsNotEnoughToPreferAMethodToNaive() {
        // 2017–2020: one backtest origin (2019), on which the shared trend is exact
        MethodChoice choice = MethodChoice.of(PooledBacktest.run(growingTenPercent(20, 4), 2020));
        assertEquals(CarriedForward.CODE, choice.method().code());
        assertTrue(choice.reason().startsWith("only 1 earlier origin"), choice.reason());
    }

    @Test
    void ratesThatWanderAroundTheirOwnLevelsRevertHalfWayAtTheRateAllAreasShare() {
        // each area alternates 10 above and 10 below its own level: the pooled slope of next year's departure on this
        // year's is -1, clipped to 0; half-way between the last figure and its own average
        Map<String, SortedMap<Integer, Double>> panel = new TreeMap<>();
        for (int a = 0; a < 30; a++) {
            double level = 10 + a;
            panel.put("A" + a, from2017(level + 10, level - 10, level + 10, level - 10, level + 10, level - 10, level + 10));
        }
        PanelMethod.Fitted fitted = new Reversion().fit(panel.values());
        assertEquals("φ 0", fitted.parameters());
        // A0: figures 20, 0, 20, 0, 20, 0, 20 (mean 80/7); forecast half-way between 20 and the mean
        assertArrayEquals(new double[]{(20 + 80.0 / 7) / 2, (20 + 80.0 / 7) / 2}, fitted.forecast(panel.get("A0"), 2023, 2), 1e-9);
        assertTrue(PooledBacktest.run(panel, 2023).candidates().get(Reversion.CODE) < 1, "and beats carrying forward on it");
    }

    @Test
    void aYearWithoutAFigureIsBridgedAndTheYearsBeforeItAreKept() {
        SortedMap<Integer, Double> withGap = from2017(100, 110, 121);
        withGap.put(2021, 146.41); // no 2020
        PanelMethod.Fitted trend = new NationalTrend().fit(growingTenPercent(10, 7).values());
        assertEquals(146.41 * 1.1 * 1.1, trend.forecast(withGap, 2022, 1)[0], 1e-6, "from 2021, two years to 2023");
        assertEquals(3, PanelMethod.yearsAhead(withGap, 2023, 1) - 0, "the last figure is 2021: 2024 is three years after it");
    }

    @Test
    void intervalsAreTheErrorsPercentilesAndNeverNarrowFurtherAhead() {
        Random random = new Random(11);
        Map<String, SortedMap<Integer, Double>> panel = new TreeMap<>();
        for (int a = 0; a < 100; a++) {
            double[] figures = new double[8];
            figures[0] = 50;
            for (int t = 1; t < 8; t++) {
                figures[t] = figures[t - 1] + random.nextGaussian();
            }
            panel.put("A" + a, from2017(figures));
        }
        PooledBacktest backtest = PooledBacktest.run(panel, 2024);
        double[] q80 = backtest.quantiles(CarriedForward.CODE, 2024, PooledBacktest.P80, 5);
        double[] q95 = backtest.quantiles(CarriedForward.CODE, 2024, PooledBacktest.P95, 5);
        for (int h = 1; h < 5; h++) {
            assertTrue(q80[h] >= q80[h - 1] && q95[h] >= q95[h - 1], "wider further ahead");
            assertTrue(q95[h - 1] > q80[h - 1]);
        }
        // a random walk's h-year error grows as √h: the 3-year percentile is about √3 times the 1-year one
        assertEquals(Math.sqrt(3), q80[2] / q80[0], 0.35);
        assertEquals(q80[2] * Math.sqrt(5.0 / 3), q80[4], 1e-9, "beyond three years, widened by √(h ÷ 3)");
        PooledBacktest.Record record = backtest.record();
        assertTrue(record.coverage80() > 0.72 && record.coverage80() < 0.9, "the nested coverage is near what the interval claims: "
                + record.coverage80());
        assertTrue(record.coverage95() > 0.9, "and for 95%: " + record.coverage95());
    }

    @Test
    void theRecordOfTheOneAreaExampleIsNaivesOwnForecastsByHorizon() {
        // origins 2019 and 2020 each have fewer than two earlier origins to test methods on, so naive is chosen at both:
        // from 2019, 3 for 2020 (error 1) and 2021 (error 2); from 2020, 4 for 2021 (error 1)
        PooledBacktest backtest = PooledBacktest.run(Map.of("A", from2017(1, 2, 3, 4, 5)), 2021);
        PooledBacktest.Record record = backtest.record();
        assertEquals(2, record.origins());
        assertEquals(2, record.count(1));
        assertEquals(1, record.count(2));
        assertEquals(0, record.count(3));
        assertEquals(1, record.mae(1), 1e-12);
        assertEquals(2, record.mae(2), 1e-12);
        assertTrue(Double.isNaN(record.mae(3)), "no forecast three years ahead has an outcome yet");
        assertEquals(3, record.of("A").size());
        assertEquals(List.of(), record.of("B"));
        assertEquals(1, record.relativeToNaive(), 1e-12, "the record is naive's own");
        assertTrue(backtest.chosenAt(2020).reason().startsWith("only 1 earlier origin to test methods on"), backtest.chosenAt(2020).reason());
        assertTrue(backtest.chosenAt(2019).reason().startsWith("only 0 earlier origins"), backtest.chosenAt(2019).reason());
    }

    @Test
    void aRecordWithoutNaiveErrorsCannotSayHowItComparesAndATrialWithoutAScaleHasNoScaledError() {
        assertTrue(Double.isNaN(new PooledBacktest.Record(List.of(), List.of(), 0, 0.2, 0, 0, Double.NaN, Double.NaN, 0).relativeToNaive()));
        assertEquals(0.5, new PooledBacktest.Record(List.of(), List.of(), 0, 0.25, 0, 0.5, Double.NaN, Double.NaN, 0).relativeToNaive(), 1e-12);
        assertTrue(Double.isNaN(new PooledBacktest.Trial("A", 2019, 1, "naive", 3, 4, 0).scaled()));
        assertEquals(0.5, new PooledBacktest.Trial("A", 2019, 1, "naive", 3, 4, 2).scaled(), 1e-12);
        assertEquals(-0.5, new PooledBacktest.Trial("A", 2019, 1, "naive", 4.5, 4, 2).error(), 1e-12);
    }

    @Test
    void anAreasScaleIsItsMeanYearOnYearChangeOrTheFieldsWhenItHasNone() {
        assertEquals(1.5, PooledBacktest.scale(from2017(1, 3, 2)), 1e-12);
        SortedMap<Integer, Double> gap = new TreeMap<>(Map.of(2017, 1.0, 2019, 5.0));
        assertTrue(Double.isNaN(PooledBacktest.scale(gap)), "no two consecutive years");
        // A rises 2 a year to 16 (scale ÷ level 0.125), B swings 10 about 105 to 110 (10/110); their median 0.10795
        PooledBacktest backtest = PooledBacktest.run(Map.of("A", from2017(10, 12, 14, 16), "B", from2017(100, 110, 100, 110)), 2020);
        assertEquals(3, backtest.scaleFor(from2017(1, 4, 7)), 1e-12, "its own where it has one");
        double median = (0.125 + 10.0 / 110) / 2;
        assertEquals(median * 5, backtest.scaleFor(from2017(5, 5, 5)), 1e-12, "a series that never moved takes the field's");
        assertEquals(median * 40, backtest.scaleFor(new TreeMap<>(Map.of(2020, -40.0))), 1e-12, "one figure: the field's, on its size");
        PooledBacktest alone = PooledBacktest.run(Map.of("C", new TreeMap<>(Map.of(2020, 7.0))), 2020);
        assertTrue(Double.isNaN(alone.scaleFor(new TreeMap<>(Map.of(2020, 7.0)))), "no area with two years: no scale");
    }

    @Test
    void theBacktestSaysWhatItCoversAndWhichMethodsItTried() {
        PooledBacktest backtest = PooledBacktest.run(Map.of("A", from2017(10, 12, 14, 16), "B", from2017(100, 110, 100, 110)), 2020);
        assertEquals(2020, backtest.origin());
        assertEquals(2, backtest.areas());
        assertTrue(backtest.includes("A"));
        assertTrue(!backtest.includes("Z"));
        assertEquals(PooledBacktest.CANDIDATES.stream().map(PanelMethod::code).toList(), backtest.methods().stream().map(PanelMethod::code).toList());
        assertTrue(backtest.toString().startsWith("PooledBacktest to 2020 over 2 areas: naive "), backtest.toString());
    }

    @Test
    void theIntervalIsTheConformalRankOfTheErrorsAndNoneWhereThereAreTooFewForIt() {
        // ⌈(n + 1) × p⌉-th smallest: four errors at 80% → the 4th; ten at 80% → the 9th, at 95% the 11th of 10: none
        assertEquals(4, PooledBacktest.conformal(new double[]{4, 1, 3, 2}, 80), 1e-12);
        assertEquals(9, PooledBacktest.conformal(new double[]{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 80), 1e-12);
        assertTrue(Double.isNaN(PooledBacktest.conformal(new double[]{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 95)));
        assertTrue(Double.isNaN(PooledBacktest.conformal(new double[]{1, 2, 3}, 80)), "⌈4 × 0.8⌉ = 4 of 3");
    }
}
