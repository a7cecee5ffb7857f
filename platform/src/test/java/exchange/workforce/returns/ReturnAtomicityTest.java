package exchange.workforce.returns;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A return is stored whole or not at all, and one authority's returns are out of another's reach in PostgreSQL itself. */
@MicronautTest(transactional = false)
class ReturnAtomicityTest extends PlatformTest {

    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);

    @Test
    void aFailureHalfwayThroughStoringStoresNothing() throws SQLException {
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
            statement.execute("""
                    create function fail_on_cases() returns trigger language plpgsql as $$
                    begin if new.measure = 'cases' then raise exception 'injected failure'; end if; return new; end $$""");
            statement.execute("create trigger fail_on_cases before insert on return_value for each row execute function fail_on_cases()");
        }
        try {
            Api.Answer answer = api.post("/api/v1/returns", kent, censusReturn("2024", kentFigures()));
            assertEquals(500, answer.status(), "an injected fault of ours, not bad input");
            assertEquals(0, count("select count(*) from workforce_return"));
            assertEquals(0, count("select count(*) from return_value"));
        } finally {
            try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
                statement.execute("drop trigger fail_on_cases on return_value");
                statement.execute("drop function fail_on_cases()");
            }
        }
        assertEquals(201, api.post("/api/v1/returns", kent, censusReturn("2024", kentFigures())).status());
    }

    @Test
    void anotherAuthorityCannotReadOrWriteTheReturnInPostgreSql() throws SQLException {
        assertEquals(201, api.post("/api/v1/returns", kent, censusReturn("2024", kentFigures())).status());
        try (Connection app = TestDatabase.shared().asApplication()) {
            app.setAutoCommit(false);
            set(app, "E10000030", "");
            assertEquals(0, count(app, "select count(*) from workforce_return"));
            assertEquals(0, count(app, "select count(*) from return_value"));
            assertThrows(SQLException.class, () -> app.createStatement().executeUpdate("""
                    insert into workforce_return (id, authority_code, period_type, period, version, source, submitted_by)
                    values (gen_random_uuid(), 'E10000016', 'CENSUS_YEAR', '2023', 1, 'API', 'mallory')"""));
        }
        try (Connection app = TestDatabase.shared().asApplication()) {
            app.setAutoCommit(false);
            set(app, "", "E12000008");
            assertEquals(1, count(app, "select count(*) from workforce_return"), "the region sees that Kent submitted");
            assertEquals(0, count(app, "select count(*) from return_value"), "but not its figures");
        }
    }

    private static void set(Connection connection, String authority, String region) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('wfx.authority', ?, true), set_config('wfx.region', ?, true)")) {
            statement.setString(1, authority);
            statement.setString(2, region);
            statement.execute();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection owner = TestDatabase.shared().asOwner()) {
            return count(owner, sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
