package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;

import java.util.Optional;

/**
 * Finds the database (a configured server, else the embedded one) and says how the service connects to it.
 * Runs before the application context starts.
 * <ul>
 *   <li>With the owner's credentials (the embedded database always; a configured server when
 *   {@code WFX_DATABASE_OWNER_USER} is set) it migrates the schema first.</li>
 *   <li>Without them, as a serving replica in production should run, it migrates nothing: it checks that the
 *   schema is as new as this version needs and refuses to start otherwise, saying to run {@code migrate}.</li>
 * </ul>
 * Either way the application role is checked before anything is changed and after.
 */
public final class DatabaseBootstrap {

    private DatabaseBootstrap() {
    }

    /** @param ownerAvailable whether the owner's credentials are at hand (migrations, rotation and loads can run) */
    public record Prepared(DatabaseConnection connection, Optional<EmbeddedDatabase> embedded, boolean ownerAvailable) {
    }

    /** For serving: migrates if it can, else requires the schema to be current. */
    public static Prepared prepare(Settings settings) {
        Prepared prepared = connect(settings, false);
        ApplicationRoleCheck.verify(prepared.connection());
        if (prepared.ownerAvailable()) {
            Migrations.apply(prepared.connection());
            ApplicationRoleCheck.verify(prepared.connection());
            ApplicationRoleCheck.verifyBenchmarkReader(prepared.connection());
        } else {
            Migrations.requireCurrent(prepared.connection());
        }
        return prepared;
    }

    /** For the migrate command: the owner's credentials are required. */
    public static Prepared forMigration(Settings settings) {
        Prepared prepared = connect(settings, true);
        ApplicationRoleCheck.verify(prepared.connection());
        return prepared;
    }

    private static Prepared connect(Settings settings, boolean ownerRequired) {
        if (settings.databaseUrl().isEmpty()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDirectory().resolve("postgres"));
            return new Prepared(embedded.connection(), Optional.of(embedded), true);
        }
        String url = settings.databaseUrl().get();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationProblem("WFX_DATABASE_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://db.example:5432/workforce_exchange; it is '" + url + "'.");
        }
        var application = new DatabaseConnection.Credentials(
                settings.databaseUser().orElseThrow(() -> new ConfigurationProblem(
                        "WFX_DATABASE_URL is set but WFX_DATABASE_USER is not: name the application role.")),
                settings.databasePassword().orElseThrow(() -> new ConfigurationProblem(
                        "WFX_DATABASE_PASSWORD is not set: give the application role's password.")));
        var benchmark = new DatabaseConnection.Credentials(
                settings.benchmarkUser().orElseThrow(() -> new ConfigurationProblem("WFX_DATABASE_BENCHMARK_USER is not set: "
                        + "name the role the benchmarks read every council's census figures as (see infra/postgres/create-roles.sql).")),
                settings.benchmarkPassword().orElseThrow(() -> new ConfigurationProblem(
                        "WFX_DATABASE_BENCHMARK_PASSWORD is not set: give the benchmark reader role's password.")));
        if (settings.ownerUser().isEmpty()) {
            if (ownerRequired) {
                throw new ConfigurationProblem("Migrations run as the owner of the tables: set WFX_DATABASE_OWNER_USER and "
                        + "WFX_DATABASE_OWNER_PASSWORD (see infra/postgres/create-roles.sql). Serving replicas do not need them.");
            }
            if (settings.ownerPassword().isPresent()) {
                throw new ConfigurationProblem("WFX_DATABASE_OWNER_PASSWORD is set but WFX_DATABASE_OWNER_USER is not: name the owner role.");
            }
            return new Prepared(new DatabaseConnection(url, null, application, benchmark), Optional.empty(), false);
        }
        var owner = new DatabaseConnection.Credentials(settings.ownerUser().get(), settings.ownerPassword().orElseThrow(
                () -> new ConfigurationProblem("WFX_DATABASE_OWNER_USER is set but WFX_DATABASE_OWNER_PASSWORD is not.")));
        return new Prepared(new DatabaseConnection(url, owner, application, benchmark), Optional.empty(), true);
    }
}
