package exchange.workforce.tenancy;

import exchange.workforce.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Isolation does not rest on the application's WHERE clauses alone: connected as the application role,
 * straight to PostgreSQL, one authority's setting never reaches another's rows.
 */
class RowLevelSecurityTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";

    private final TestDatabase database = TestDatabase.shared();
    private UUID kentContact;

    @BeforeEach
    void kentHasAContact() throws SQLException {
        database.clean();
        kentContact = UUID.randomUUID();
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            actAs(app, KENT, "");
            try (PreparedStatement insert = app.prepareStatement("insert into authority_contact (id, authority_code, name, email, "
                    + "responsibility, created_by) values (?, ?, 'Jo', 'jo@kent.gov.uk', 'REFERENCES', 'test')")) {
                insert.setObject(1, kentContact);
                insert.setString(2, KENT);
                insert.executeUpdate();
            }
            app.commit();
        }
    }

    @Test
    void anotherAuthoritysSettingSeesNoneOfItsRowsEvenWithoutAWhereClause() throws SQLException {
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            actAs(app, SURREY, "");
            assertEquals(0, count(app, "select count(*) from authority_contact"));
        }
    }

    @Test
    void theRetentionPurgeCannotBeAimedAtAFutureDate() throws SQLException {
        try (Connection app = database.asApplication(); Statement statement = app.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> statement.executeQuery("select * from purge_expired_references(date '2999-01-01')"));
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
        }
    }

    @Test
    void whoHoldsReferencesAnswersNothingWithoutATenantAndNothingAcrossMemoranda() throws SQLException {
        try (Connection owner = database.asOwner(); Statement statement = owner.createStatement()) {
            statement.executeUpdate("insert into placement_review (id, engaging_authority, worker_pseudonym, key_version, "
                    + "template_version, content, recorded_by) values (gen_random_uuid(), '" + KENT + "', 'pseudonym-x', 1, '1.0', '{}', 'test')");
        }
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            assertEquals(0, count(app, "select count(*) from reference_holders('pseudonym-x')"), "no tenant, no answer");
            actAs(app, "E10000012", "");
            assertEquals(0, count(app, "select count(*) from reference_holders('pseudonym-x')"), "Essex: another memorandum");
            app.rollback();
            actAs(app, SURREY, "");
            assertEquals(1, count(app, "select count(*) from reference_holders('pseudonym-x')"), "Surrey shares Kent's memorandum");
            app.rollback();
        }
    }

    @Test
    void withNoAuthoritySetTheApplicationRoleSeesNothing() throws SQLException {
        try (Connection app = database.asApplication()) {
            assertEquals(0, count(app, "select count(*) from authority_contact"));
        }
    }

    @Test
    void anotherAuthorityCannotUpdateOrDeleteItsRows() throws SQLException {
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            actAs(app, SURREY, "");
            try (Statement statement = app.createStatement()) {
                assertEquals(0, statement.executeUpdate("update authority_contact set email = 'x@surrey.gov.uk'"));
                assertEquals(0, statement.executeUpdate("delete from authority_contact"));
            }
            app.commit();
        }
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            actAs(app, KENT, "");
            assertEquals(1, count(app, "select count(*) from authority_contact where email = 'jo@kent.gov.uk'"));
        }
    }

    @Test
    void anotherAuthorityCannotWriteRowsInItsName() throws SQLException {
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            actAs(app, SURREY, "");
            SQLException refused = assertThrows(SQLException.class, () -> app.createStatement().executeUpdate(
                    "insert into authority_contact (authority_code, name, email, responsibility, created_by) "
                            + "values ('" + KENT + "', 'Fake', 'fake@kent.gov.uk', 'REFERENCES', 'mallory')"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
        }
    }

    @Test
    void theApplicationRoleCannotSwitchRowLevelSecurityOff() throws SQLException {
        try (Connection app = database.asApplication(); Statement statement = app.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("alter table authority_contact disable row level security"));
        }
        try (Connection app = database.asApplication(); Statement statement = app.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("set row_security = off; select * from authority_contact"));
        }
    }

    @Test
    void aRegionalSettingSeesItsMembersRowsOnlyForReading() throws SQLException {
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            actAs(app, "", "E12000008");
            assertEquals(1, count(app, "select count(*) from authority_contact"));
            try (Statement statement = app.createStatement()) {
                assertEquals(0, statement.executeUpdate("delete from authority_contact"));
            }
            actAs(app, "", "E12000007");
            assertEquals(0, count(app, "select count(*) from authority_contact"));
        }
    }

    @Test
    void oneRegionCannotRewriteAnotherRegionsMemorandum() throws SQLException {
        try (Connection app = database.asApplication()) {
            app.setAutoCommit(false);
            actAs(app, "", "E12000007");
            SQLException refused = assertThrows(SQLException.class, () -> app.createStatement().executeUpdate("""
                    insert into memorandum_terms (region_code, version, effective_from, cooling_off_months,
                        reference_standard_version, dsa_purpose, dsa_lawful_basis, dsa_data_items, retention_returns_months,
                        retention_references_months, retention_audit_months, recorded_by, change_reason)
                    values ('E12000008', 99, current_date, 0, '1.0', 'p', 'b', array['x'], 1, 1, 1, 'mallory', 'r')"""));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
        }
    }

    private static void actAs(Connection connection, String authority, String region) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('wfx.authority', ?, true), set_config('wfx.region', ?, true)")) {
            statement.setString(1, authority);
            statement.setString(2, region);
            statement.execute();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
