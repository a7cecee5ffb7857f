package exchange.workforce.web;

import exchange.workforce.operations.RequestIds;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Set;

/**
 * What every response carries to keep pages safe in a browser, and the browser-side rules of the API:
 * <ul>
 *   <li>a strict Content-Security-Policy: scripts, styles, fonts and images from this site only, no inline script,
 *       no framing, forms posting only here;</li>
 *   <li>no caching of pages (they hold one authority's data), no sniffing of types, no referrer sent to other sites;</li>
 *   <li>the CSRF cookie for forms ({@link Csrf}), issued on the first request;</li>
 *   <li>the API changes nothing on a browser's cookie alone: a request that would change data must carry its token
 *       in the Authorization header, which another site's form cannot set.</li>
 * </ul>
 */
@ServerFilter("/**")
public class SecurityHeadersFilter implements io.micronaut.core.order.Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SessionCookie session;

    public SecurityHeadersFilter(SessionCookie session) {
        this.session = session;
    }

    /** Outermost: its headers go on every response, error pages made by the filters inside it included. */
    @Override
    public int getOrder() {
        return io.micronaut.http.filter.ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> before(HttpRequest<?> request) {
        boolean api = request.getPath().startsWith("/api/");
        if (page(request.getPath()) && request.getCookies().findCookie(Csrf.COOKIE).isEmpty()) {
            request.setAttribute(Csrf.ATTRIBUTE, Csrf.newToken());
        }
        if (api && !SAFE.contains(request.getMethod()) && SessionCookie.present(request)
                && request.getHeaders().getAuthorization().isEmpty()) {
            return HttpResponse.status(ProblemCode.FORBIDDEN.status()).contentType(Problem.MEDIA_TYPE)
                    .body(Problem.of(ProblemCode.FORBIDDEN, null, "The API changes data only with a token in the Authorization "
                            + "header, never on a browser's sign-in cookie alone; use the service's pages, or send your token.",
                            RequestIds.of(request), List.of()));
        }
        return null;
    }

    /** Pages get the CSRF cookie; the API, its spec, health checks and static files do not need one. */
    private static boolean page(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/openapi") || path.startsWith("/health") || path.startsWith("/govuk/")
                || path.startsWith("/assets/") || path.startsWith("/static/"));
    }

    @ResponseFilter
    public void after(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpHeaders headers = response.getHeaders();
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin"); // no-referrer would make form posts send "Origin: null"
        if (session.secure()) {
            // in production (HTTPS only): browsers never try plain HTTP to this site again for a year
            response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        boolean page = response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (page && headers.get(HttpHeaders.CACHE_CONTROL) == null) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        request.getAttribute(Csrf.ATTRIBUTE, String.class).ifPresent(token -> response.cookie(
                Cookie.of(Csrf.COOKIE, token).httpOnly(true).secure(session.secure()).sameSite(SameSite.Strict).path("/")));
    }
}
