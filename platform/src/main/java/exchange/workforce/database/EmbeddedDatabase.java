package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (the zonky binaries) run by the service itself when no database URL is
 * configured. Its data directory survives restarts; the roles and the database are created once.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "workforce_exchange";
    public static final String OWNER_ROLE = "wfx_owner";
    public static final String APPLICATION_ROLE = "wfx_app";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path directory) {
        try {
            Files.createDirectories(directory.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port(directory))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createRolesAndDatabase();
            return database;
        } catch (IOException | SQLException | IllegalStateException e) {
            throw new ConfigurationProblem("Could not start the embedded PostgreSQL in " + directory
                    + ": " + e.getMessage() + ". Is another instance of the service using the same data directory?"
                    + " Set WFX_DATA_DIR to another directory, or WFX_DATABASE_URL to use a PostgreSQL server.", e);
        }
    }

    /**
     * The port is chosen on the first start and kept beside the data (postgres.port), so that commands run
     * while the service is up (import, token) can find its database.
     */
    private static int port(Path directory) throws IOException {
        Path file = portFile(directory);
        if (Files.exists(file)) {
            return Integer.parseInt(Files.readString(file).trim());
        }
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(file, Integer.toString(port));
        return port;
    }

    public static Path portFile(Path directory) {
        return directory.resolveSibling("postgres.port");
    }

    /** How to reach the embedded database in {@code directory} when another process (the service) runs it. */
    public static java.util.Optional<DatabaseConnection> running(Path directory) {
        Path file = portFile(directory);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try {
            DatabaseConnection connection = connection(Integer.parseInt(Files.readString(file).trim()));
            try (Connection probe = java.sql.DriverManager.getConnection(connection.url(), OWNER_ROLE, "")) {
                return java.util.Optional.of(connection);
            }
        } catch (IOException | SQLException | NumberFormatException notRunning) {
            return java.util.Optional.empty();
        }
    }

    public DatabaseConnection connection() {
        return connection(postgres.getPort());
    }

    private static DatabaseConnection connection(int port) {
        String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        return new DatabaseConnection(url,
                new DatabaseConnection.Credentials(OWNER_ROLE, ""),
                new DatabaseConnection.Credentials(APPLICATION_ROLE, ""));
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            createRoleIfMissing(statement, OWNER_ROLE);
            createRoleIfMissing(statement, APPLICATION_ROLE);
            try (var rows = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rows.next()) {
                    statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
        }
    }

    private static void createRoleIfMissing(Statement statement, String role) throws SQLException {
        try (var rows = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            if (!rows.next()) {
                statement.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole nobypassrls");
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
