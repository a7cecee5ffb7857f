package exchange.workforce.operations;

import java.util.regex.Pattern;

/**
 * The W3C Trace Context {@code traceparent} header (version 00): {@code 00-<trace id, 32 hex>-<parent id, 16 hex>-<flags,
 * 2 hex>}. Only a well-formed header with a trace id that is not all zeros is read; anything else is ignored, never
 * logged.
 */
final class TraceParent {

    static final String HEADER = "traceparent";
    private static final Pattern FORM = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String NO_TRACE = "0".repeat(32);
    private static final String NO_PARENT = "0".repeat(16);

    private TraceParent() {
    }

    /** The trace id a well-formed header carries; null for none or a malformed one. */
    static String traceId(String header) {
        if (header == null) {
            return null;
        }
        var matched = FORM.matcher(header.trim());
        return matched.matches() && !matched.group(1).equals(NO_TRACE) && !matched.group(2).equals(NO_PARENT) ? matched.group(1) : null;
    }
}
