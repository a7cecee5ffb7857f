package exchange.workforce.operations;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;
import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WFX_DATABASE_READ_URL sends the heavy reads (benchmarks, dashboards, forecasts: everything that reads other councils'
 * figures through the benchmark reader) to a read-only copy of the database. Here the "copy" is the test server reached
 * under another application name, so which connections go where can be seen in pg_stat_activity.
 */
class AReadOnlyCopyTakesTheHeavyReadsTest {

    static final String COPY = "wfx-read-copy";

    @Test
    void theBenchmarkReaderConnectsToTheReadOnlyCopyAndNothingElseDoes() throws Exception {
        String url = TestDatabase.shared().connection().url();
        String copy = url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + COPY;
        Settings settings = Settings.from(name -> name.equals("WFX_DATABASE_READ_URL") ? Optional.of(copy) : Optional.empty());
        Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        properties.putAll(settings.databaseOverrides());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
            HttpResponse<String> benchmark = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL()
                            + "/api/v1/benchmarks?group=region:E12000008&period=2023&measures=turnover_rate_fte"))
                    .header("Authorization", "Bearer " + kent).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, benchmark.statusCode(), benchmark.body());

            Map<String, String> roleOf = connectionsByApplication();
            assertEquals(TestDatabase.shared().connection().benchmark().user(), roleOf.get(COPY),
                    "the benchmark reader's pool is on the copy: " + roleOf);
            assertTrue(roleOf.entrySet().stream().filter(e -> e.getValue().equals(TestDatabase.shared().connection().application().user()))
                    .noneMatch(e -> e.getKey().equals(COPY)), "the application's own pool stays on the primary: " + roleOf);
        }
    }

    @Test
    void aReadUrlThatIsNotPostgresqlIsRefusedAtStart() {
        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class,
                () -> Settings.from(name -> name.equals("WFX_DATABASE_READ_URL") ? Optional.of("postgres://replica/db") : Optional.empty()));
        assertTrue(refused.getMessage().contains("jdbc:postgresql://"), refused.getMessage());
        assertEquals(Map.of(), Settings.from(name -> Optional.empty()).databaseOverrides(), "without it, every read is on the primary");
    }

    /** Each connected application name with its role (one role per name is enough here). */
    private static Map<String, String> connectionsByApplication() throws Exception {
        Map<String, String> roles = new HashMap<>();
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("select application_name, usename from pg_stat_activity where usename is not null")) {
            while (rows.next()) {
                roles.merge(rows.getString(1), rows.getString(2), (a, b) -> a.equals(b) ? a : a + "," + b);
            }
        }
        return roles;
    }
}
