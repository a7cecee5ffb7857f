package exchange.workforce.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import exchange.workforce.support.PlatformTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production sign-in in a browser's place, against an identity provider of the test's own on loopback (authorise,
 * token and key endpoints over real HTTP): the authorisation-code flow with PKCE ends with the provider's access
 * token in the session cookie, and the pages then answer for the council in its claims.
 */
class ProviderSignInTest {

    static final String ISSUER = "https://login.example/tenant/v2.0";
    static final String AUDIENCE = "api://workforce-exchange";
    static final String CLIENT = "workforce-exchange-web";
    static final String SECRET = "client-secret-for-the-test";

    RSAKey key;
    HttpServer provider;
    EmbeddedServer service;
    final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code → challenge, nonce
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/keys", e -> send(e, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        provider.createContext("/authorize", this::authorize);
        provider.createContext("/token", this::token);
        provider.start();
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();
        Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        properties.remove("wfx.local-issuer.key-file");
        properties.remove("wfx.web.secure-cookies"); // production: Secure cookies
        properties.put("wfx.mode", "production");
        properties.put("micronaut.security.token.jwt.claims-validators.issuer", ISSUER);
        properties.put("micronaut.security.token.jwt.claims-validators.audience", AUDIENCE);
        properties.put("wfx.oidc.jwks-url", base + "/keys");
        properties.put("wfx.oidc.authorization-url", base + "/authorize");
        properties.put("wfx.oidc.token-url", base + "/token");
        properties.put("wfx.oidc.client-id", CLIENT);
        properties.put("wfx.oidc.client-secret", SECRET);
        properties.put("wfx.oidc.redirect-url", "https://workforce-exchange.example/sign-in/callback");
        service = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterEach
    void stop() {
        service.close();
        provider.stop(0);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT.equals(query.get("client_id")) || !"S256".equals(query.get("code_challenge_method"))
                || !"code".equals(query.get("response_type"))) {
            send(exchange, 400, "text/plain", "bad request");
            return;
        }
        String code = "code-" + codes.size();
        codes.put(code, new String[] {query.get("code_challenge"), query.get("nonce")});
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state"));
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] issued = codes.remove(form.get("code"));
        try {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(form.getOrDefault("code_verifier", "").getBytes(StandardCharsets.US_ASCII)));
            if (issued == null || !issued[0].equals(challenge) || !SECRET.equals(form.get("client_secret"))) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            String access = sign(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("dara@kent.gov.uk")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600))).claim("authority", "E10000016")
                    .claim("roles", List.of("AUTHORITY_VIEWER")).build());
            String id = sign(new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("dara@kent.gov.uk")
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600))).claim("nonce", issued[1]).build());
            send(exchange, 200, "application/json", "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id + "\",\"token_type\":\"Bearer\"}");
        } catch (Exception e) {
            send(exchange, 500, "text/plain", e.getMessage());
        }
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private HttpResponse<String> get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return browser.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }

    @Test
    void aDirectorSignsInThroughTheIdentityProviderAndSeesTheirCouncil() throws Exception {
        HttpResponse<String> page = get(service.getURI().resolve("/sign-in").toString(), null);
        assertTrue(page.body().contains("Sign in with your organisation"), page.body());
        assertTrue(!page.body().contains("demonstration user"), "no demonstration users in production");

        HttpResponse<String> start = get(service.getURI().resolve("/sign-in/start").toString(), null);
        assertEquals(303, start.statusCode());
        String flow = cookie(start, ProviderSignIn.FLOW_COOKIE);
        String toProvider = start.headers().firstValue("location").orElseThrow();
        assertTrue(toProvider.contains("code_challenge=") && toProvider.contains("state=") && toProvider.contains("nonce="), toProvider);

        HttpResponse<String> fromProvider = get(toProvider, null);
        assertEquals(302, fromProvider.statusCode());
        String callback = fromProvider.headers().firstValue("location").orElseThrow()
                .replace("https://workforce-exchange.example", service.getURI().toString().replaceAll("/$", ""));
        HttpResponse<String> signedIn = get(callback, flow);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String session = cookie(signedIn, SessionCookie.NAME);
        assertTrue(signedIn.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith(SessionCookie.NAME) && c.contains("Secure")),
                "production cookies are Secure");

        HttpResponse<String> council = get(service.getURI().resolve("/council").toString(), session);
        assertEquals(200, council.statusCode());
        assertTrue(council.body().contains("Kent"), "the council in the provider's claims");
    }

    @Test
    void aBookmarkedPageOpensAfterSigningInThroughTheProviderAndAnotherSitesAddressDoesNot() throws Exception {
        HttpResponse<String> page = get(service.getURI().resolve("/sign-in?next=%2Fagency%3Ftab%3Dregister").toString(), null);
        assertTrue(page.body().contains("/sign-in/start?next=/agency?tab%3Dregister"), "the button carries the page asked for: " + page.body());
        for (String[] asked : new String[][] {{"%2Fagency%3Ftab%3Dregister", "/agency?tab=register"}, {"https%3A%2F%2Fevil.example%2F", "/"},
                {"%2F%2Fevil.example", "/"}}) {
            HttpResponse<String> start = get(service.getURI().resolve("/sign-in/start?next=" + asked[0]).toString(), null);
            String flow = cookie(start, ProviderSignIn.FLOW_COOKIE);
            HttpResponse<String> fromProvider = get(start.headers().firstValue("location").orElseThrow(), null);
            String callback = fromProvider.headers().firstValue("location").orElseThrow()
                    .replace("https://workforce-exchange.example", service.getURI().toString().replaceAll("/$", ""));
            HttpResponse<String> signedIn = get(callback, flow);
            assertEquals(303, signedIn.statusCode(), signedIn.body());
            assertEquals(asked[1], signedIn.headers().firstValue("location").orElseThrow(), "after signing in, for next=" + asked[0]);
        }
    }

    @Test
    void aCallbackThatDidNotStartInThisBrowserSignsNobodyIn() throws Exception {
        HttpResponse<String> start = get(service.getURI().resolve("/sign-in/start").toString(), null);
        HttpResponse<String> fromProvider = get(start.headers().firstValue("location").orElseThrow(), null);
        String callback = fromProvider.headers().firstValue("location").orElseThrow()
                .replace("https://workforce-exchange.example", service.getURI().toString().replaceAll("/$", ""));
        HttpResponse<String> forged = get(callback, null);
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("Sign-in expired"), forged.body());
        assertTrue(forged.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith(SessionCookie.NAME + "=") && c.length() > 40));
    }
}
