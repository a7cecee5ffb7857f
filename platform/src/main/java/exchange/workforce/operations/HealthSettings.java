package exchange.workforce.operations;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param databaseCheckInterval the longest a health answer reuses the last database check (WFX_HEALTH_DATABASE_CHECK_INTERVAL)
 */
@ConfigurationProperties("wfx.health")
public record HealthSettings(@Bindable(defaultValue = "2s") Duration databaseCheckInterval) {
}
