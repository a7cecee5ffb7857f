package exchange.workforce.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The browser's sign-in: the same signed token the API takes as a bearer token, kept in a cookie the page's scripts
 * cannot read ({@code HttpOnly}), sent only to this site's own navigations and forms ({@code SameSite=Lax}), and over
 * HTTPS only ({@code Secure}) except in local mode on plain HTTP. The security filter reads it like a bearer token,
 * so the same claims checks, roles and tenancy apply to pages and API alike.
 */
@Singleton
public class SessionCookie implements TokenReader<HttpRequest<?>> {

    public static final String NAME = "wfx-session";
    /** A working day: a sign-in does not outlive the day it was made. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final boolean secure;

    public SessionCookie(@Value("${wfx.web.secure-cookies:true}") boolean secure) {
        this.secure = secure;
    }

    public Cookie of(String token) {
        return flags(Cookie.of(NAME, token)).maxAge(LIFETIME);
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
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** After the bearer header: an API client's explicit token wins over a browser's cookie. */
    @Override
    public int getOrder() {
        return 100;
    }

    static boolean present(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank()).isPresent();
    }
}
