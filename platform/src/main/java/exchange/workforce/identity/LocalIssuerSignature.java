package exchange.workforce.identity;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Named;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;

/**
 * In local mode, tokens are verified against the local issuer's public key. Created at start-up, so the
 * key exists from the first start. Absent in production, where the JWKS of the external issuer is used.
 */
@Context
@Named("local")
@Requires(property = "wfx.local-issuer.key-file")
public class LocalIssuerSignature implements RSASignatureConfiguration {

    private final RSAPublicKey publicKey;

    public LocalIssuerSignature(LocalIssuerSettings settings) {
        this.publicKey = LocalIssuer.open(Path.of(settings.keyFile())).publicKey();
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }
}
