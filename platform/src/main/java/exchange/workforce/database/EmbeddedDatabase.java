package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (the zonky binaries) run by the service itself when no database URL is
 * configured. What it promises:
 * <ul>
 *   <li><b>Durable:</b> fsync, synchronous commit and full page writes on, so a return the service has
 *   answered 2xx is on disk before the answer leaves, and survives a crash of the server or the machine.</li>
 *   <li><b>Supervised:</b> if the server dies (say {@code kill -9}), it is started again at once and
 *   replays its write-ahead log; the service's connection pool reconnects by itself.</li>
 *   <li><b>Owned:</b> the server is a child of the service and stops when the service ends, however it
 *   ends (see {@link PostgresProcess}); a server left running by an earlier crash is found by its
 *   postmaster.pid and stopped cleanly, with a message, before a new one starts.</li>
 *   <li><b>Closed:</b> it listens on the loopback interface only and every role needs a password
 *   ({@link LocalDatabaseCredentials}); one data directory serves one service at a time.</li>
 * </ul>
 * The data directory survives restarts; roles and the database are created once.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "workforce_exchange";
    public static final String OWNER_ROLE = "wfx_owner";
    public static final String APPLICATION_ROLE = "wfx_app";
    public static final String BENCHMARK_ROLE = "wfx_benchmark";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(60);

    /** The server's settings that differ from PostgreSQL's defaults, or that must never be changed. */
    static final Map<String, String> SERVER_SETTINGS = serverSettings();

    private final Path cluster;
    private final Path binaries;
    private final int port;
    private final LocalDatabaseCredentials credentials;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile PostgresProcess server;
    private volatile boolean closing;
    private volatile int restarts;

    private EmbeddedDatabase(Path cluster, Path binaries, int port, LocalDatabaseCredentials credentials,
                             FileChannel lockChannel, FileLock lock) {
        this.cluster = cluster;
        this.binaries = binaries;
        this.port = port;
        this.credentials = credentials;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    private static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "localhost");
        settings.put("unix_socket_directories", "");
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("timezone", "UTC");
        return Map.copyOf(settings);
    }

    /** Starts the server of the cluster in {@code directory} (creating it on first use) and keeps it running. */
    public static EmbeddedDatabase start(Path directory) {
        Path cluster = directory.toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(cluster.getParent());
            lockChannel = FileChannel.open(cluster.resolveSibling("postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                throw new ConfigurationProblem("Another Workforce Exchange (a running service, or an import that started "
                        + "its own database) is using the data directory " + cluster.getParent() + ". Stop it first, set "
                        + "WFX_DATA_DIR to another directory, or set WFX_DATABASE_URL to use a PostgreSQL server.");
            }
            boolean existing = Files.exists(cluster.resolve("PG_VERSION"));
            LocalDatabaseCredentials credentials = LocalDatabaseCredentials.readOrCreate(cluster);
            Path binaries = PostgresBinaries.installed();
            stopOrphan(cluster, binaries);
            if (!existing) {
                initdb(binaries, cluster, credentials);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(cluster, binaries, port(cluster), credentials, lockChannel, lock);
            database.launch();
            database.secure();
            return database;
        } catch (IOException | SQLException e) {
            closeQuietly(lockChannel);
            throw new ConfigurationProblem("Could not start the embedded PostgreSQL in " + cluster + ": " + e.getMessage()
                    + ". Its log is " + log(cluster) + ". Set WFX_DATA_DIR to another directory, or WFX_DATABASE_URL to "
                    + "use a PostgreSQL server.", e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** How to reach the embedded database in {@code directory} when another process (the service) runs it. */
    public static Optional<DatabaseConnection> running(Path directory) {
        Path cluster = directory.toAbsolutePath().normalize();
        Path file = portFile(cluster);
        Optional<LocalDatabaseCredentials> credentials = LocalDatabaseCredentials.read(cluster);
        if (!Files.exists(file) || credentials.isEmpty()) {
            return Optional.empty();
        }
        try {
            DatabaseConnection connection = connection(Integer.parseInt(Files.readString(file).trim()), credentials.get());
            try (Connection probe = DriverManager.getConnection(connection.url(), OWNER_ROLE, credentials.get().owner())) {
                return Optional.of(connection);
            }
        } catch (IOException | SQLException | NumberFormatException notRunning) {
            return Optional.empty();
        }
    }

    public static Path portFile(Path cluster) {
        return cluster.resolveSibling("postgres.port");
    }

    public DatabaseConnection connection() {
        return connection(port, credentials);
    }

    /** How many times the server has been started again after it died. */
    public int restarts() {
        return restarts;
    }

    /** The postmaster's process id, for operators and for the tests that kill it. */
    public Optional<Long> postmasterPid() {
        return PostgresProcess.postmasterPid(cluster);
    }

    private static DatabaseConnection connection(int port, LocalDatabaseCredentials credentials) {
        String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        return new DatabaseConnection(url,
                new DatabaseConnection.Credentials(OWNER_ROLE, credentials.owner()),
                new DatabaseConnection.Credentials(APPLICATION_ROLE, credentials.application()),
                new DatabaseConnection.Credentials(BENCHMARK_ROLE, credentials.benchmark()));
    }

    private static void initdb(Path binaries, Path cluster, LocalDatabaseCredentials credentials) throws IOException {
        Path passwordFile = Files.createTempFile(cluster.getParent(), "initdb", ".pw");
        try {
            LocalDatabaseCredentials.ownerOnly(passwordFile);
            Files.writeString(passwordFile, credentials.superuser() + "\n");
            List<String> command = new ArrayList<>(PostgresBinaries.command(binaries, "initdb"));
            command.addAll(List.of("-D", cluster.toString(), "-U", LocalDatabaseCredentials.SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF-8", "--locale=C"));
            run(command, log(cluster), Duration.ofMinutes(2));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /**
     * A postmaster still running on this cluster while we hold the directory's lock was left by a service
     * that ended without stopping it (only a server started by an older version can outlive its service).
     * It is stopped with a fast shutdown, which keeps every committed transaction, before a new one starts.
     */
    private static void stopOrphan(Path cluster, Path binaries) throws IOException {
        Optional<ProcessHandle> orphan = PostgresProcess.postmasterPid(cluster)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn("PostgreSQL (process {}) is still running on {}, left by a Workforce Exchange that did not stop "
                + "cleanly. Stopping it with a fast shutdown (committed work is kept) before starting afresh.",
                orphan.get().pid(), cluster);
        List<String> command = new ArrayList<>(PostgresBinaries.command(binaries, "pg_ctl"));
        command.addAll(List.of("stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "60"));
        try {
            run(command, log(cluster), Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new ConfigurationProblem("PostgreSQL (process " + orphan.get().pid() + ") on " + cluster
                    + " did not stop (" + e.getMessage() + "). Stop it by hand (pg_ctl stop -D " + cluster
                    + "), then start the service again.", e);
        }
    }

    private void launch() throws IOException, SQLException {
        PostgresProcess started = PostgresProcess.start(binaries, cluster, port, SERVER_SETTINGS, log(cluster));
        try {
            awaitReady(started);
        } catch (SQLException | RuntimeException e) {
            started.stop(10);
            throw e;
        }
        server = started;
        started.onExit().thenRun(() -> {
            if (!closing && server == started) {
                LOG.error("The embedded PostgreSQL stopped unexpectedly; starting it again (it replays its "
                        + "write-ahead log, so committed work is kept). Its log is {}.", log(cluster));
                Thread restarter = new Thread(this::restart, "embedded-postgres-restart");
                restarter.setDaemon(true);
                restarter.start();
            }
        });
    }

    /** After the server died: start it again until it runs (or the service stops), backing off to 5 s. */
    private void restart() {
        long pauseMillis = 200;
        while (!closing) {
            try {
                launch();
                restarts++;
                LOG.info("The embedded PostgreSQL is running again on port {} (restart {}).", port, restarts);
                return;
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.warn("The embedded PostgreSQL could not be started again yet ({}); trying again in {} ms.",
                        e.getMessage(), pauseMillis);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pauseMillis = Math.min(5_000, pauseMillis * 2);
        }
    }

    private void awaitReady(PostgresProcess started) throws SQLException {
        long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new SQLException("the server exited while starting; see " + log(cluster), last);
            }
            try (Connection ignored = superuser("postgres")) {
                return;
            } catch (SQLException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the server to start", e);
            }
        }
        throw new SQLException("the server did not accept connections within " + STARTUP_PATIENCE.toSeconds() + " s", last);
    }

    /**
     * Every role gets its password (a data directory made by an earlier version, with no passwords and
     * "trust" authentication, is brought up to date here), then only password authentication is allowed.
     */
    private void secure() throws SQLException, IOException {
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("alter role " + LocalDatabaseCredentials.SUPERUSER + " password '" + credentials.superuser() + "'");
            ensureRole(statement, OWNER_ROLE, credentials.owner());
            ensureRole(statement, APPLICATION_ROLE, credentials.application());
            ensureRole(statement, BENCHMARK_ROLE, credentials.benchmark());
            try (var rows = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rows.next()) {
                    statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
            Files.writeString(cluster.resolve("pg_hba.conf"), """
                    # Written by Workforce Exchange at every start: password (SCRAM) authentication only, loopback only.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
            statement.execute("select pg_reload_conf()");
        }
    }

    private static void ensureRole(Statement statement, String role, String password) throws SQLException {
        boolean exists;
        try (var rows = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            exists = rows.next();
        }
        statement.execute((exists ? "alter role " : "create role ") + role
                + " login nosuperuser nocreatedb nocreaterole nobypassrls password '" + password + "'");
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database,
                LocalDatabaseCredentials.SUPERUSER, credentials.superuser());
    }

    /**
     * The port is chosen on the first start and kept beside the data (postgres.port), so that commands run
     * while the service is up (import, token) can find its database.
     */
    private static int port(Path cluster) throws IOException {
        Path file = portFile(cluster);
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

    private static Path log(Path cluster) {
        return cluster.resolveSibling("postgres.log");
    }

    private static void run(List<String> command, Path log, Duration patience) throws IOException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + patience.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(Path.of(command.get(0)).getFileName() + " failed (exit " + process.exitValue() + "); see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        PostgresProcess current = server;
        if (current != null) {
            current.stop(60);
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        closeQuietly(lockChannel);
    }
}
