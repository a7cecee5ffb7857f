package exchange.workforce.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;

/**
 * The browser's sign-in: a cookie holding only the random id of a session kept in the database ({@link Sessions}),
 * which the page's scripts cannot read ({@code HttpOnly}), sent only to this site's own navigations and forms
 * ({@code SameSite=Lax}), and over HTTPS only ({@code Secure}) except in local mode on plain HTTP. The security filter
 * reads the session's token like a bearer token, so the same claims checks, roles and tenancy apply to pages and API
 * alike. An API call that would change something is never made on the cookie: it needs its own bearer token.
 */
@Singleton
public class SessionCookie implements TokenReader<HttpRequest<?>> {

    public static final String NAME = "wfx-session";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final boolean secure;
    private final Sessions sessions;

    public SessionCookie(WebSettings settings, Sessions sessions) {
        this.secure = settings.secureCookies();
        this.sessions = sessions;
    }

    /** The cookie of a session just opened; the browser keeps it no longer than the session can last. */
    public Cookie of(String sessionId) {
        return flags(Cookie.of(NAME, sessionId)).maxAge(Sessions.LONGEST);
    }

    public Cookie cleared() {
        return flags(Cookie.of(NAME, "")).maxAge(0);
    }

    Cookie flags(Cookie cookie) {
        return cookie.httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/");
    }

    boolean secure() {
        return secure;
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/") && !SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        return id(request).flatMap(sessions::token);
    }

    /** After the bearer header: an API client's explicit token wins over a browser's cookie. */
    @Override
    public int getOrder() {
        return 100;
    }

    /** The session id the browser sent, if any. */
    static Optional<String> id(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    static boolean present(HttpRequest<?> request) {
        return id(request).isPresent();
    }
}
