package exchange.workforce.benchmark;

import exchange.workforce.measures.MeasureCatalogue;

import java.math.BigDecimal;

/**
 * How far a recomputation may differ from DfE's published figure for the same whole group before the difference
 * needs explaining: DfE computes from unrounded figures and publishes rounded ones, so a recomputation from the
 * published figures differs by at most their rounding. Beyond that, something differs (a revised authority figure,
 * an estimate DfE made, an authority counted differently), and the answer says so beside the figures.
 * <ul>
 *   <li>a rate (a ratio of sums): 0.1, the one decimal DfE publishes rates to;</li>
 *   <li>a sum of figures published to d decimal places (FTEs to one): half a unit of the last place for each authority
 *       summed and for the total;</li>
 *   <li>a sum of whole counts: none, but DfE rounds children-in-need counts to the nearest 10;</li>
 *   <li>each published 'low' counted as 0 in a sum: up to half a unit of the last place more (0.5 for a count);</li>
 *   <li>a maximum: none; a weighted mean: 0.5 (published to whole days).</li>
 * </ul>
 */
final class RoundingOfDfe {

    private static final BigDecimal RATE = new BigDecimal("0.1");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal CHILDREN_IN_NEED_ROUNDING = BigDecimal.TEN;

    private RoundingOfDfe() {
    }

    /** Why the whole group's recomputation differs from DfE's figure by more than rounding explains, or null where it does not. */
    static String disagreement(MeasureCatalogue.Measure measure, BigDecimal published, BenchmarkCalculator.GroupFigure figure) {
        if (published == null || figure.value() == null || figure.partial()) {
            return null;
        }
        BigDecimal difference = figure.value().subtract(published).abs();
        BigDecimal allowed = allowance(measure, figure, published);
        if (difference.compareTo(allowed) <= 0) {
            return null;
        }
        return "the recomputation (" + figure.value().toPlainString() + ") differs from DfE's published figure (" + published.toPlainString()
                + ") by " + difference.stripTrailingZeros().toPlainString() + ", more than the rounding of the figures summed explains ("
                + allowed.stripTrailingZeros().toPlainString() + "): DfE's total holds something its authority rows do not show";
    }

    /**
     * The most rounding can explain for this measure and group, given DfE's figure: a sum of figures published to d
     * decimal places (an FTE, or days lost in 2017, to one) may be off by half a unit of the last place for each figure
     * summed and for the total; whole counts add up exactly.
     */
    static BigDecimal allowance(MeasureCatalogue.Measure measure, BenchmarkCalculator.GroupFigure figure, BigDecimal published) {
        long counted = figure.units().size() - figure.missing().size();
        int decimals = Math.max(Math.max(published.stripTrailingZeros().scale(), figure.value().stripTrailingZeros().scale()),
                "fte".equals(measure.unit()) ? 1 : 0);
        BigDecimal halfTheLastPlace = decimals <= 0 ? BigDecimal.ZERO : HALF.movePointLeft(decimals);
        BigDecimal lows = "ratio".equals(measure.aggregation().method()) ? BigDecimal.ZERO
                : (decimals > 0 ? halfTheLastPlace : HALF).multiply(BigDecimal.valueOf(figure.lowCounted()));
        BigDecimal rounding = switch (measure.aggregation().method()) {
            case "ratio" -> RATE;
            case "sum" -> measure.childrenInNeedYear() ? CHILDREN_IN_NEED_ROUNDING : halfTheLastPlace.multiply(BigDecimal.valueOf(counted + 1));
            case "weighted-mean" -> HALF;
            default -> BigDecimal.ZERO;
        };
        return rounding.add(lows);
    }
}
