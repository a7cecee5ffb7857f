package exchange.workforce.impact;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memorandum-impact estimate on synthetic councils shaped like DfE's: 150 councils, 2017 to 2024, each with its
 * own level, a year-on-year shock every council shares, and noise; twenty members join in October 2020 and their
 * figure moves by a planted effect from 2021. The estimate must recover the effect inside its interval, and the
 * interval must hold the truth about as often as it claims over many synthetic Englands.
 */
class ImpactEstimateRecoversAPlantedEffectTest {

    record World(Map<String, SortedMap<Integer, Double>> panel, List<DifferenceInDifferences.Member> members) {
    }

    /** A synthetic England; members' figures move by {@code effect} from {@code firstYearAfter} on. */
    static World world(long seed, double effect, double memberTrend) {
        Random random = new Random(seed);
        double[] yearShock = new double[8];
        for (int y = 1; y < 8; y++) {
            yearShock[y] = yearShock[y - 1] + random.nextGaussian();
        }
        Map<String, SortedMap<Integer, Double>> panel = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (int c = 0; c < 150; c++) {
            String code = String.format("E%08d", c);
            codes.add(code);
            boolean member = c < 20;
            double level = 15 + 5 * random.nextGaussian();
            SortedMap<Integer, Double> series = new TreeMap<>();
            for (int y = 0; y < 8; y++) {
                int year = 2017 + y;
                double value = level + yearShock[y] + 1.5 * random.nextGaussian()
                        + (member ? memberTrend * y : 0) + (member && year >= 2021 ? effect : 0);
                series.put(year, Math.round(value * 10) / 10.0); // DfE publishes one decimal
            }
            panel.put(code, series);
        }
        List<String> others = codes.subList(20, 150);
        List<DifferenceInDifferences.Member> members = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            List<String> neighbours = new ArrayList<>(others);
            java.util.Collections.shuffle(neighbours, random);
            members.add(new DifferenceInDifferences.Member(codes.get(c), 2020, 2021, List.copyOf(neighbours.subList(0, 10)), others));
        }
        return new World(panel, members);
    }

    @Test
    void aPlantedFallOfThreePointsIsRecoveredInsideItsInterval() {
        DifferenceInDifferences.Result result = DifferenceInDifferences.estimate(world(7, -3.0, 0).panel(), world(7, -3.0, 0).members());
        DifferenceInDifferences.Estimate estimate = result.estimate();
        assertNotNull(estimate);
        assertEquals(20, estimate.members());
        assertTrue(estimate.lower95() < -3.0 && -3.0 < estimate.upper95(), estimate.toString());
        assertTrue(estimate.excludesZero(), "a fall of 3 points against noise of 1.5 is seen: " + estimate);
        assertTrue(result.members().stream().allMatch(m -> m.yearsBefore().equals(List.of(2018, 2019, 2020))
                && m.yearsAfter().equals(List.of(2021, 2022, 2023))), "three years each side");
        assertTrue(result.members().stream().allMatch(m -> m.comparison().size() == 10), "all ten neighbours had not joined");
    }

    @Test
    void theIntervalHoldsThePlantedEffectAboutNineteenTimesInTwentyAndRarelyCallsNoEffectAnEffect() {
        int held = 0;
        int falseAlarms = 0;
        int worlds = 400;
        for (long seed = 1; seed <= worlds; seed++) {
            World planted = world(seed, 2.0, 0);
            DifferenceInDifferences.Estimate estimate = DifferenceInDifferences.estimate(planted.panel(), planted.members()).estimate();
            if (estimate.lower95() <= 2.0 && 2.0 <= estimate.upper95()) {
                held++;
            }
            World none = world(seed + 10_000, 0.0, 0);
            if (DifferenceInDifferences.estimate(none.panel(), none.members()).estimate().excludesZero()) {
                falseAlarms++;
            }
        }
        double coverage = (double) held / worlds;
        double falseAlarmRate = (double) falseAlarms / worlds;
        assertTrue(coverage >= 0.91 && coverage <= 0.98, "95% intervals held the planted effect in " + coverage);
        assertTrue(falseAlarmRate <= 0.09, "no effect was called an effect in " + falseAlarmRate);
    }

    @Test
    void membersAlreadyDriftingBeforeJoiningShowInThePreTrendCheck() {
        World drifting = world(11, 0.0, -0.8);
        DifferenceInDifferences.Result result = DifferenceInDifferences.estimate(drifting.panel(), drifting.members());
        assertTrue(result.preTrend().excludesZero() && result.preTrend().value() < 0,
                "members falling 0.8 a year before joining, when comparison councils were not: " + result.preTrend());
        World fair = world(11, -3.0, 0);
        assertTrue(!DifferenceInDifferences.estimate(fair.panel(), fair.members()).preTrend().excludesZero());
    }

    @Test
    void aMemberWithNoYearAfterJoiningIsLeftOutAndSaysWhy() {
        World w = world(3, 0, 0);
        DifferenceInDifferences.Member late = new DifferenceInDifferences.Member("E00000000", 2024, 2025, List.of("E00000100"), List.of());
        DifferenceInDifferences.Result result = DifferenceInDifferences.estimate(w.panel(), List.of(late));
        assertNull(result.estimate());
        assertEquals("no census year after it joined is published yet (the first would be 2025)", result.skipped().get(0).reason());
    }

    @Test
    void fewerThanThreeNeighboursWithFiguresAreToppedUpByTheCouncilsClosestBeforeJoining() {
        World w = world(5, 0, 0);
        DifferenceInDifferences.Member member = new DifferenceInDifferences.Member("E00000000", 2020, 2021, List.of("E00000100", "E99999999"),
                List.copyOf(w.panel().keySet().stream().filter(c -> !c.equals("E00000000")).sorted().toList()));
        DifferenceInDifferences.MemberEffect effect = DifferenceInDifferences.estimate(w.panel(), List.of(member)).members().get(0);
        assertEquals(DifferenceInDifferences.MATCHED, effect.comparison().size());
        assertEquals(DifferenceInDifferences.Why.STATISTICAL_NEIGHBOUR, effect.comparison().get(0).why());
        double own = effect.before();
        List<Double> gaps = effect.comparison().subList(1, 5).stream().map(c -> Math.abs(c.before() - own)).toList();
        assertEquals(gaps.stream().sorted().toList(), gaps, "matched councils are the closest before joining, nearest first");
        assertNull(DifferenceInDifferences.estimate(w.panel(), List.of(member)).estimate().lower95(), "one member: no interval");
    }
}
