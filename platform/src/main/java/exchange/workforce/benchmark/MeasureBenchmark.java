package exchange.workforce.benchmark;

import com.fasterxml.jackson.annotation.JsonInclude;
import exchange.workforce.measures.Symbol;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * One measure's benchmark for a group and period. Null values always come with a symbol saying why.
 *
 * @param value      the headline: DfE's published figure where the group is a region or England DfE has published for
 *                   the period; for statistical neighbours the median of the neighbours' figures; else the recomputation
 * @param headline   what the headline is, in words ("DfE's published figure for North West", "median of ...")
 * @param partial    whether the headline leaves out members (DfE's published figures are complete)
 * @param recomputed the platform's own figure from the members' figures by the measure's aggregation (for neighbours
 *                   the pooled figure), with its coverage in {@code coverage}
 * @param periodLabel the dates the figures describe (census year to 30 September, or children-in-need year to 31 March)
 */
@Serdeable
public record MeasureBenchmark(String measure, String label, String unit, String better, String periodLabel,
                               @Nullable BigDecimal value, @Nullable Symbol symbol, String headline, boolean partial,
                               Coverage coverage, Recomputed recomputed, @Nullable Distribution distribution,
                               @Nullable List<Member> authorities, @Nullable Comparator england, @Nullable Comparator previous,
                               @Nullable BigDecimal change, List<Point> timeSeries, @Nullable Target target,
                               @Nullable List<BreakdownCell> breakdown) {

    /**
     * The platform's recomputation: value (or symbol), how it was aggregated, whether partial, how many published lows
     * it counted as 0, and — where it covers the whole group and DfE has published the group's figure — how far it
     * differs from DfE's where that is more than the rounding of the figures summed explains (else null).
     */
    @Serdeable
    public record Recomputed(@Nullable BigDecimal value, @Nullable Symbol symbol, String aggregation, boolean partial, int lowCountedAsZero,
                             @Nullable String differsFromDfe) {
    }

    /**
     * How many of the group's units the figure covers; which are missing and why (named only where the viewer may);
     * and the same in words a person notices, for pages and exports ("Covers 1 of 19: missing Kent (no data), ...").
     */
    @Serdeable
    public record Coverage(int covered, int members, List<Missing> missing, String note) {

        /** @param headlineSource dfe where the headline is DfE's published figure, so the coverage is the recomputation's */
        public static Coverage of(int covered, int members, List<Missing> missing, int lowCounted, FigureSource headlineSource) {
            String note = note(covered, members, missing);
            if (lowCounted > 0) {
                note += " Counts " + lowCounted + (lowCounted == 1 ? " figure" : " figures") + " DfE shows as 'low' (more than 0 but "
                        + "rounding to 0 at the precision DfE publishes) as 0.";
            }
            if (headlineSource == FigureSource.DFE) {
                note = "DfE's published figure covers every authority. The platform's recomputation: " + note;
            }
            return new Coverage(covered, members, missing, note);
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

        /** A missing figure's reason in words. */
        static String words(String reason) {
            return switch (reason) {
                case "NO_DATA" -> "no data";
                case "NOT_IN_RETURN" -> "not in its return";
                case "SUPPRESSED" -> "suppressed";
                case "NOT_APPLICABLE" -> "not applicable";
                case "LOW" -> "fewer than DfE publishes";
                case "LOW_RELIABILITY" -> "low reliability";
                case "WITHHELD" -> "withheld: a council's own return is shown outside its memorandum only within its whole memorandum's "
                        + "released returns, when there are at least its small-count threshold of them";
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
     * measure's better direction (highest first where neither is better); quartile 1 is the best quarter. A value
     * without a number (a DfE symbol such as u or low) or with a plausibility flag is shown but not ranked.
     * {@code subject} marks the authority a neighbour group compares (ranked among its neighbours).
     */
    @Serdeable
    /** @param revisedFrom for a DfE figure a later publication revised, what DfE published before (a value or symbol) */
    public record Member(@Nullable String code, @Nullable String name, @Nullable BigDecimal value, @Nullable Symbol symbol,
                         FigureSource source, @Nullable Integer returnVersion, @Nullable Integer rank, @Nullable Integer quartile,
                         boolean you, boolean subject, @Nullable Flag flag, @Nullable String revisedFrom) {
    }

    /** A plausibility rule's flag on a member's figure: which rule, and why, in words. */
    @Serdeable
    public record Flag(String rule, String reason) {
    }

    @Serdeable
    public record Comparator(String label, @Nullable BigDecimal value, @Nullable Symbol symbol, FigureSource source) {
    }

    @Serdeable
    public record Point(String period, @Nullable BigDecimal value, @Nullable Symbol symbol, boolean partial, int covered, int members) {
    }

    /** The memorandum's target for the measure (set by its region administrator) and whether the headline meets it. */
    @Serdeable
    public record Target(String description, BigDecimal threshold, String comparison, String source, @Nullable Boolean met) {
    }

    /** A breakdown cell for the group after disclosure control: c where it would reveal fewer people than the threshold. */
    @Serdeable
    public record BreakdownCell(String breakdown, @Nullable BigDecimal value, @Nullable Symbol symbol) {
    }
}
