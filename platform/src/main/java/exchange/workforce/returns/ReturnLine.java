package exchange.workforce.returns;

import java.util.SortedMap;

/**
 * One figure as submitted, whatever the channel (JSON, CSV, Excel): where it was (row, for error reports),
 * which measure and breakdown, and the value as typed.
 */
public record ReturnLine(int row, String measure, SortedMap<String, String> breakdown, String value) {

    /** The breakdown as stored: "leaving_reason=RESIGNATION", dimensions in order; "" for the total. */
    public String breakdownKey() {
        StringBuilder key = new StringBuilder();
        breakdown.forEach((dimension, value) -> key.append(key.isEmpty() ? "" : ";").append(dimension).append('=').append(value));
        return key.toString();
    }
}
