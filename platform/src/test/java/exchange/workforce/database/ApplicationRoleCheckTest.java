package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up refuses an application role that could escape row-level security, directly or through a role it belongs to. */
class ApplicationRoleCheckTest {

    @TempDir
    Path data;

    @Test
    void anApplicationRoleThatIsAMemberOfTheOwnerOrOfASuperuserIsRefusedWithTheSqlThatFixesIt() throws Exception {
        Path cluster = data.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster)) {
            DatabaseConnection connection = database.connection();
            Migrations.apply(connection);
            ApplicationRoleCheck.verify(connection);
            LocalDatabaseCredentials credentials = LocalDatabaseCredentials.read(cluster).orElseThrow();
            try (Connection superuser = DriverManager.getConnection(connection.url(), "postgres", credentials.superuser());
                 Statement statement = superuser.createStatement()) {
                statement.execute("create role wfx_app_member login password 'member-test'");
                statement.execute("grant wfx_owner to wfx_app_member");
                statement.execute("create role wfx_app_admin login password 'admin-test'");
                statement.execute("create role wfx_admins superuser");
                statement.execute("grant wfx_admins to wfx_app_admin");
                statement.execute("grant connect on database workforce_exchange to wfx_app_member, wfx_app_admin");
            }
            ConfigurationProblem owner = assertThrows(ConfigurationProblem.class, () -> ApplicationRoleCheck.verify(
                    new DatabaseConnection(connection.url(), connection.owner(), new DatabaseConnection.Credentials("wfx_app_member", "member-test"), connection.benchmark())));
            assertTrue(owner.getMessage().contains("member of 'wfx_owner'") && owner.getMessage().contains("REVOKE wfx_owner FROM wfx_app_member;"),
                    owner.getMessage());
            ConfigurationProblem admin = assertThrows(ConfigurationProblem.class, () -> ApplicationRoleCheck.verify(
                    new DatabaseConnection(connection.url(), connection.owner(), new DatabaseConnection.Credentials("wfx_app_admin", "admin-test"), connection.benchmark())));
            assertTrue(admin.getMessage().contains("a superuser") && admin.getMessage().contains("REVOKE wfx_admins FROM wfx_app_admin;"),
                    admin.getMessage());
        }
    }
}
