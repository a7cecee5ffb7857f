package exchange.workforce.retention;

import exchange.workforce.database.DatabaseConnection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Runs {@link Retention} nightly where the service holds the owner's credentials (local mode, or a replica
 * given them). Serving replicas in production have none, so there the scheduled {@code retention} command runs it.
 */
@Singleton
@Requires(property = "wfx.maintenance.username")
public class RetentionJob {

    private final DatabaseConnection owner;

    public RetentionJob(MaintenanceSettings settings) {
        DatabaseConnection.Credentials credentials = new DatabaseConnection.Credentials(settings.username(), settings.password());
        this.owner = new DatabaseConnection(settings.url(), credentials, null, null);
    }

    @Scheduled(cron = "0 17 2 * * *")
    void nightly() {
        purge();
    }

    public Map<String, Long> purge() {
        return Retention.purge(owner);
    }
}
