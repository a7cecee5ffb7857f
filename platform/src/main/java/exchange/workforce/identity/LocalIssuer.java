package exchange.workforce.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/**
 * The platform's own token issuer for local use: an RSA key generated on first use and kept in the
 * data directory (never shipped, never in configuration). Production validates an external issuer's
 * tokens instead and never reads this key.
 */
public final class LocalIssuer {

    private final RSAKey key;

    private LocalIssuer(RSAKey key) {
        this.key = key;
    }

    /** Opens the key in {@code keyFile}, creating it if this is the first start. Safe if two processes race. */
    public static LocalIssuer open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            return new LocalIssuer(RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8)));
        } catch (IOException | ParseException | JOSEException e) {
            throw new ConfigurationProblem("Cannot read or create the local token signing key " + keyFile
                    + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path keyFile) throws IOException, JOSEException {
        Files.createDirectories(keyFile.getParent());
        RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        Path temporary = Files.createTempFile(keyFile.getParent(), "local-issuer", ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, generated.toJSONString(), StandardCharsets.UTF_8);
            Files.createLink(keyFile, temporary);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issue(String user, String authorityCode, String regionCode, Collection<Role> roles, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(Settings.LOCAL_ISSUER)
                .audience(Settings.LOCAL_AUDIENCE)
                .subject(user)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(Role.CLAIM, roles.stream().map(Role::name).toList());
        if (authorityCode != null) {
            claims.claim(Claims.AUTHORITY, authorityCode);
        }
        if (regionCode != null) {
            claims.claim(Claims.REGION, regionCode);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }
}
