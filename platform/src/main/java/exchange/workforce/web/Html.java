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
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
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

    /** A page from its view model (see {@link PageView}). */
    public MutableHttpResponse<String> page(String view, PageView page, HttpRequest<?> request) {
        return page(HttpStatus.OK, view, page, request);
    }

    /** A page from its view model, with its status (a refused form's 422, say). */
    public MutableHttpResponse<String> page(HttpStatus status, String view, PageView page, HttpRequest<?> request) {
        if (!(page instanceof Record record)) {
            throw new IllegalArgumentException("A view model is a record: " + page.getClass());
        }
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(render(view, variables(record), request));
    }

    /**
     * The template's variables: each component of the view model by its name, and each component of a {@link ViewPart}
     * among them (the layout, the entered form) by its own, in the order they are declared; a page without a form has
     * an empty one ({@code form}, {@code errors}, {@code fieldErrors}).
     */
    static Map<String, Object> variables(Record page) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("form", Map.of());
        variables.put("errors", java.util.List.of());
        variables.put("fieldErrors", Map.of());
        for (RecordComponent component : page.getClass().getRecordComponents()) {
            Object value = value(component, page);
            if (value instanceof ViewPart && value instanceof Record part) {
                for (RecordComponent inner : part.getClass().getRecordComponents()) {
                    variables.put(inner.getName(), value(inner, part));
                }
            } else {
                variables.put(component.getName(), value);
            }
        }
        return variables;
    }

    private static Object value(RecordComponent component, Record of) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(of);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A view model's component could not be read: " + component, e);
        }
    }

    /** A template rendered to text from its view model (a page's, or a part's: any record whose components are its variables). */
    public String render(String view, Record model, HttpRequest<?> request) {
        return render(view, variables(model), request);
    }

    /** A template rendered to text from its variables. */
    private String render(String view, Map<String, Object> model, HttpRequest<?> request) {
        StringWriter html = new StringWriter();
        try {
            views.render(view, model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }
}
