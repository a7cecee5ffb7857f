package exchange.workforce.benchmark;

import exchange.workforce.measures.Symbol;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisclosureControlTest {

    private static Map<String, BigDecimal> cells(Object... pairs) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            cells.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return cells;
    }

    @Test
    void aCellOfThreePeopleIsSuppressedAndSoIsTheCellThatWouldRevealIt() {
        Map<String, DisclosureControl.Cell> shown = DisclosureControl.protect(cells("RESIGNATION", 50, "RETIREMENT", 3, "DISMISSAL", 10), 5);
        assertEquals(Symbol.SUPPRESSED, shown.get("RETIREMENT").symbol());
        assertEquals(Symbol.SUPPRESSED, shown.get("DISMISSAL").symbol(), "else 63 − 50 − 10 would reveal the 3");
        assertEquals(new BigDecimal(50), shown.get("RESIGNATION").value());
    }

    @Test
    void twoSmallCellsProtectEachOtherAndZerosAreShown() {
        Map<String, DisclosureControl.Cell> shown = DisclosureControl.protect(cells("A", 2, "B", 4, "C", 30, "D", 0), 5);
        assertEquals(Symbol.SUPPRESSED, shown.get("A").symbol());
        assertEquals(Symbol.SUPPRESSED, shown.get("B").symbol());
        assertEquals(new BigDecimal(30), shown.get("C").value(), "no third cell needs to go");
        assertEquals(BigDecimal.ZERO, shown.get("D").value(), "zero discloses no one");
    }

    @Test
    void aSmallCellBesideZerosHidesEveryCellBecauseTheTotalWouldOtherwiseBeIt() {
        Map<String, DisclosureControl.Cell> shown = DisclosureControl.protect(cells("RESIGNATION", 0, "RETIREMENT", 3, "DISMISSAL", 0), 5);
        shown.values().forEach(c -> assertEquals(Symbol.SUPPRESSED, c.symbol(), "3 leavers is public; which reason they left for is not"));
    }

    @Test
    void theThresholdIsTheDatas() {
        assertEquals(null, DisclosureControl.protect(cells("A", 6, "B", 20), 5).get("A").symbol());
        assertEquals(Symbol.SUPPRESSED, DisclosureControl.protect(cells("A", 6, "B", 20), 10).get("A").symbol());
        assertEquals(null, DisclosureControl.protect(cells("A", 3, "B", 20), 3).get("A").symbol(), "a memorandum of threshold 3 shows 3");
    }

    @Test
    void aGroupCellIsSuppressedWheneverOneMembersContributionIs() {
        Map<String, DisclosureControl.Cell> a = DisclosureControl.protect(cells("X", 2, "Y", 40, "Z", 9), 5);
        Map<String, DisclosureControl.Cell> b = DisclosureControl.protect(cells("X", 30, "Y", 12, "Z", 8), 5);
        Map<String, DisclosureControl.Cell> group = DisclosureControl.combine(List.of("X", "Y", "Z"), List.of(a, b));
        assertEquals(Symbol.SUPPRESSED, group.get("X").symbol(), "32 would be differenced with B's 30 to give A's 2");
        assertEquals(Symbol.SUPPRESSED, group.get("Z").symbol(), "A's secondary cell");
        assertEquals(new BigDecimal(52), group.get("Y").value());
    }

    @Test
    void quartilesInterpolateBetweenClosestRanks() {
        List<Double> values = List.of(8.1, 11.5, 12.4, 15.5, 15.9, 15.9, 17.5, 18.1, 20.4, 22.9);
        assertEquals(15.9, Quantiles.of(values, 0.5), 1e-9);
        assertEquals(13.175, Quantiles.of(values, 0.25), 1e-9, "position 2.25: 12.4 + 0.25 × (15.5 − 12.4)");
        assertEquals(17.95, Quantiles.of(values, 0.75), 1e-9, "position 6.75: 17.5 + 0.75 × (18.1 − 17.5)");
    }

    /**
     * Random authorities (each with its own memorandum's threshold), random breakdowns full of small counts, and
     * random groups of the kinds a viewer can ask for (regions, England, England without one authority, custom groups
     * of two or more, overlapping). Whatever the viewer reads — every group's shown cells and its public total — no
     * authority's suppressed small count is a number they read, a difference of two cells of nested groups, a group's
     * total less its shown cells, or a sum of shown cells.
     */
    @RepeatedTest(200)
    void noSuppressedCountCanBeRecoveredFromWhatOneViewerCanRead(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        List<String> keys = List.of("A", "B", "C", "D", "E");
        int authorities = 6 + random.nextInt(8);
        List<Map<String, BigDecimal>> raw = new ArrayList<>();
        List<Integer> thresholds = new ArrayList<>();
        for (int a = 0; a < authorities; a++) {
            Map<String, BigDecimal> vector = new LinkedHashMap<>();
            for (String key : keys) {
                int kind = random.nextInt(4);
                vector.put(key, BigDecimal.valueOf(kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(9) : random.nextInt(40)));
            }
            raw.add(vector);
            thresholds.add(List.of(1, 3, 5, 10).get(random.nextInt(4)));
        }
        List<Map<String, DisclosureControl.Cell>> protectedVectors = new ArrayList<>();
        for (int a = 0; a < authorities; a++) {
            protectedVectors.add(DisclosureControl.protect(raw.get(a), thresholds.get(a)));
        }
        List<Set<Integer>> groups = new ArrayList<>();
        Set<Integer> england = new HashSet<>();
        for (int a = 0; a < authorities; a++) {
            england.add(a);
        }
        groups.add(england);
        for (int a = 0; a < authorities; a++) {
            Set<Integer> allBut = new HashSet<>(england);
            allBut.remove(a);
            groups.add(allBut);
            for (int b = a + 1; b < authorities; b++) {
                groups.add(Set.of(a, b));
            }
        }
        for (int g = 0; g < 40; g++) {
            Set<Integer> custom = new HashSet<>();
            while (custom.size() < 2 + random.nextInt(authorities - 1)) {
                custom.add(random.nextInt(authorities));
            }
            groups.add(custom);
        }
        Map<Set<Integer>, Map<String, DisclosureControl.Cell>> readable = new LinkedHashMap<>();
        for (Set<Integer> group : groups) {
            readable.put(group, DisclosureControl.combine(keys, group.stream().sorted().map(protectedVectors::get).toList()));
        }
        for (int a = 0; a < authorities; a++) {
            int threshold = thresholds.get(a);
            for (String key : keys) {
                BigDecimal secret = raw.get(a).get(key);
                if (!protectedVectors.get(a).get(key).suppressed() || secret.signum() == 0 || secret.intValue() >= threshold) {
                    continue;
                }
                for (var entry : readable.entrySet()) {
                    Set<Integer> group = entry.getKey();
                    DisclosureControl.Cell cell = entry.getValue().get(key);
                    if (group.contains(a)) {
                        assertTrue(cell.suppressed(), "a group with authority " + a + " shows its suppressed " + key);
                        int suppressedCells = (int) entry.getValue().values().stream().filter(DisclosureControl.Cell::suppressed).count();
                        assertTrue(suppressedCells >= 2, "a lone suppressed cell is its group's total less the rest");
                        BigDecimal total = group.stream().map(raw::get).flatMap(v -> v.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::add);
                        BigDecimal shown = entry.getValue().values().stream().filter(c -> !c.suppressed()).map(DisclosureControl.Cell::value)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        if (group.size() == 1 && entry.getValue().values().stream().anyMatch(c -> !c.suppressed() && c.value().signum() > 0)) {
                            assertNotEquals(secret, total.subtract(shown));
                        }
                    }
                    for (var other : readable.entrySet()) {
                        Set<Integer> inner = other.getKey();
                        Set<Integer> difference = new HashSet<>(group);
                        difference.removeAll(inner);
                        if (group.containsAll(inner) && difference.equals(Set.of(a))) {
                            DisclosureControl.Cell outerCell = cell;
                            DisclosureControl.Cell innerCell = other.getValue().get(key);
                            assertFalse(!outerCell.suppressed() && !innerCell.suppressed()
                                    && outerCell.value().subtract(innerCell.value()).equals(secret), "differencing recovers " + secret);
                        }
                    }
                }
            }
        }
    }
}
