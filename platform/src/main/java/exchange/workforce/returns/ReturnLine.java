package exchange.workforce.returns;

import java.util.SortedMap;

/**
 * One figure as submitted, whatever the channel (JSON, CSV, Excel): where it was (row, for error reports),
 * which measure and breakdown, and the value as typed; {@code readAs} says how a file's codes were read where they
 * were not typed as the catalogue writes them ("'Inpost_FTE' read as inpost_fte"), for the check report.
 */
public record ReturnLine(int row, String measure, SortedMap<String, String> breakdown, String value, @io.micronaut.core.annotation.Nullable String readAs) {

    /** A figure read exactly as typed. */
    public ReturnLine(int row, String measure, SortedMap<String, String> breakdown, String value) {
        this(row, measure, breakdown, value, null);
    }

    /** The breakdown as stored: "leaving_reason=RESIGNATION", dimensions in order; "" for the total. */
    public String breakdownKey() {
        StringBuilder key = new StringBuilder();
        breakdown.forEach((dimension, value) -> key.append(key.isEmpty() ? "" : ";").append(dimension).append('=').append(value));
        return key.toString();
    }
}
