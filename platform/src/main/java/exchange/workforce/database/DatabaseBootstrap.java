package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;

import java.util.Optional;

/**
 * Finds the database (a configured server, else the embedded one), migrates it, and says how the
 * service connects to it. Runs before the application context starts.
 */
public final class DatabaseBootstrap {

    private DatabaseBootstrap() {
    }

    public record Prepared(DatabaseConnection connection, Optional<EmbeddedDatabase> embedded) {
    }

    public static Prepared prepare(Settings settings) {
        Prepared prepared;
        if (settings.databaseUrl().isPresent()) {
            String url = settings.databaseUrl().get();
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new ConfigurationProblem("WFX_DATABASE_URL must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://db.example:5432/workforce_exchange; it is '" + url + "'.");
            }
            var application = new DatabaseConnection.Credentials(
                    settings.databaseUser().orElseThrow(() -> new ConfigurationProblem(
                            "WFX_DATABASE_URL is set but WFX_DATABASE_USER is not: name the application role.")),
                    settings.databasePassword().orElse(""));
            var owner = new DatabaseConnection.Credentials(
                    settings.ownerUser().orElse(application.user()),
                    settings.ownerUser().isPresent() ? settings.ownerPassword().orElse("") : application.password());
            prepared = new Prepared(new DatabaseConnection(url, owner, application), Optional.empty());
        } else {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDirectory().resolve("postgres"));
            prepared = new Prepared(embedded.connection(), Optional.of(embedded));
        }
        Migrations.apply(prepared.connection());
        ApplicationRoleCheck.verify(prepared.connection());
        return prepared;
    }
}
