package exchange.workforce.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Where a benchmark figure came from: a council's own return, DfE's publication, the platform's computation, or nowhere. */
@Serdeable
public enum FigureSource {
    /** The council's current released return for the period (its version is given beside it). */
    @JsonProperty("return")
    RETURN("own return"),
    /** DfE's published statistics (Open Government Licence v3.0). */
    @JsonProperty("dfe")
    DFE("DfE"),
    /** Computed here from members' figures by the measure's aggregation. */
    @JsonProperty("computed")
    COMPUTED("computed"),
    /** Neither a return nor a publication holds anything for it. */
    @JsonProperty("none")
    NONE("none");

    private final String words;

    FigureSource(String words) {
        this.words = words;
    }

    /** As the API and CSV exports write it: the name in lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a page says it. */
    public String words() {
        return words;
    }
}
