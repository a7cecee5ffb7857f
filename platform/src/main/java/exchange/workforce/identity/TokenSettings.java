package exchange.workforce.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param maxLifetime the longest a token may last from its iat to its exp (WFX_TOKEN_MAX_LIFETIME); a longer one is refused
 */
@ConfigurationProperties("wfx.tokens")
public record TokenSettings(@Bindable(defaultValue = "12h") Duration maxLifetime) {
}
