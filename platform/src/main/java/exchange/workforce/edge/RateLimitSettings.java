package exchange.workforce.edge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How many API requests one caller may make a minute ({@code WFX_RATE_LIMIT_PER_MINUTE}, docs/operations.md). A caller
 * is one credential: the bearer token it sends, or, without one, its address. Each replica counts its own callers, so
 * behind a load balancer that spreads a caller over n replicas it may make up to n times as many.
 *
 * @param requestsPerMinute requests one caller may make in a minute; beyond it the API answers 429 until the minute ends
 * @param callersTracked    callers counted at once, the least recent forgotten first (a bound on the memory it takes)
 */
@ConfigurationProperties("wfx.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "600") @Min(1) @Max(1_000_000_000) int requestsPerMinute,
        @Bindable(defaultValue = "100000") @Min(1) int callersTracked) {
}
