package exchange.workforce.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import exchange.workforce.config.Settings;
import exchange.workforce.identity.LocalIssuer;
import exchange.workforce.identity.Role;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Tokens for tests: genuine ones from the local issuer of the test run, and forged ones of every kind. */
public final class Tokens {

    private static final Path KEY_FILE;
    private static final LocalIssuer ISSUER;

    static {
        try {
            KEY_FILE = Files.createTempDirectory("wfx-test-keys").resolve("local-issuer.jwk.json");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ISSUER = LocalIssuer.open(KEY_FILE);
    }

    private Tokens() {
    }

    public static Path keyFile() {
        return KEY_FILE;
    }

    /** The test run's pseudonym key file (version 1 only), beside the signing key. */
    public static Path pseudonymKeyFile() {
        Path file = KEY_FILE.resolveSibling("pseudonym-keys.properties");
        exchange.workforce.worker.PseudonymKeys.load(file, true);
        return file;
    }

    public static String authorityUser(String user, String authorityCode, Role... roles) {
        return ISSUER.issue(user, authorityCode, null, List.of(roles), Duration.ofHours(1));
    }

    public static String regionalUser(String user, String regionCode, Role... roles) {
        return ISSUER.issue(user, null, regionCode, List.of(roles), Duration.ofHours(1));
    }

    public static String signedByAnotherKey() throws JOSEException {
        RSAKey other = new RSAKeyGenerator(2048).keyID("attacker").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(),
                claims(Settings.LOCAL_ISSUER, Settings.LOCAL_AUDIENCE, Instant.now().plusSeconds(3600)));
        jwt.sign(new RSASSASigner(other));
        return jwt.serialize();
    }

    public static String unsigned() {
        return new PlainJWT(claims(Settings.LOCAL_ISSUER, Settings.LOCAL_AUDIENCE, Instant.now().plusSeconds(3600))).serialize();
    }

    /** A genuine signature with the header rewritten to alg "none" and the signature dropped. */
    public static String algNoneWithGenuinePayload() {
        String genuine = authorityUser("mallory", "E10000016", Role.AUTHORITY_SUBMITTER);
        String payload = genuine.split("\\.")[1];
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        return header + "." + payload + ".";
    }

    public static String withIssuer(String issuer) throws JOSEException {
        return signedWithTestKey(claims(issuer, Settings.LOCAL_AUDIENCE, Instant.now().plusSeconds(3600)));
    }

    public static String withAudience(String audience) throws JOSEException {
        return signedWithTestKey(claims(Settings.LOCAL_ISSUER, audience, Instant.now().plusSeconds(3600)));
    }

    public static String expired() throws JOSEException {
        return signedWithTestKey(claims(Settings.LOCAL_ISSUER, Settings.LOCAL_AUDIENCE, Instant.now().minusSeconds(120)));
    }

    /** A genuinely signed token whose claims start as a valid council submitter's and are then changed. */
    public static String withClaims(java.util.function.Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(
                claims(Settings.LOCAL_ISSUER, Settings.LOCAL_AUDIENCE, Instant.now().plusSeconds(3600)));
        change.accept(claims);
        try {
            return signedWithTestKey(claims.build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signedWithTestKey(JWTClaimsSet claims) throws JOSEException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(KEY_FILE));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject("mallory")
                .issueTime(Date.from(expiry.minusSeconds(7200)))
                .expirationTime(Date.from(expiry))
                .claim("roles", List.of("AUTHORITY_SUBMITTER"))
                .claim("authority", "E10000016")
                .build();
    }
}
