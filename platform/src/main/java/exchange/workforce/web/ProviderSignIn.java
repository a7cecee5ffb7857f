package exchange.workforce.web;

import exchange.workforce.identity.OidcSettings;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Signing in through the organisation's identity provider: OpenID Connect's authorisation-code flow with PKCE. The
 * browser is sent to the provider with a random state, nonce and code challenge (kept in a short-lived cookie); the
 * provider sends it back with a code, which the service exchanges at the token endpoint for the same access token
 * the API takes (issuer, audience, signature and claims are then checked on every request as for any bearer token).
 */
@Controller("/sign-in")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "wfx.oidc.authorization-url")
public class ProviderSignIn {

    static final String FLOW_COOKIE = "wfx-oidc";
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    private final String authorizationUrl;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUrl;
    private final String scope;
    private final SessionCookie session;
    private final Sessions sessions;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public ProviderSignIn(OidcSettings settings, SessionCookie session, Sessions sessions, JsonMapper json) {
        this.authorizationUrl = settings.authorizationUrl();
        this.tokenUrl = settings.tokenUrl();
        this.clientId = settings.clientId();
        this.clientSecret = settings.clientSecret();
        this.redirectUrl = settings.redirectUrl();
        this.scope = settings.scope();
        this.session = session;
        this.sessions = sessions;
        this.json = json;
    }

    @Get(value = "/start", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> start(@Nullable @QueryValue String next) {
        String state = Csrf.newToken();
        String nonce = Csrf.newToken();
        String verifier = Csrf.newToken() + Csrf.newToken();
        URI to = URI.create(authorizationUrl + (authorizationUrl.contains("?") ? "&" : "?") + "response_type=code"
                + "&client_id=" + encode(clientId) + "&redirect_uri=" + encode(redirectUrl) + "&scope=" + encode(scope)
                + "&state=" + state + "&nonce=" + nonce + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
        // the page asked for before signing in, if it is one of ours, travels with the flow (base64url: no dots)
        String back = NextPage.safe(next);
        Cookie flow = session.flags(Cookie.of(FLOW_COOKIE, state + "." + nonce + "." + verifier
                + (back == null ? "" : "." + Base64.getUrlEncoder().withoutPadding().encodeToString(back.getBytes(StandardCharsets.UTF_8)))))
                .sameSite(SameSite.Lax).maxAge(FLOW_LIFETIME);
        return HttpResponse.seeOther(to).cookie(flow);
    }

    @Get(value = "/callback", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> callback(HttpRequest<?> request, @Nullable @QueryValue String code, @Nullable @QueryValue String state,
                                    @Nullable @QueryValue String error) {
        String[] flow = request.getCookies().findCookie(FLOW_COOKIE).map(Cookie::getValue).orElse("").split("\\.");
        if (error != null) {
            throw new PageProblem(403, "Sign-in was refused", "Your organisation's identity provider did not sign you in ("
                    + error + "). Try again, or ask your identity administrator.");
        }
        if (flow.length < 3 || flow.length > 4 || state == null || !MessageDigest.isEqual(flow[0].getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII)) || code == null) {
            throw new PageProblem(403, "Sign-in expired", "This sign-in did not start from this browser, or took longer than "
                    + FLOW_LIFETIME.toMinutes() + " minutes. Start again from the sign-in page.");
        }
        Map<String, Object> tokens = exchange(code, flow[2]);
        Object accessToken = tokens.get("access_token");
        if (!(accessToken instanceof String token) || token.isBlank() || !nonceMatches(tokens.get("id_token"), flow[1])) {
            throw new PageProblem(502, "Sign-in failed", "The identity provider's answer could not be used. Try again; if it keeps "
                    + "happening, tell your identity administrator.");
        }
        String back = flow.length == 4 ? NextPage.safe(nextPage(flow[3])) : null;
        return HttpResponse.seeOther(URI.create(back != null ? back : "/")).cookie(session.of(sessions.open(token)))
                .cookie(session.flags(Cookie.of(FLOW_COOKIE, "")).maxAge(0));
    }

    private Map<String, Object> exchange(String code, String verifier) {
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(redirectUrl)
                + "&client_id=" + encode(clientId) + "&code_verifier=" + encode(verifier)
                + (clientSecret.isBlank() ? "" : "&client_secret=" + encode(clientSecret));
        try {
            java.net.http.HttpResponse<byte[]> answer = client.send(java.net.http.HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new PageProblem(502, "Sign-in failed", "The identity provider refused to complete the sign-in (status "
                        + answer.statusCode() + "). Start again from the sign-in page.");
            }
            @SuppressWarnings("unchecked") Map<String, Object> tokens = json.readValue(answer.body(), Map.class);
            return tokens;
        } catch (IOException e) {
            throw new PageProblem(502, "Sign-in failed", "The identity provider could not be reached. Try again in a few minutes.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageProblem(503, "Sign-in failed", "The sign-in was interrupted. Try again.");
        }
    }

    /** The ID token came straight from the token endpoint over TLS, so its nonce is read, not its signature checked. */
    private boolean nonceMatches(Object idToken, String nonce) {
        if (!(idToken instanceof String jwt)) {
            return true; // a provider that returns no ID token: the access token alone signs in
        }
        String[] parts = jwt.split("\\.");
        try {
            @SuppressWarnings("unchecked") Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            return nonce.equals(claims.get("nonce"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The page the flow carries, as it was asked for; null if the cookie's part is not one (checked again by the caller). */
    private static String nextPage(String carried) {
        try {
            return new String(Base64.getUrlDecoder().decode(carried), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
