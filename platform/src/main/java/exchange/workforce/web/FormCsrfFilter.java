package exchange.workforce.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Every form the pages post is checked for this browser's CSRF token here, once, before any handler runs: a
 * {@code application/x-www-form-urlencoded} POST (or PUT, PATCH, DELETE) to a page without the token ({@link Csrf})
 * gets the "This form has expired" page (403) and reaches no handler. The API is not a form's target: it changes
 * nothing on a browser's cookie alone ({@link SecurityHeadersFilter}). A file upload (multipart) is checked by its
 * handler, which reads the token from the same form ({@link Csrf#check}): the framework's body parser reads only
 * url-encoded and JSON bodies.
 */
@ServerFilter("/**")
public class FormCsrfFilter implements Ordered {

    private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final FilterBodyParser bodies;
    private final PageErrors.Handler pages;

    public FormCsrfFilter(FilterBodyParser bodies, PageErrors.Handler pages) {
        this.bodies = bodies;
        this.pages = pages;
    }

    /** After the security filter, so a form from a signed-out browser still goes to sign-in first. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /** Nothing (go on) for anything but a page's form; else, once the form is read, the refusal if it lacks the token. */
    @RequestFilter
    @Nullable
    public CompletableFuture<@Nullable MutableHttpResponse<?>> checkForm(HttpRequest<?> request) {
        boolean form = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        if (!form || !CHANGING.contains(request.getMethod()) || request.getPath().startsWith("/api/")) {
            return CompletableFuture.completedFuture(null);
        }
        return bodies.parseBody(request).handle((body, unreadable) -> {
            Object token = body == null ? null : body.get(Csrf.FIELD);
            return Csrf.matches(request, token instanceof String text ? text : null) ? null : expired(request);
        });
    }

    private MutableHttpResponse<?> expired(HttpRequest<?> request) {
        return (MutableHttpResponse<?>) pages.handle(request, Csrf.expired());
    }
}
