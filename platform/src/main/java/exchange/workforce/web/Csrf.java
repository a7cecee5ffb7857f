package exchange.workforce.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Protection against cross-site request forgery, by a double-submitted token: a random value in a cookie that only
 * this site can set, repeated in a hidden field of every form; a form posted from another site cannot know it.
 * Needs no server state, so any replica can check it. {@link SecurityHeadersFilter} issues the cookie and puts the
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

    /** The token this request's page puts in its forms. */
    public static String token(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class)
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue))
                .orElseThrow(() -> new IllegalStateException("the CSRF token is set by SecurityHeadersFilter on every request"));
    }

    /** Whether a posted form carries this browser's token. */
    public static boolean matches(HttpRequest<?> request, String submitted) {
        Optional<String> expected = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
        return submitted != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                submitted.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Refuses a form without this browser's token. */
    public static void check(HttpRequest<?> request, String submitted) {
        if (!matches(request, submitted)) {
            throw new PageProblem(403, "This form has expired",
                    "The form was not sent from this service's own page, or it was open so long that it expired. Go back, reload the page and try again.");
        }
    }
}
