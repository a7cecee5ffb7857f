package exchange.workforce.operations;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Gives every request its id before anything else runs (security included), puts it in the logging
 * context of whichever thread serves the request, echoes it in the response, and writes one access log
 * line per request: method, path (never the query string, which could carry personal data), status, time. A W3C
 * {@code traceparent} header's trace id goes into the logging context too ({@code traceId}), so a line is found from
 * the caller's own trace. Health probes that succeed are not logged: an orchestrator asks every few seconds, and
 * those lines would bury the ones that matter (a failing probe is logged).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final String STARTED = "wfx.started-nanos";

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        request.setAttribute(STARTED, System.nanoTime());
        String trace = TraceParent.traceId(request.getHeaders().get(TraceParent.HEADER));
        context.add(new MdcPropagationContext(trace == null ? Map.of("requestId", id) : Map.of("requestId", id, "traceId", trace)));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = RequestIds.of(request);
        if (id != null) {
            response.header(RequestIds.HEADER, id);
        }
        if (request.getPath().startsWith("/health") && response.code() < 400) {
            return;
        }
        long millis = request.getAttribute(STARTED, Long.class).map(s -> (System.nanoTime() - s) / 1_000_000).orElse(-1L);
        ACCESS.info("{} {} {} {}ms", request.getMethod(), request.getPath(), response.code(), millis);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
