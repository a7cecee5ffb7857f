package exchange.workforce.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import exchange.workforce.support.PlatformTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens of an external identity provider, verified against its key set (served here on loopback): a key the
 * provider publishes after the service started is accepted on first use, and made-up key ids do not make the
 * service fetch the key set again and again.
 */
class IdentityProviderKeysTest {

    static final String ISSUER = "https://login.example/tenant/v2.0";
    static final String AUDIENCE = "api://workforce-exchange";

    @Test
    void aTokenSignedWithAKeyThePublisherAddedAfterStartUpIsAcceptedOnFirstUse() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
        RSAKey added = new RSAKeyGenerator(2048).keyID("added-later").generate();
        AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
        AtomicInteger fetches = new AtomicInteger();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        properties.remove("wfx.local-issuer.key-file");
        properties.put("wfx.mode", "production");
        properties.put("micronaut.security.token.jwt.claims-validators.issuer", ISSUER);
        properties.put("micronaut.security.token.jwt.claims-validators.audience", AUDIENCE);
        properties.put("wfx.oidc.jwks-url", "http://127.0.0.1:" + provider.getAddress().getPort() + "/keys");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            assertEquals(200, me(server, token(first)), "a token signed with the published key");

            published.set(new JWKSet(List.of(first.toPublicJWK(), added.toPublicJWK())));
            assertEquals(200, me(server, token(added)), "a key published after start-up works on first use");

            int before = fetches.get();
            RSAKey madeUp = new RSAKeyGenerator(2048).keyID("made-up").generate();
            for (int i = 0; i < 20; i++) {
                assertEquals(401, me(server, token(madeUp)));
            }
            assertTrue(fetches.get() - before <= 1, "at most one refetch for 20 tokens with unknown keys, not "
                    + (fetches.get() - before));
        } finally {
            provider.stop(0);
        }
    }

    private static String token(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("alice@kent.gov.uk")
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("authority", "E10000016")
                        .claim("roles", List.of("AUTHORITY_VIEWER")).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static int me(EmbeddedServer server, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
