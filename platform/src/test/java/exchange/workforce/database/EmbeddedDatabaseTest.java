package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded server as an operator relies on it: durable, closed to anyone without a password, and owned. */
class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    @Test
    void theEmbeddedServerWritesEveryCommitToDiskBeforeAnsweringIt() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("postgres"));
             Connection connection = owner(database.connection());
             Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    assertEquals("on", row.getString(1), setting);
                }
            }
        }
    }

    @Test
    void noRoleOfTheEmbeddedServerCanConnectWithoutItsPasswordAndOnlyTheServiceUserCanReadThePasswords() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("postgres"))) {
            String url = database.connection().url();
            for (String role : List.of("postgres", EmbeddedDatabase.OWNER_ROLE, EmbeddedDatabase.APPLICATION_ROLE)) {
                SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, role, ""), role);
                assertTrue(refused.getMessage().contains("password"), refused.getMessage());
                assertThrows(SQLException.class, () -> DriverManager.getConnection(url, role, "wrong"), role);
            }
            Path passwords = LocalDatabaseCredentials.file(data.resolve("postgres"));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(passwords));
            try (Connection ignored = owner(database.connection())) {
                assertTrue(ignored.isValid(1));
            }
        }
    }

    @Test
    void aSecondServiceOnTheSameDataDirectoryIsRefusedWithAClearMessage() {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data.resolve("postgres"))) {
            ConfigurationProblem refused = assertThrows(ConfigurationProblem.class,
                    () -> EmbeddedDatabase.start(data.resolve("postgres")));
            assertTrue(refused.getMessage().contains("is using the data directory"), refused.getMessage());
            assertTrue(first.connection().url().startsWith("jdbc:postgresql://localhost:"));
        }
    }

    @Test
    void aServerLeftRunningByACrashedServiceIsStoppedCleanlyAndItsCommittedDataIsKept() throws Exception {
        Path cluster = data.resolve("postgres");
        DatabaseConnection connection;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster)) {
            connection = database.connection();
            try (Connection owner = owner(connection); Statement statement = owner.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('committed before the crash')");
            }
        }
        // An orphan, as an older version left behind: a postmaster on the cluster that no service owns.
        List<String> command = new ArrayList<>(PostgresBinaries.command(PostgresBinaries.installed(), "pg_ctl"));
        command.addAll(List.of("start", "-w", "-D", cluster.toString(), "-l", data.resolve("orphan.log").toString(),
                "-o", "-p " + Files.readString(EmbeddedDatabase.portFile(cluster)).trim() + " -c unix_socket_directories="));
        Process orphanStart = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(orphanStart.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, orphanStart.exitValue(), new String(orphanStart.getInputStream().readAllBytes()));
        long orphan = PostgresProcess.postmasterPid(cluster).orElseThrow();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster);
             Connection owner = owner(database.connection());
             Statement statement = owner.createStatement();
             ResultSet row = statement.executeQuery("select value from kept")) {
            assertTrue(row.next());
            assertEquals("committed before the crash", row.getString(1));
            assertFalse(database.postmasterPid().orElseThrow() == orphan, "a new server runs, not the orphan");
        }
    }

    private static Connection owner(DatabaseConnection connection) throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.owner().user(), connection.owner().password());
    }
}
