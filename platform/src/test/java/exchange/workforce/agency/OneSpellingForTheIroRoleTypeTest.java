package exchange.workforce.agency;

import exchange.workforce.database.DatabaseConnection;
import exchange.workforce.database.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DfE's fifth role type has one code everywhere, IRO_CP_CHAIR, as the census, the measure catalogue and the reference
 * template write it: caps, leavers and assignments stored under the agency tables' earlier IRO_OR_CP_CHAIR are carried
 * over by V31, and a file or body that still says IRO_OR_CP_CHAIR is read as the same role.
 */
class OneSpellingForTheIroRoleTypeTest {

    @TempDir
    Path home;

    @Test
    void aCapStoredUnderTheEarlierSpellingIsCarriedOverAndTheEarlierSpellingIsStillRead() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("postgres"))) {
            DatabaseConnection server = database.connection();
            migrate(server, "30");
            try (Connection owner = owner(server); Statement statement = owner.createStatement()) {
                statement.execute("insert into region (code, name) values ('E12000008', 'South East') on conflict do nothing"); // seeded by a migration
                statement.execute("insert into agency_price_cap (id, region_code, role_type, hourly_cap, effective_from, source, set_by) "
                        + "values (gen_random_uuid(), 'E12000008', 'IRO_OR_CP_CHAIR', 48.50, date '2026-04-01', 'regional agreement', 'se-admin')");
            }
            migrate(server, null);
            try (Connection owner = owner(server); Statement statement = owner.createStatement();
                 ResultSet cap = statement.executeQuery("select role_type from agency_price_cap")) {
                assertTrue(cap.next());
                assertEquals("IRO_CP_CHAIR", cap.getString(1));
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(
                        "insert into agency_price_cap (id, region_code, role_type, hourly_cap, effective_from, source, set_by) values "
                                + "(gen_random_uuid(), 'E12000008', 'IRO_OR_CP_CHAIR', 50, date '2026-10-01', 'regional agreement', 'se-admin')"));
                assertEquals("23514", refused.getSQLState(), "the earlier spelling is no longer stored");
            }
        }
        assertSame(RoleType.IRO_CP_CHAIR, RoleType.named("IRO_OR_CP_CHAIR"), "a file made from the earlier template still reads");
        assertSame(RoleType.IRO_CP_CHAIR, RoleType.named(" iro_cp_chair "));
        assertEquals("IRO_CP_CHAIR", RoleType.IRO_CP_CHAIR.catalogueRole(), "the catalogue's role dimension says the same");
    }

    private static void migrate(DatabaseConnection server, String target) {
        var configuration = Flyway.configure().dataSource(server.url(), server.owner().user(), server.owner().password())
                .locations("classpath:db/migration").placeholders(Map.of("appRole", server.application().user(),
                        "benchmarkRole", server.benchmark().user()));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static Connection owner(DatabaseConnection server) throws SQLException {
        return DriverManager.getConnection(server.url(), server.owner().user(), server.owner().password());
    }
}
