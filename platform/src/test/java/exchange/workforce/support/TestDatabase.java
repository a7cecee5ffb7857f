package exchange.workforce.support;

import exchange.workforce.database.DatabaseConnection;
import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.database.Migrations;
import exchange.workforce.published.PublishedStatisticsImporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one PostgreSQL of a test run: a server named by WFX_TEST_DATABASE_URL if set, else a Testcontainers
 * PostgreSQL where a Docker engine runs, else the embedded server. Migrated once; {@link #clean()} empties
 * what tests write between tests (never the audit trail, which nothing may delete).
 */
public final class TestDatabase {

    private static TestDatabase shared;
    /** The embedded server's data directory, when the tests run on the embedded server (not a URL or a container). */
    private static volatile Path embeddedDirectory;

    private final DatabaseConnection connection;

    private TestDatabase(DatabaseConnection connection) {
        this.connection = connection;
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = new TestDatabase(start());
            Migrations.apply(shared.connection);
        }
        return shared;
    }

    /** The embedded server's data directory (its WAL is under pg_wal), if the tests run on the embedded server. */
    public static java.util.Optional<Path> embeddedDataDirectory() {
        return java.util.Optional.ofNullable(embeddedDirectory);
    }

    public DatabaseConnection connection() {
        return connection;
    }

    public Connection asApplication() throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.application().user(), connection.application().password());
    }

    public Connection asBenchmarkReader() throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.benchmark().user(), connection.benchmark().password());
    }

    public Connection asOwner() throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.owner().user(), connection.owner().password());
    }

    /** The file of DfE's children's social work workforce indicators, 2017 to 2023, bundled with the adapters. */
    public static final String WORKFORCE_INDICATORS = "csww_indicators_2017_to_2023.csv";

    /** DfE's workforce indicators as bundled, imported as the service imports them (again is a no-op: nothing changed). */
    public void importWorkforceIndicators() {
        try (InputStream in = TestDatabase.class.getResourceAsStream("/dfe/" + WORKFORCE_INDICATORS);
             Connection owner = asOwner()) {
            if (in == null) {
                throw new IllegalStateException("/dfe/" + WORKFORCE_INDICATORS + " is not on the classpath: the adapters bundle it");
            }
            PublishedStatisticsImporter.importFile(owner, WORKFORCE_INDICATORS, in.readAllBytes());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not import DfE's workforce indicators for the tests", e);
        }
    }

    /**
     * Removes what tests wrote; the reference data and the seeded memoranda stay as shipped. The change counters
     * (data_change) are never emptied: they only go up, so a service kept between tests sees every clean as a change.
     */
    public void clean() {
        try (Connection owner = asOwner(); Statement statement = owner.createStatement()) {
            statement.execute("truncate authority_contact, holder_lookup, external_reference, engagement, reference_request, reference, placement_review, published_statistic, published_revision, published_import, return_value, workforce_return, submission_window, custom_group, released_return, period_release, memorandum_target, forecast_scenario, agency_leaver, agency_price_cap, agency_assignment, agency_upload, reminder, reminder_schedule, exit_theme_list, team_figures_sharing, return_draft");
            statement.execute("delete from memorandum_terms where recorded_by <> 'seed'");
            statement.execute("delete from memorandum_membership where not (phase = 'phase 1' and effective_from = date '2024-10-01')");
            statement.execute("update memorandum_membership set effective_to = null where effective_to is not null");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean the test database", e);
        }
    }

    private static DatabaseConnection start() {
        String url = System.getenv("WFX_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new DatabaseConnection(url,
                    new DatabaseConnection.Credentials(env("WFX_TEST_DATABASE_OWNER_USER"), env("WFX_TEST_DATABASE_OWNER_PASSWORD")),
                    new DatabaseConnection.Credentials(env("WFX_TEST_DATABASE_USER"), env("WFX_TEST_DATABASE_PASSWORD")),
                    new DatabaseConnection.Credentials(env("WFX_TEST_DATABASE_BENCHMARK_USER"), env("WFX_TEST_DATABASE_BENCHMARK_PASSWORD")));
        }
        if (DockerPostgres.available()) {
            return DockerPostgres.start();
        }
        org.slf4j.LoggerFactory.getLogger(TestDatabase.class).info(
                "No WFX_TEST_DATABASE_URL and no Docker engine: the tests use the platform's embedded PostgreSQL.");
        try {
            // The platform's own embedded server, as the service runs it: it stops with this JVM however the JVM ends.
            Path directory = Files.createTempDirectory("wfx-test-postgres");
            embeddedDirectory = directory.resolve("postgres");
            EmbeddedDatabase embedded = EmbeddedDatabase.start(directory.resolve("postgres"));
            // stopped, then its 1 GB of files deleted: a day of test runs must not fill the disk with dead clusters
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteTree(directory);
            }, "test-postgres-shutdown"));
            return embedded.connection();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL for the tests", e);
        }
    }

    /** A directory and everything in it, as far as it can be deleted (a test's temporary files; nothing else). */
    public static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }

    /** As a superuser of a fresh server: the owner and application roles, and the database, as production has them. */
    static DatabaseConnection createRolesAndDatabase(String serverUrl, String superuser, String password) {
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", superuser, password);
             Statement statement = admin.createStatement()) {
            statement.execute("create role " + EmbeddedDatabase.OWNER_ROLE + " login password 'owner-test'");
            statement.execute("create role " + EmbeddedDatabase.APPLICATION_ROLE + " login password 'app-test'");
            statement.execute("create role " + EmbeddedDatabase.BENCHMARK_ROLE + " login password 'benchmark-test'");
            statement.execute("create database " + EmbeddedDatabase.DATABASE + " owner " + EmbeddedDatabase.OWNER_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test database", e);
        }
        return new DatabaseConnection(serverUrl + EmbeddedDatabase.DATABASE,
                new DatabaseConnection.Credentials(EmbeddedDatabase.OWNER_ROLE, "owner-test"),
                new DatabaseConnection.Credentials(EmbeddedDatabase.APPLICATION_ROLE, "app-test"),
                new DatabaseConnection.Credentials(EmbeddedDatabase.BENCHMARK_ROLE, "benchmark-test"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException("WFX_TEST_DATABASE_URL is set, so " + name + " must be too");
        }
        return value;
    }
}
