package exchange.workforce.operations;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.Fixtures;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL sent as data stays data: text that would end a statement and drop or delete a table is stored and read back
 * exactly, in a query parameter it is refused or matched as text, and afterwards every table is still there with
 * the rows it had (plus the one row stored on purpose).
 */
@MicronautTest(transactional = false)
class SqlInjectionTest extends PlatformTest {

    static final String DROP = "Robert'); drop table authority_contact; --";
    static final String DELETE = "x' or '1'='1'; delete from published_statistic; --";

    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER);
    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);

    @Test
    void sqlInBodiesIsStoredAndReadBackAsTextAndSqlInParametersChangesNothing() throws SQLException {
        Map<String, Long> before = rowCounts();

        Map<String, Object> contact = new HashMap<>(Fixtures.newContact("jo@kent.gov.uk"));
        contact.put("name", DROP);
        Api.Answer stored = api.post("/api/v1/contacts", kent, contact);
        assertEquals(201, stored.status(), stored.body());
        assertEquals(DROP, api.get("/api/v1/contacts/" + stored.get("id"), kent).get("name"), "the text came back as it was sent");

        Api.Answer group = api.post("/api/v1/region/groups", seAdmin, Map.of("name", DELETE, "authorityCodes",
                List.of("E10000016", "E10000030")));
        assertEquals(201, group.status(), group.body());
        assertEquals(DELETE, group.get("name"));

        for (String parameter : List.of("measures", "group", "period", "breakdown")) {
            Api.Answer answer = api.get("/api/v1/benchmarks?group=region:E12000008&period=2023&measures=inpost_fte&"
                    + parameter + "=" + URLEncoder.encode(DELETE, StandardCharsets.UTF_8), kent);
            assertTrue(answer.status() < 500, parameter + ": " + answer.body());
        }
        assertTrue(api.get("/api/v1/published-statistics?area=" + URLEncoder.encode(DELETE, StandardCharsets.UTF_8)
                + "&measure=turnover_rate_fte", kent).status() < 500);

        Map<String, Long> after = rowCounts();
        Map<String, Long> expected = new HashMap<>(before);
        expected.merge("authority_contact", 1L, Long::sum);
        expected.merge("custom_group", 1L, Long::sum);
        assertEquals(expected, after, "every table is still there, with the rows it had and the two stored on purpose");
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public' and tablename <> 'audit_event'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
