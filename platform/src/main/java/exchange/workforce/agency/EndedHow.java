package exchange.workforce.agency;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an assignment ended, as the engaging council says when it ends it: the region's supplier scorecard counts each
 * agency's workers who became the council's permanent employees, which the memorandum's aim (fewer agency workers, more
 * permanent ones) rests on.
 */
public enum EndedHow {
    CONVERTED_TO_PERMANENT("Became a permanent employee of your council"),
    AS_PLANNED("Ended as planned"),
    EARLY_BY_COUNCIL("Ended early by your council"),
    EARLY_BY_WORKER_OR_AGENCY("Ended early by the worker or the agency");

    private final String label;

    EndedHow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value named, ignoring case; null for none or a name that is not one. */
    static EndedHow named(String name) {
        return name == null ? null : Arrays.stream(values()).filter(v -> v.name().equals(name.trim().toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
