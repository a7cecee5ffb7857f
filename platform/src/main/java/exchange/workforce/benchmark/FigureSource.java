package exchange.workforce.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Where a benchmark figure came from: a council's own return, DfE's publication, the platform's computation, or nowhere. */
@Serdeable
public enum FigureSource {
    /** The council's current released return for the period (its version is given beside it). */
    @JsonProperty("return")
    RETURN("return", "own return"),
    /** DfE's published statistics (Open Government Licence v3.0). */
    @JsonProperty("dfe")
    DFE("dfe", "DfE"),
    /** Computed here from members' figures by the measure's aggregation. */
    @JsonProperty("computed")
    COMPUTED("computed", "computed"),
    /** Neither a return nor a publication holds anything for it. */
    @JsonProperty("none")
    NONE("none", "none");

    private final String code;
    private final String words;

    FigureSource(String code, String words) {
        this.code = code;
        this.words = words;
    }

    /** As the API and CSV exports write it. */
    public String code() {
        return code;
    }

    /** As a page says it. */
    public String words() {
        return words;
    }
}
