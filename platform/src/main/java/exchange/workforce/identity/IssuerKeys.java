package exchange.workforce.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * In production, tokens are verified against the identity provider's signing keys (its JWKS). The keys are
 * cached for {@link #CACHE_FOR}, and fetched again at once when a token names a key the cache does not hold:
 * providers rotate keys by publishing a new one and signing with it soon after, and without the refetch every
 * new token would be refused until the cache expired. Such refetches are limited to one per
 * {@link #REFETCH_AT_MOST_EVERY}, so tokens with made-up key ids cannot make the service hammer the provider. If
 * the provider cannot be reached, the keys already held are kept.
 */
@Singleton
@Named("oidc")
@Requires(property = "wfx.oidc.jwks-url")
public class IssuerKeys implements SignatureConfiguration {

    static final Duration CACHE_FOR = Duration.ofMinutes(15);
    static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(30);
    private static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeys.class);

    private final URI jwks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;
    private volatile JWKSet keys = new JWKSet();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private volatile Instant refetchedForUnknownKey = Instant.EPOCH;

    public IssuerKeys(OidcSettings settings) {
        this(URI.create(settings.jwksUrl()), Clock.systemUTC());
    }

    IssuerKeys(URI jwks, Clock clock) {
        this.jwks = jwks;
        this.clock = clock;
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return SUPPORTED.contains(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        String kid = jwt.getHeader().getKeyID();
        Instant now = clock.instant();
        if (now.isAfter(fetchedAt.plus(CACHE_FOR))) {
            fetch(now);
        }
        JWK key = kid == null ? null : keys.getKeyByKeyId(kid);
        if (key == null && kid != null) {
            key = refetchFor(kid, now);
        }
        if (key == null) {
            return false;
        }
        JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa.toRSAPublicKey())
                : key instanceof ECKey ec ? new ECDSAVerifier(ec.toECPublicKey()) : null;
        return verifier != null && jwt.verify(verifier);
    }

    /** Fetches the key set again for a key id it did not hold, unless that was done less than the limit ago. */
    private synchronized JWK refetchFor(String kid, Instant now) {
        JWK key = keys.getKeyByKeyId(kid);
        if (key != null || now.isBefore(refetchedForUnknownKey.plus(REFETCH_AT_MOST_EVERY))) {
            return key; // fetched meanwhile by another request, or refetched too recently
        }
        LOG.info("A token names signing key '{}', which the identity provider's key set did not hold; fetching it again", kid);
        refetchedForUnknownKey = now;
        fetch(now);
        return keys.getKeyByKeyId(kid);
    }

    private synchronized void fetch(Instant now) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("The identity provider's key set at {} answered {}; keeping the keys held", jwks, response.statusCode());
            } else {
                keys = JWKSet.parse(response.body());
            }
        } catch (java.io.IOException | ParseException e) {
            LOG.warn("Could not fetch the identity provider's key set at {} ({}); keeping the keys held", jwks, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fetchedAt = now;
    }
}
