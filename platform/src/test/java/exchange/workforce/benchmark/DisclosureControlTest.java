package exchange.workforce.benchmark;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Map<String, DisclosureControl.Cell> shown = DisclosureControl.suppress(cells("RESIGNATION", 50, "RETIREMENT", 3, "DISMISSAL", 10), 5);
        assertEquals("c", shown.get("RETIREMENT").symbol());
        assertEquals("c", shown.get("DISMISSAL").symbol(), "else 63 − 50 − 10 would reveal the 3");
        assertEquals(new BigDecimal(50), shown.get("RESIGNATION").value());
    }

    @Test
    void twoSmallCellsProtectEachOtherAndZerosAreShown() {
        Map<String, DisclosureControl.Cell> shown = DisclosureControl.suppress(cells("A", 2, "B", 4, "C", 30, "D", 0), 5);
        assertEquals("c", shown.get("A").symbol());
        assertEquals("c", shown.get("B").symbol());
        assertEquals(new BigDecimal(30), shown.get("C").value(), "no third cell needs to go");
        assertEquals(BigDecimal.ZERO, shown.get("D").value(), "zero discloses no one");
    }

    @Test
    void theThresholdIsTheMemorandums() {
        assertEquals(null, DisclosureControl.suppress(cells("A", 6, "B", 20), 5).get("A").symbol());
        assertEquals("c", DisclosureControl.suppress(cells("A", 6, "B", 20), 10).get("A").symbol());
    }

    @Test
    void quartilesInterpolateBetweenClosestRanks() {
        java.util.List<Double> values = java.util.List.of(8.1, 11.5, 12.4, 15.5, 15.9, 15.9, 17.5, 18.1, 20.4, 22.9);
        assertEquals(15.9, Quantiles.of(values, 0.5), 1e-9);
        assertEquals(13.175, Quantiles.of(values, 0.25), 1e-9, "position 2.25: 12.4 + 0.25 × (15.5 − 12.4)");
        assertEquals(17.95, Quantiles.of(values, 0.75), 1e-9, "position 6.75: 17.5 + 0.75 × (18.1 − 17.5)");
    }
}
