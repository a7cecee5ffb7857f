package exchange.workforce.worker;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * @param keyFile the worker pseudonym keys (WFX_PSEUDONYM_KEY_FILE; in local mode under WFX_KEY_DIR), never in the database
 */
@ConfigurationProperties("wfx.pseudonym")
public record PseudonymSettings(String keyFile) {
}
