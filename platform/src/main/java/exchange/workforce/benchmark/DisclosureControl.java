package exchange.workforce.benchmark;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small counts of people are not shown beyond the authority that submitted them. A breakdown cell of 1 to
 * threshold − 1 people is suppressed (primary suppression, symbol c). If that leaves a single suppressed cell in
 * a breakdown whose total is shown, the total minus the other cells would reveal it, so the smallest other
 * non-zero cell is suppressed too (secondary suppression). Zero is shown: it discloses no one.
 */
final class DisclosureControl {

    /** A shown value, or null with the symbol c. */
    record Cell(BigDecimal value, String symbol) {
    }

    private DisclosureControl() {
    }

    static Map<String, Cell> suppress(Map<String, BigDecimal> cells, int threshold) {
        Map<String, Cell> shown = new LinkedHashMap<>();
        cells.forEach((key, value) -> shown.put(key, value != null && value.signum() > 0
                && value.compareTo(BigDecimal.valueOf(threshold)) < 0 ? new Cell(null, "c") : new Cell(value, null)));
        long suppressed = shown.values().stream().filter(c -> c.symbol() != null).count();
        if (suppressed == 1) {
            List<Map.Entry<String, Cell>> candidates = shown.entrySet().stream()
                    .filter(e -> e.getValue().value() != null && e.getValue().value().signum() > 0)
                    .sorted(Comparator.comparing(e -> e.getValue().value())).toList();
            if (!candidates.isEmpty()) {
                shown.put(candidates.get(0).getKey(), new Cell(null, "c"));
            }
        }
        return shown;
    }
}
