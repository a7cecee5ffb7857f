package exchange.workforce.benchmark;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** One measure's benchmark for a group and period. Null values always come with a symbol saying why. */
@Serdeable
public record MeasureBenchmark(String measure, String label, String unit, String better, @Nullable BigDecimal value,
                               @Nullable String symbol, boolean partial, Coverage coverage, @Nullable Distribution distribution,
                               @Nullable List<Member> authorities, @Nullable Comparator england, @Nullable Comparator previous,
                               @Nullable BigDecimal change, List<Point> timeSeries, @Nullable Target target,
                               @Nullable List<BreakdownCell> breakdown) {

    /**
     * How many of the group's units the figure covers; which are missing and why (named only where the viewer may);
     * and the same in words a person notices, for pages and exports ("Covers 1 of 19: missing Kent (no data), ...").
     */
    @Serdeable
    public record Coverage(int covered, int members, List<Missing> missing, String note) {

        public static Coverage of(int covered, int members, List<Missing> missing) {
            return new Coverage(covered, members, missing, note(covered, members, missing));
        }

        private static String note(int covered, int members, List<Missing> missing) {
            if (missing.isEmpty()) {
                return "Covers all " + members + (members == 1 ? " member." : " members.");
            }
            java.util.Map<String, Long> unnamed = new java.util.TreeMap<>();
            List<String> named = new java.util.ArrayList<>();
            for (Missing m : missing) {
                if (m.name() == null) {
                    unnamed.merge(words(m.reason()), 1L, Long::sum);
                } else {
                    named.add(m.name() + " (" + words(m.reason()) + ")");
                }
            }
            unnamed.forEach((reason, count) -> named.add(count + (count == 1 ? " other member (" : " other members (") + reason + ")"));
            return "Partial: covers " + covered + " of " + members + " members; missing " + String.join(", ", named) + ".";
        }

        private static String words(String reason) {
            return switch (reason) {
                case "NO_DATA" -> "no data";
                case "NOT_IN_RETURN" -> "not in its return";
                case "SUPPRESSED" -> "suppressed";
                case "NOT_APPLICABLE" -> "not applicable";
                case "LOW" -> "fewer than DfE publishes";
                case "LOW_RELIABILITY" -> "low reliability";
                default -> "unavailable";
            };
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Missing(@Nullable String code, @Nullable String name, String reason) {
    }

    /** Over members' values; quartiles by linear interpolation (type 7: Excel QUARTILE.INC). */
    @Serdeable
    public record Distribution(String method, int count, double min, double lowerQuartile, double median,
                               double upperQuartile, double max) {
    }

    /**
     * A member's value: named where the viewer may see names, else code and name are null. rank 1 is best in the
     * measure's better direction (highest first where neither is better); quartile 1 is the best quarter.
     */
    @Serdeable
    public record Member(@Nullable String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String symbol,
                         String source, @Nullable Integer returnVersion, @Nullable Integer rank, @Nullable Integer quartile,
                         boolean you) {
    }

    @Serdeable
    public record Comparator(String label, @Nullable BigDecimal value, @Nullable String symbol, String source) {
    }

    @Serdeable
    public record Point(String period, @Nullable BigDecimal value, @Nullable String symbol, boolean partial, int covered, int members) {
    }

    /** The memorandum's target for the measure and whether the group meets it. */
    @Serdeable
    public record Target(String description, BigDecimal threshold, String comparison, @Nullable Boolean met) {
    }

    /** A breakdown cell for the group after disclosure control: c where it would reveal fewer people than the threshold. */
    @Serdeable
    public record BreakdownCell(String breakdown, @Nullable BigDecimal value, @Nullable String symbol) {
    }
}
