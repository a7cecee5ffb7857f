package exchange.workforce.operations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The metrics are for a scraper that reaches a replica directly (Prometheus in the cluster, or on the compose network),
 * never for the internet: a request for {@code /prometheus} that came through a proxy — nginx and any ingress
 * controller add {@code X-Forwarded-For} (or {@code Forwarded}), which a client cannot take off — is answered as if
 * there were nothing there (404). The figures hold no personal data (request counts and timings by route template, the
 * JVM, the pools), but they are the platform's own business.
 */
@ServerFilter("/prometheus")
public class MetricsForScrapersOnly implements Ordered {

    @RequestFilter
    @Nullable
    public HttpResponse<?> onlyDirect(HttpRequest<?> request) {
        boolean proxied = request.getHeaders().contains("X-Forwarded-For") || request.getHeaders().contains("Forwarded");
        return proxied ? HttpResponse.status(HttpStatus.NOT_FOUND) : null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
