package exchange.workforce.identity;

import exchange.workforce.tenancy.ReferenceAuthorities;
import exchange.workforce.problem.ProblemResponseProcessor;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link TokenClaimsPolicy} to every token; a refused token is answered 401 and the reason logged. */
@Singleton
public class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenClaimsValidator.class);

    private final TokenClaimsPolicy policy;

    /** Token times are checked against the real clock (java.time.Clock.systemUTC()), never the injected one a test may fix. */
    public TokenClaimsValidator(TokenSettings settings) {
        java.time.Clock real = java.time.Clock.systemUTC();
        this.policy = new TokenClaimsPolicy(ReferenceAuthorities.load(), settings.maxLifetime(), () -> java.time.Instant.now(real));
    }

    @Override
    public boolean validate(Claims claims, T request) {
        return policy.refusal(claims::get).map(reason -> {
            LOG.info("A token was refused: {}", reason);
            if (request instanceof HttpRequest<?> http) {
                http.setAttribute(ProblemResponseProcessor.TOKEN_REFUSAL, reason);
            }
            return false;
        }).orElse(true);
    }
}
