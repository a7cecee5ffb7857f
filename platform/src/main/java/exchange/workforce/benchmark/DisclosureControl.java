package exchange.workforce.benchmark;

import exchange.workforce.measures.Symbol;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control for breakdowns of people, as one function over every cell a viewer can reach. It protects each
 * authority's contribution, not each answer, so no group, level, period or combination of them can be differenced
 * to recover a small count:
 * <ol>
 *   <li>{@link #protect}: in one authority's breakdown, a cell of 1 to threshold − 1 people is suppressed (primary).
 *       If that leaves a single suppressed cell, its total (which DfE publishes) minus the others would reveal it, so
 *       the smallest other non-zero cell is suppressed too (secondary); if every other cell is zero, every cell is
 *       suppressed, since a lone suppressed cell beside zeros is the total. The threshold is the data's: the
 *       strictest memorandum the authority belongs to, never the viewer's.</li>
 *   <li>{@link #combine}: a group's cell is the sum of its members' contributions if none of them is suppressed, and
 *       suppressed (c) otherwise. Every number a viewer reads is therefore a sum of unsuppressed contributions, so
 *       every difference or sum of numbers they read is one too: a suppressed contribution is in none of them.</li>
 * </ol>
 * The cost is that a large group's cell is suppressed whenever one member's contribution is; the alternative
 * (suppressing only group cells under the threshold) is what England-minus-a-region and custom groups defeated.
 */
public final class DisclosureControl {

    /** A shown value, or null with the symbol c. */
    public record Cell(BigDecimal value, Symbol symbol) {

        public boolean suppressed() {
            return symbol == Symbol.SUPPRESSED;
        }
    }

    private DisclosureControl() {
    }

    /** One authority's breakdown with primary and secondary suppression at the data's threshold. */
    public static Map<String, Cell> protect(Map<String, BigDecimal> cells, int threshold) {
        Map<String, Cell> shown = new LinkedHashMap<>();
        cells.forEach((key, value) -> shown.put(key, value != null && value.signum() > 0
                && value.compareTo(BigDecimal.valueOf(threshold)) < 0 ? new Cell(null, Symbol.SUPPRESSED) : new Cell(value, null)));
        long suppressed = shown.values().stream().filter(Cell::suppressed).count();
        if (suppressed == 1) {
            shown.entrySet().stream().filter(e -> !e.getValue().suppressed() && e.getValue().value() != null && e.getValue().value().signum() > 0)
                    .min(Comparator.comparing(e -> e.getValue().value()))
                    .ifPresentOrElse(e -> shown.put(e.getKey(), new Cell(null, Symbol.SUPPRESSED)),
                            () -> shown.replaceAll((key, cell) -> new Cell(null, Symbol.SUPPRESSED)));
        }
        return shown;
    }

    /**
     * A group's cells from its members' protected contributions: suppressed if any member's is, else their sum; a
     * cell no member reported is left out.
     */
    public static Map<String, Cell> combine(List<String> keys, List<Map<String, Cell>> contributions) {
        Map<String, Cell> group = new LinkedHashMap<>();
        for (String key : keys) {
            BigDecimal sum = null;
            boolean suppressed = false;
            for (Map<String, Cell> contribution : contributions) {
                Cell cell = contribution.get(key);
                if (cell == null) {
                    continue;
                }
                if (cell.suppressed()) {
                    suppressed = true;
                } else if (cell.value() != null) {
                    sum = sum == null ? cell.value() : sum.add(cell.value());
                }
            }
            if (suppressed) {
                group.put(key, new Cell(null, Symbol.SUPPRESSED));
            } else if (sum != null) {
                group.put(key, new Cell(sum, null));
            }
        }
        return group;
    }
}
