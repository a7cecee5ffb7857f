package exchange.workforce.problem;

import exchange.workforce.operations.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every error the framework raises (unreadable JSON, unknown route, wrong method, missing or
 * refused token, failed bean validation) into the platform's problem format.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    /** Request attribute: why the token's claims were refused, in words for the user (set by the claims validator). */
    public static final String TOKEN_REFUSAL = "wfx.token-refusal";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.getStatus().getCode();
        ProblemCode code = ProblemCode.forStatus(status);
        List<Error> errors = context.getErrors();
        String field = errors.size() == 1 ? errors.get(0).getPath().map(ProblemResponseProcessor::lastSegment).orElse(null) : null;
        List<Problem.Violation> violations = errors.size() > 1
                ? errors.stream().map(e -> new Problem.Violation(code.name(),
                        e.getPath().map(ProblemResponseProcessor::lastSegment).orElse(null), null, null, e.getMessage())).toList()
                : List.of();
        String detail = code == ProblemCode.UNAUTHENTICATED
                ? context.getRequest().getAttribute(TOKEN_REFUSAL, String.class)
                        .map(reason -> "Your sign-in token was refused: " + reason + ". Ask your identity administrator to correct it.")
                        .orElse(detail(code, errors))
                : detail(code, errors);
        java.util.Optional<exchange.workforce.problem.InputRefused> refused = refusedInput(context);
        if (refused.isPresent()) {
            return response.status(ProblemCode.MALFORMED_REQUEST.status())
                    .body(Problem.of(ProblemCode.MALFORMED_REQUEST, refused.get().field(), refused.get().getMessage(),
                            RequestIds.of(context.getRequest()), List.of()))
                    .contentType(Problem.MEDIA_TYPE);
        }
        if (code == ProblemCode.MALFORMED_REQUEST && errors.size() == 1) {
            java.util.regex.Matcher property = DECODING_PROPERTY.matcher(String.valueOf(errors.get(0).getMessage()));
            if (property.find()) {
                field = property.group(1);
                detail = "The field '" + field + "' could not be read: " + property.group(2);
            }
        }
        if (detail != null && NAMES_JAVA.matcher(detail).find()) {
            detail = "The request does not have the fields and types this operation expects; see its schema in the "
                    + "OpenAPI spec (/openapi/workforce-exchange-v1.yml).";
        }
        if (field != null && field.startsWith("/")) {
            field = field.substring(1);
        }
        String requestId = RequestIds.ofOrAssign(context.getRequest());
        Problem body = Problem.of(code, field, detail, requestId, violations);
        if (requestId != null && !response.getHeaders().contains(RequestIds.HEADER)) {
            response.header(RequestIds.HEADER, requestId);
        }
        return response.body(body).contentType(Problem.MEDIA_TYPE);
    }

    /** The JSON reader's words for a field of the wrong form, which name Java types: keep the field and the reason. */
    private static final java.util.regex.Pattern DECODING_PROPERTY =
            java.util.regex.Pattern.compile("Error decoding property \\[\\S+ (\\w+)\\] of type \\[[^\\]]*\\]: (.*)$");
    /** Anything that still names a Java class is not for a council officer. */
    private static final java.util.regex.Pattern NAMES_JAVA =
            java.util.regex.Pattern.compile("exchange\\.workforce|java\\.|class |\\w\\$\\w|@Nullable");

    /** Input refused at the edge, however deep the framework wrapped it (e.g. in a conversion error of the body). */
    private static java.util.Optional<exchange.workforce.problem.InputRefused> refusedInput(ErrorContext context) {
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause()) {
            if (t instanceof exchange.workforce.problem.InputRefused refused) {
                return java.util.Optional.of(refused);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return java.util.Optional.empty();
    }

    private static String detail(ProblemCode code, List<Error> errors) {
        return switch (code) {
            case UNAUTHENTICATED -> "Send a valid bearer token in the Authorization header. It may be missing, expired, "
                    + "or not issued for this service.";
            case FORBIDDEN -> "Your sign-in is valid but does not carry a role that allows this.";
            case NOT_FOUND -> "There is nothing at this address, or nothing you are allowed to see.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that HTTP method.";
            case INTERNAL_ERROR -> "The error has been logged; quote the request id to the service desk.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than this service takes: a file may be up to 10 MB, and a web "
                    + "address up to 4,096 characters. Check the file, or ask for fewer things at once.";
            case MALFORMED_REQUEST -> errors.isEmpty() ? code.title() + "." : readable(errors.get(0).getMessage());
            default -> errors.isEmpty() ? code.title() + "." : errors.get(0).getMessage();
        };
    }

    private static final java.util.regex.Pattern JSON_LOCATION =
            java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)");

    /** The parser's words are for programmers: say where the body stops being JSON, and nothing of its internals. */
    private static String readable(String message) {
        if (message != null && message.startsWith("Invalid JSON")) {
            var location = JSON_LOCATION.matcher(message);
            return "The request body is not valid JSON" + (location.find()
                    ? " (line " + location.group(1) + ", column " + location.group(2) + ")" : "")
                    + ". Check for a missing quote, comma or bracket.";
        }
        return message;
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
