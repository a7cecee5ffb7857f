package exchange.workforce.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Local mode's own token issuer.
 *
 * @param keyFile its signing key (under WFX_DATA_DIR/keys); absent in production, where tokens come from the provider
 */
@ConfigurationProperties("wfx.local-issuer")
public record LocalIssuerSettings(@Nullable String keyFile) {
}
