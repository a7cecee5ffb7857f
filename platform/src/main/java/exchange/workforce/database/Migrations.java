package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies the numbered migrations as the table owner. Flyway takes a PostgreSQL advisory lock, so
 * several replicas (or migrate jobs) starting at once apply each migration exactly once.
 */
public final class Migrations {

    private Migrations() {
    }

    /** @return how many migrations were applied */
    public static int apply(DatabaseConnection database) {
        try {
            return flyway(database.url(), database.owner(), database).migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new ConfigurationProblem("The database at " + database.url() + " could not be migrated as "
                    + database.owner().user() + ": " + e.getMessage(), e);
        }
    }

    /** As the application role, which may read the migration history but change nothing: refuses a schema older than this version needs. */
    public static void requireCurrent(DatabaseConnection database) {
        MigrationInfo[] pending;
        try {
            pending = flyway(database.url(), database.application(), database).info().pending();
        } catch (FlywayException e) {
            throw notCurrent(database, "its migration history cannot be read (" + e.getMessage() + ")");
        }
        if (pending.length > 0) {
            throw notCurrent(database, "it lacks " + pending.length + " migration(s) this version needs: "
                    + Arrays.stream(pending).map(m -> m.getVersion() + " " + m.getDescription()).collect(Collectors.joining(", ")));
        }
    }

    private static ConfigurationProblem notCurrent(DatabaseConnection database, String why) {
        return new ConfigurationProblem("The schema at " + database.url() + " is not the one this version of the service "
                + "needs: " + why + ". Run the migration step first, with the owner's credentials: "
                + "java -jar platform.jar migrate (a Kubernetes Job or compose one-shot service; see docs/operations.md).");
    }

    private static Flyway flyway(String url, DatabaseConnection.Credentials as, DatabaseConnection roles) {
        return Flyway.configure()
                .dataSource(url, as.user(), as.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", roles.application().user(), "benchmarkRole", roles.benchmark().user()))
                .load();
    }
}
