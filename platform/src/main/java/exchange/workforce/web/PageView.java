package exchange.workforce.web;

/**
 * A page's view model: a record whose components are its template's variables, beside its {@link Layout}'s and, for a
 * page with a form, its {@link Entered} answers' ({@code form}, {@code errors}, {@code fieldErrors}). Rendered by
 * {@link Html#page(io.micronaut.http.HttpStatus, String, PageView, io.micronaut.http.HttpRequest)}.
 */
public interface PageView {

    Layout layout();
}
