package exchange.workforce.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group's figure from its members' figures, by the measure's aggregation in the catalogue — the one implementation,
 * used by benchmarks, exports and forecasts alike:
 * <ul>
 *   <li>sum: the members' figures added (counts and FTEs, as DfE sums its regional counts);</li>
 *   <li>ratio: the formula over the members' summed components (DfE's way for rates, never an average of rates);</li>
 *   <li>max: the largest member's figure (a maximum caseload of 24 and one of 22 is a maximum of 24, not 46);</li>
 *   <li>weighted-mean: members' figures weighted by the stated measure (days to hire weighted by appointments);</li>
 *   <li>median: the middle member's figure, or the mean of the middle two (pay bands, where a sum means nothing and a
 *       mean would follow one outlying council).</li>
 * </ul>
 * Each member's map holds the measure's {@link MeasureCatalogue.Measure#inputs() inputs}, every one a number.
 */
public final class Aggregate {

    private Aggregate() {
    }

    /** A statement of the method, for the people reading the figure. */
    public static String describe(MeasureCatalogue.Measure measure) {
        return switch (measure.aggregation().method()) {
            case "sum" -> "sum of members' figures";
            case "ratio" -> "rate of the members' figures added together (DfE's way, never an average of rates)";
            case "max" -> "largest member's figure";
            case "weighted-mean" -> "mean of members' figures weighted by " + measure.aggregation().weight();
            case "median" -> "median of members' figures";
            default -> throw new IllegalStateException("Unknown aggregation " + measure.aggregation().method());
        };
    }

    /** The group's figure, or empty where it is not defined (a zero denominator or zero total weight, or no members). */
    public static Optional<BigDecimal> of(MeasureCatalogue.Measure measure, List<Map<String, BigDecimal>> members) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        return switch (measure.aggregation().method()) {
            case "sum" -> Optional.of(sum(members, measure.code()));
            case "ratio" -> measure.formula().rate(sums(measure.formula().components(), members));
            case "max" -> members.stream().map(m -> m.get(measure.code())).max(BigDecimal::compareTo);
            case "weighted-mean" -> weightedMean(members, measure.code(), measure.aggregation().weight());
            case "median" -> Optional.of(median(members.stream().map(m -> m.get(measure.code())).sorted().toList()));
            default -> throw new IllegalStateException("Unknown aggregation " + measure.aggregation().method());
        };
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static Optional<BigDecimal> weightedMean(List<Map<String, BigDecimal>> members, String value, String weight) {
        BigDecimal weights = sum(members, weight);
        if (weights.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal weighted = members.stream().map(m -> m.get(value).multiply(m.get(weight))).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(weighted.divide(weights, 1, RoundingMode.HALF_UP));
    }

    private static Map<String, BigDecimal> sums(List<String> components, List<Map<String, BigDecimal>> members) {
        Map<String, BigDecimal> sums = new java.util.HashMap<>();
        components.forEach(c -> sums.put(c, sum(members, c)));
        return sums;
    }

    private static BigDecimal sum(List<Map<String, BigDecimal>> members, String input) {
        return members.stream().map(m -> m.get(input)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
