package exchange.workforce.database;

import org.flywaydb.core.Flyway;

import java.util.Map;

/**
 * Applies the numbered migrations as the table owner. Flyway takes a PostgreSQL advisory lock, so
 * several replicas starting at once apply each migration exactly once.
 */
public final class Migrations {

    private Migrations() {
    }

    public static void apply(DatabaseConnection database) {
        try {
            migrate(database);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new exchange.workforce.config.ConfigurationProblem("The database at " + database.url()
                    + " could not be migrated as " + database.owner().user() + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DatabaseConnection database) {
        Flyway.configure()
                .dataSource(database.url(), database.owner().user(), database.owner().password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", database.application().user()))
                .load()
                .migrate();
    }
}
