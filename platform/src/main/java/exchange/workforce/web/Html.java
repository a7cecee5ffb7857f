package exchange.workforce.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a page completely before answering, so a template that fails is the service's ordinary error (logged,
 * a 500 with a request id), never a response cut off half-way or a connection left hanging.
 */
@Singleton
public class Html {

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    public Html(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.views = views;
    }

    public MutableHttpResponse<String> page(String view, Map<String, Object> model, HttpRequest<?> request) {
        return page(HttpStatus.OK, view, model, request);
    }

    public MutableHttpResponse<String> page(HttpStatus status, String view, Map<String, Object> model, HttpRequest<?> request) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(render(view, model, request));
    }

    /** A template rendered to text: a part of a page, to be placed in another with {@code th:utext}. */
    public String render(String view, Map<String, Object> model, HttpRequest<?> request) {
        StringWriter html = new StringWriter();
        try {
            views.render(view, model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }
}
