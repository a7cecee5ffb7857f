package exchange.workforce.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The identity provider's addresses, as config.Settings sets them from WFX_OIDC_* in production (README.md).
 *
 * @param jwksUrl          where its signing keys are published (tokens for the API)
 * @param authorizationUrl where browsers are sent to sign in; without it the pages have no provider sign-in
 * @param tokenUrl         where the sign-in's code is exchanged for a token
 * @param clientId         the platform's client id at the provider
 * @param clientSecret     its secret, where the provider gives one (PKCE is used either way)
 * @param redirectUrl      the platform's own address the provider sends browsers back to
 * @param scope            what is asked for
 */
@ConfigurationProperties("wfx.oidc")
public record OidcSettings(@Nullable String jwksUrl, @Nullable String authorizationUrl, @Nullable String tokenUrl,
                           @Nullable String clientId, @Bindable(defaultValue = "") String clientSecret, @Nullable String redirectUrl,
                           @Bindable(defaultValue = "openid") String scope) {
}
