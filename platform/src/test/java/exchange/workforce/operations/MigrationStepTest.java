package exchange.workforce.operations;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;
import exchange.workforce.database.DatabaseBootstrap;
import exchange.workforce.database.DatabaseConnection;
import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import exchange.workforce.MigrateCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production as an operator runs it: the migrate step alone, with the owner's credentials, creates and upgrades
 * the schema and loads DfE's baseline; a serving replica holds only the application role's credentials,
 * refuses a schema older than it needs, and serves once the step has run.
 */
class MigrationStepTest {

    @TempDir
    Path home;

    @Test
    void aServingReplicaWithOnlyTheApplicationRoleRefusesAnOldSchemaAndServesOnceTheMigrationStepHasRun() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("db/postgres"))) {
            DatabaseConnection server = database.connection();
            Map<String, String> serving = new HashMap<>(Map.of(
                    "WFX_DATA_DIR", home.resolve("data").toString(), "WFX_KEY_DIR", home.resolve("keys").toString(),
                    "WFX_DATABASE_URL", server.url(), "WFX_DATABASE_USER", server.application().user(),
                    "WFX_DATABASE_PASSWORD", server.application().password(),
                    "WFX_DATABASE_BENCHMARK_USER", server.benchmark().user(), "WFX_DATABASE_BENCHMARK_PASSWORD", server.benchmark().password()));
            ConfigurationProblem empty = assertThrows(ConfigurationProblem.class, () -> DatabaseBootstrap.prepare(settings(serving)));
            assertTrue(empty.getMessage().contains("migration(s) this version needs: 1 create region and authority"),
                    "a new database: " + empty.getMessage());

            // an installation of an earlier release: the schema as of version 10
            Flyway.configure().dataSource(server.url(), server.owner().user(), server.owner().password())
                    .locations("classpath:db/migration").placeholders(Map.of("appRole", server.application().user(),
                            "benchmarkRole", server.benchmark().user()))
                    .target("10").load().migrate();

            ConfigurationProblem refused = assertThrows(ConfigurationProblem.class,
                    () -> DatabaseBootstrap.prepare(settings(serving)));
            assertTrue(refused.getMessage().contains("is not the one this version of the service needs")
                            && refused.getMessage().contains("platform.jar migrate"),
                    refused.getMessage());

            ConfigurationProblem noOwner = assertThrows(ConfigurationProblem.class,
                    () -> MigrateCommand.run(List.of(), settings(serving), System.out, System.err));
            assertTrue(noOwner.getMessage().contains("set WFX_DATABASE_OWNER_USER"), noOwner.getMessage());

            Map<String, String> migrating = new HashMap<>(serving);
            migrating.put("WFX_DATABASE_OWNER_USER", server.owner().user());
            migrating.put("WFX_DATABASE_OWNER_PASSWORD", server.owner().password());
            int pending = Flyway.configure().dataSource(server.url(), server.owner().user(), server.owner().password())
                    .locations("classpath:db/migration").placeholders(Map.of("appRole", server.application().user(),
                            "benchmarkRole", server.benchmark().user()))
                    .load().info().pending().length;
            assertTrue(pending >= 2, "this release has migrations beyond version 10");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, MigrateCommand.run(List.of(), settings(migrating), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            String report = out.toString(StandardCharsets.UTF_8);
            assertTrue(report.contains(pending + " migration(s) applied") && report.contains("DfE baseline: " + exchange.workforce.published.Publications.BUNDLED.size() + " bundled file(s) loaded"), report);

            DatabaseBootstrap.Prepared replica = DatabaseBootstrap.prepare(settings(serving));
            assertFalse(replica.ownerAvailable(), "the serving replica has no owner credentials");

            Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
            properties.putAll(replica.connection().applicationDatasourceProperties());
            try (EmbeddedServer service = ApplicationContext.run(EmbeddedServer.class, properties);
                 HttpClient client = HttpClient.create(service.getURL())) {
                Api api = new Api(client.toBlocking(), service.getApplicationContext().getBean(JsonMapper.class));
                String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_VIEWER);
                Api.Answer figures = api.get("/api/v1/published-statistics?area=E10000016&measure=turnover_rate_fte", kent);
                assertEquals(200, figures.status(), figures.body());
                assertTrue(figures.body().contains("2023"), "DfE's baseline is there in production too: " + figures.body());
            }

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertEquals(0, MigrateCommand.run(List.of(), settings(migrating), new PrintStream(again, true, StandardCharsets.UTF_8), System.err));
            assertTrue(again.toString(StandardCharsets.UTF_8).contains("0 migration(s) applied")
                    && again.toString(StandardCharsets.UTF_8).contains("already imported"), "running it again changes nothing");

            // a deployment from before the platform knew ONS's population: the next migration brings that publication alone
            try (java.sql.Connection owner = java.sql.DriverManager.getConnection(server.url(), server.owner().user(), server.owner().password());
                 java.sql.Statement statement = owner.createStatement()) {
                statement.execute("delete from published_statistic where publication = 'ons_population'");
                statement.execute("delete from published_import where publication = 'ons_population'");
            }
            ByteArrayOutputStream later = new ByteArrayOutputStream();
            assertEquals(0, MigrateCommand.run(List.of(), settings(migrating), new PrintStream(later, true, StandardCharsets.UTF_8), System.err));
            assertTrue(later.toString(StandardCharsets.UTF_8).contains("DfE baseline: 1 bundled file(s) loaded"), later.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theMigrationStepAloneCreatesTheSchemaOfANewDatabase() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("new/postgres"))) {
            DatabaseConnection server = database.connection();
            Map<String, String> migrating = new HashMap<>(Map.of(
                    "WFX_DATA_DIR", home.resolve("data").toString(), "WFX_KEY_DIR", home.resolve("keys").toString(),
                    "WFX_DATABASE_URL", server.url(), "WFX_DATABASE_USER", server.application().user(),
                    "WFX_DATABASE_PASSWORD", server.application().password(),
                    "WFX_DATABASE_BENCHMARK_USER", server.benchmark().user(), "WFX_DATABASE_BENCHMARK_PASSWORD", server.benchmark().password(),
                    "WFX_DATABASE_OWNER_USER", server.owner().user(), "WFX_DATABASE_OWNER_PASSWORD", server.owner().password()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, MigrateCommand.run(List.of("--no-baseline"), settings(migrating),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            assertTrue(out.toString(StandardCharsets.UTF_8).matches("(?s)Schema: [1-9][0-9]* migration\\(s\\) applied.*"), out.toString(StandardCharsets.UTF_8));
            migrating.remove("WFX_DATABASE_OWNER_USER");
            migrating.remove("WFX_DATABASE_OWNER_PASSWORD");
            assertFalse(DatabaseBootstrap.prepare(settings(migrating)).ownerAvailable(), "an application-role replica starts on it");
        }
    }

    @Test
    void productionRefusesAJwksAddressOverPlainHttp() {
        Settings settings = settings(Map.of("WFX_MODE", "production", "WFX_OIDC_ISSUER", "https://login.example/t/v2.0",
                "WFX_OIDC_AUDIENCE", "workforce-exchange", "WFX_OIDC_JWKS_URL", "http://login.example/keys",
                "WFX_DATABASE_URL", "jdbc:postgresql://db/workforce_exchange", "WFX_PSEUDONYM_KEY_FILE", "/run/secrets/keys"));
        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class, settings::requireComplete);
        assertTrue(refused.getMessage().contains("must be an https:// address"), refused.getMessage());
    }

    private static Settings settings(Map<String, String> environment) {
        return Settings.from(name -> Optional.ofNullable(environment.get(name)));
    }
}
