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

    /** How many of the group's units the figure covers; which are missing and why (named only where the viewer may). */
    @Serdeable
    public record Coverage(int covered, int members, List<Missing> missing) {
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
