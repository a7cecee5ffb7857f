package exchange.workforce.audit;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuditTrailTest extends PlatformTest {


    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(String token) {
        Api.Answer page = api.get("/api/v1/audit?limit=1000", token);
        assertEquals(200, page.status(), page.body());
        return (List<Map<String, Object>>) page.get("events");
    }

    @Test
    void anAdministrativeChangeIsRecordedWithWhoWhatAndTheRequestId() {
        String requestId = "test-" + UUID.randomUUID();
        Api.Answer created = api.send(HttpRequest.POST("/api/v1/contacts",
                        Map.of("name", "Jo", "email", "jo@kent.gov.uk", "responsibility", "REFERENCES"))
                .bearerAuth(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER))
                .header("X-Request-Id", requestId));
        assertEquals(201, created.status());

        Map<String, Object> event = events(seAdmin).stream()
                .filter(e -> requestId.equals(e.get("requestId"))).findFirst().orElseThrow();
        assertEquals("kent-lead", event.get("actor"));
        assertEquals("E10000016", event.get("authorityCode"));
        assertEquals("CONTACT_ADDED", event.get("action"));
        assertEquals(created.get("id"), event.get("targetId"));
        assertEquals(Map.of("responsibility", "REFERENCES"), event.get("detail"));
    }

    @Test
    void anotherRegionsAdministratorDoesNotSeeTheEvent() {
        String requestId = "test-" + UUID.randomUUID();
        api.send(HttpRequest.POST("/api/v1/contacts", Map.of("name", "Jo", "email", "jo@kent.gov.uk", "responsibility", "REFERENCES"))
                .bearerAuth(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER))
                .header("X-Request-Id", requestId));
        String londonAdmin = Tokens.regionalUser("ldn-admin", "E12000007", Role.REGION_ADMIN);
        assertFalse(events(londonAdmin).stream().anyMatch(e -> requestId.equals(e.get("requestId"))));
        assertTrue(events(seAdmin).stream().anyMatch(e -> requestId.equals(e.get("requestId"))));
    }

    @Test
    void onlyRegionAdministratorsReadTheTrail() {
        assertEquals(403, api.get("/api/v1/audit", Tokens.regionalUser("v", "E12000008", Role.REGIONAL_VIEWER)).status());
        assertEquals(403, api.get("/api/v1/audit", Tokens.authorityUser("s", "E10000016", Role.AUTHORITY_SUBMITTER)).status());
    }

    @Test
    void readingTheTrailIsItselfAudited() {
        events(seAdmin);
        assertEquals("AUDIT_TRAIL_READ", events(seAdmin).get(0).get("action"));
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorDeleteNorTruncateTheTrail() throws SQLException {
        events(seAdmin); // at least one event exists
        for (String tampering : List.of("update audit_event set actor = 'nobody'", "delete from audit_event",
                "truncate audit_event")) {
            try (Connection app = TestDatabase.shared().asApplication(); Statement statement = app.createStatement()) {
                statement.execute("select set_config('wfx.region', 'E12000008', false)");
                assertThrows(SQLException.class, () -> statement.execute(tampering), tampering);
            }
        }
    }

    @Test
    void evenTheOwnerCannotRewriteTheTrail() throws SQLException {
        events(seAdmin);
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute("delete from audit_event"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }
}
