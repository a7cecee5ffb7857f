package exchange.workforce.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Errors a browser meets, as pages rather than JSON: a page that needs signing in sends the browser to the sign-in
 * page; a page the role may not see, a page that does not exist and a refused form are GOV.UK error pages with the
 * right status. API paths and clients that do not ask for HTML keep the problem format.
 */
public final class PageErrors {

    private PageErrors() {
    }

    static boolean forBrowser(HttpRequest<?> request) {
        return !request.getPath().startsWith("/api/") && !request.getPath().startsWith("/openapi")
                && !request.getPath().startsWith("/health")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }

    /** An error page: its status, title and what to do, under a layout with no navigation (the CSRF token as the browser has it, if any). */
    record ErrorView(Layout layout, String heading, String detail, int status) implements PageView {
    }

    static ErrorView view(HttpRequest<?> request, int status, String title, String detail) {
        String csrf = request.getAttribute(Csrf.ATTRIBUTE, String.class)
                .or(() -> request.getCookies().findCookie(Csrf.COOKIE).map(c -> c.getValue())).orElse("");
        return new ErrorView(new Layout(title, csrf, null, null, java.util.List.of(), null), title, detail, status);
    }

    /** A refused page or form, rendered with its status. */
    @Singleton
    @Produces(MediaType.TEXT_HTML)
    @Requires(classes = PageProblem.class)
    public static class Handler implements ExceptionHandler<PageProblem, HttpResponse<?>> {

        private final Html html;

        public Handler(Html html) {
            this.html = html;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, PageProblem problem) {
            return html.page(HttpStatus.valueOf(problem.status()), "error",
                    view(request, problem.status(), problem.title(), problem.getMessage()), request);
        }
    }

    /** The framework's own refusals (sign-in needed, role not allowed, no such page) for a browser. */
    @ServerFilter("/**")
    public static class Filter implements io.micronaut.core.order.Ordered {

        private final Html html;

        public Filter(Html html) {
            this.html = html;
        }

        @ResponseFilter
        @Nullable
        public MutableHttpResponse<?> after(HttpRequest<?> request, MutableHttpResponse<?> response) {
            int status = response.getStatus().getCode();
            if (!forBrowser(request) || response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false)) {
                return null;
            }
            if (status == 401) {
                return HttpResponse.seeOther(URI.create("/sign-in"));
            }
            String title = switch (status) {
                case 403 -> "You cannot see this page";
                case 404, 405 -> "Page not found";
                case 413 -> "The file is too big";
                case 500, 503 -> "Sorry, there is a problem with the service";
                default -> null;
            };
            if (title == null) {
                return null;
            }
            String detail = switch (status) {
                case 403 -> "Your role does not include this page. Ask your council's or region's administrator if you need it.";
                case 413 -> "Files up to 10 MB can be uploaded; a return is usually a few kilobytes. Check you chose the right file, "
                        + "go back and upload it again.";
                case 500, 503 -> "Nothing you sent was lost or half-saved. Try again in a few minutes; if it keeps happening, "
                        + "tell your administrator this reference: " + exchange.workforce.operations.RequestIds.of(request) + ".";
                default -> "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.";
            };
            return html.page(HttpStatus.valueOf(status), "error", view(request, status, title, detail), request)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }

        /** Late, so it sees the response the security filter and the routes made. */
        @Override
        public int getOrder() {
            return ServerFilterPhase.FIRST.order();
        }
    }
}
