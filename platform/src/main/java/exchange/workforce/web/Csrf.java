package exchange.workforce.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Protection against cross-site request forgery: a token in a hidden field of every form that another site cannot
 * know. Signed in, it is derived from the session's id (which only the browser's HttpOnly cookie holds), so it is
 * bound to that session and any replica can check it; before sign-in, a random value double-submitted in a cookie
 * only this site can set. An empty token never matches. {@link SecurityHeadersFilter} issues the cookie and puts the
 * token on the request for the page to render.
 */
public final class Csrf {

    public static final String COOKIE = "wfx-csrf";
    public static final String FIELD = "csrf";
    static final String ATTRIBUTE = "wfx.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token this request's page puts in its forms: bound to the browser's session where it has one (derived from the
     * session's id, so it ends with the session and differs for every sign-in), else the double-submitted cookie's
     * (the sign-in page, before there is a session).
     */
    public static String token(HttpRequest<?> request) {
        return expected(request).orElseThrow(() -> new IllegalStateException("the CSRF token is set by SecurityHeadersFilter on every request"));
    }

    /** The form token of the session with this id (what its pages put in their forms). */
    public static String forSession(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sessions.hash("csrf:" + sessionId));
    }

    private static Optional<String> expected(HttpRequest<?> request) {
        Optional<String> session = SessionCookie.id(request);
        if (session.isPresent()) {
            return Optional.of(forSession(session.get()));
        }
        return request.getAttribute(ATTRIBUTE, String.class)
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue))
                .filter(token -> !token.isBlank());
    }

    /** Whether a posted form carries this browser's token (never an empty one). */
    public static boolean matches(HttpRequest<?> request, String submitted) {
        Optional<String> expected = request.getAttribute(ATTRIBUTE, String.class).isPresent() && SessionCookie.id(request).isEmpty()
                ? Optional.empty() : expected(request);
        return submitted != null && !submitted.isBlank() && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                submitted.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** What a browser is told when its form lacks the token. */
    static PageProblem expired() {
        return new PageProblem(403, "This form has expired",
                "The form was not sent from this service's own page, or it was open so long that it expired. Go back, reload the page and try again.");
    }
}
