package exchange.workforce.problem;

import io.micronaut.http.codec.CodecException;

/** Input that breaks one of the limits at the edge (edge.InputLimits): answered 400 naming the field (a JSON pointer or a parameter). */
public final class InputRefused extends CodecException {

    private final String field;

    public InputRefused(String field, String message) {
        super(message);
        // a JSON pointer names the field without its leading '/', as every other problem's field does
        this.field = field == null || field.equals("/") ? null : field.startsWith("/") ? field.substring(1) : field;
    }

    public String field() {
        return field;
    }
}
