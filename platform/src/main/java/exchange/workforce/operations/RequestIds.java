package exchange.workforce.operations;

import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Each request has an id: the caller's X-Request-Id when it is a plain token (so a council's own
 * tracing carries through), else a fresh UUID. It is in every log line, error body and audit event.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "wfx.request-id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    /** The id of the request being served on this thread, if any (an audit event made by a command has none). */
    public static java.util.Optional<String> current() {
        return io.micronaut.http.context.ServerRequestContext.currentRequest().map(RequestIds::of);
    }

    public static String of(HttpRequest<?> request) {
        if (request == null) {
            return null;
        }
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }

    /**
     * The request's id, given one now where none was (a request refused before the filters ran, such as one too large
     * to read): every problem carries an id to quote.
     */
    public static String ofOrAssign(HttpRequest<?> request) {
        String id = of(request);
        if (id == null && request != null) {
            id = UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
        }
        return id;
    }

    static String accept(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
