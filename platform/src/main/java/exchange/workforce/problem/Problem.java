package exchange.workforce.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The one error body (RFC 9457 application/problem+json) with the platform's extension members:
 * a stable {@code code}, the {@code field} at fault, the {@code requestId} to quote to support, and
 * for files or batches the list of {@code errors}, each with its row and column.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Problem(String type, String title, int status, String code, @io.micronaut.core.annotation.Nullable String field,
                      String detail, String requestId, @io.micronaut.core.annotation.Nullable List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken rule in a multi-error answer. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Violation(String code, @io.micronaut.core.annotation.Nullable String field,
                            @io.micronaut.core.annotation.Nullable Integer row, @io.micronaut.core.annotation.Nullable String column,
                            String message) {
    }

    public static Problem of(ProblemCode code, String field, String detail, String requestId, List<Violation> errors) {
        return new Problem("urn:workforce-exchange:problem:" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                code.title(), code.status().getCode(), code.name(), field, detail, requestId,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }
}
