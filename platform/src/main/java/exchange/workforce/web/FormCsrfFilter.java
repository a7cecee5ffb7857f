package exchange.workforce.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every form the pages post is checked for this browser's CSRF token here, once, before any handler runs: a
 * {@code application/x-www-form-urlencoded} POST (or PUT, PATCH, DELETE) to a page without the token ({@link Csrf})
 * gets the "This form has expired" page (403) and reaches no handler. The API is not a form's target: it changes
 * nothing on a browser's cookie alone ({@link SecurityHeadersFilter}). A file upload ({@code multipart/form-data}) carries
 * its token in the form's address instead ({@code ?csrf=…}, put there by the page): the framework's body parser reads
 * only url-encoded and JSON bodies, and a file is not read before its handler. The address is never logged (the access
 * log writes the path alone) and never leaves the site ({@code Referrer-Policy: same-origin}); the token is the
 * session's, so it ends with it. Pages take no other kind of body (the framework answers 415). Reads (GET, HEAD) and
 * the API never reach this filter, so they do not wait for a blocking thread.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "^/(?!api/).*",
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
public class FormCsrfFilter implements Ordered {

    /** How long a form's body may take to arrive once its headers have: a form is a few kilobytes. */
    private static final java.time.Duration BODY_WAIT = java.time.Duration.ofSeconds(20);
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

    /**
     * Anything but a page's form goes on; a form goes on only once its body, read by the framework, carries the token.
     * It waits for the body on a blocking thread (a form is small, and the body limit bounds it), then continues or refuses.
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> checkForm(HttpRequest<?> request, FilterContinuation<HttpResponse<?>> continuation) {
        if (!CHANGING.contains(request.getMethod()) || request.getPath().startsWith("/api/")) {
            return continuation.proceed();
        }
        boolean form = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        boolean upload = request.getContentType().map(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
        if (upload) {
            return Csrf.matches(request, request.getParameters().get(Csrf.FIELD)) ? continuation.proceed() : expired(request);
        }
        if (!form) {
            return continuation.proceed();
        }
        Object token;
        try {
            token = bodies.parseBody(request).get(BODY_WAIT.toSeconds(), TimeUnit.SECONDS).get(Csrf.FIELD);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return expired(request);
        } catch (ExecutionException | TimeoutException | RuntimeException unreadable) {
            return expired(request);
        }
        return Csrf.matches(request, token instanceof String text ? text : null) ? continuation.proceed() : expired(request);
    }

    private MutableHttpResponse<?> expired(HttpRequest<?> request) {
        return (MutableHttpResponse<?>) pages.handle(request, Csrf.expired());
    }
}
