package exchange.workforce.reference;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import exchange.workforce.worker.WorkerDetails;
import exchange.workforce.worker.WorkerDetailsCipher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requester gives what the worker stated on the application (name, job title, dates) so the referee can tell whom a
 * request is about: both read it, nobody else; the database holds ciphertext only, bound to its request.
 */
@MicronautTest(transactional = false)
class WorkerDetailsOnRequestsTest extends PlatformTest {

    static final String NAME = "Alexandra Quillfeather";
    final String kent = Tokens.authorityUser("kent-hr", "E10000016", Role.REFERENCE_OFFICER);
    final String surrey = Tokens.authorityUser("surrey-hr", "E10000030", Role.REFERENCE_OFFICER);
    final String hampshire = Tokens.authorityUser("hampshire-hr", "E10000014", Role.REFERENCE_OFFICER);

    @Inject
    WorkerDetailsCipher cipher;

    private Map<String, Object> request(Map<String, Object> worker) {
        Map<?, ?> engagement = (Map<?, ?>) api.post("/api/v1/references/engagements", kent, ReferenceFixtures.engagement("SW123456")).get("engagement");
        Map<String, Object> body = new HashMap<>(ReferenceFixtures.request(engagement.get("id"), "E10000030"));
        body.put("worker", worker);
        return body;
    }

    @Test
    void theRefereeAndTheRequesterReadWhatTheWorkerStatedAndNobodyElseDoes() throws SQLException {
        Api.Answer asked = api.post("/api/v1/references/requests", kent, request(Map.of("name", " " + NAME + " ", "jobTitle", "Senior social worker",
                "employedFrom", "2019-09-02", "employedTo", "2024-03-31")));
        assertEquals(201, asked.status(), asked.body());
        String id = asked.get("id").toString();
        Api.Answer referee = api.get("/api/v1/references/requests/" + id, surrey);
        assertEquals(200, referee.status(), referee.body());
        assertEquals(Map.of("name", NAME, "jobTitle", "Senior social worker", "employedFrom", "2019-09-02", "employedTo", "2024-03-31"),
                referee.get("worker"), "trimmed, and whole");
        assertTrue(api.get("/api/v1/references/requests/" + id, kent).body().contains(NAME), "the requester reads it too");
        assertEquals(404, api.get("/api/v1/references/requests/" + id, hampshire).status(), "a third council reads nothing");
        assertTrue(api.get("/api/v1/references/requests/incoming", surrey).body().contains(NAME), "in the referee's inbox");

        try (Connection owner = TestDatabase.shared().asOwner(); Statement s = owner.createStatement()) {
            try (ResultSet rows = s.executeQuery("select count(*) from reference_request r where r::text ilike '%quillfeather%'")) {
                rows.next();
                assertEquals(0, rows.getInt(1), "the name is in no column in clear");
            }
            try (ResultSet rows = s.executeQuery("select worker_details, details_key_version from reference_request where id = '" + id + "'")) {
                rows.next();
                byte[] sealed = rows.getBytes(1);
                assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Quillfeather"));
                WorkerDetailsCipher.Sealed stored = new WorkerDetailsCipher.Sealed(sealed, rows.getInt(2));
                assertEquals(NAME, cipher.open(stored, UUID.fromString(id)).name(), "opened with its own request's id");
                assertThrows(IllegalStateException.class, () -> cipher.open(stored, UUID.randomUUID()),
                        "moved to another request's row, it does not open");
            }
        }
    }

    @Test
    void detailsAreOptionalButGivenTheyNeedANameAndDatesThatMakeSense() {
        Api.Answer none = api.post("/api/v1/references/requests", kent, request(null));
        assertEquals(201, none.status(), none.body());
        assertFalse(api.get("/api/v1/references/requests/" + none.get("id"), surrey).body().contains("\"worker\":{"), "nothing stated, nothing shown");

        Api.Answer nameless = api.post("/api/v1/references/requests", kent, request(Map.of("jobTitle", "Social worker")));
        assertEquals(422, nameless.status(), nameless.body());
        assertTrue(nameless.body().contains("worker.name"), nameless.body());
        Api.Answer backwards = api.post("/api/v1/references/requests", kent, request(Map.of("name", NAME, "employedFrom", "2020-01-01",
                "employedTo", "2019-01-01")));
        assertEquals(422, backwards.status(), backwards.body());
        assertTrue(backwards.body().contains("worker.employedTo"), backwards.body());
        Api.Answer future = api.post("/api/v1/references/requests", kent, request(Map.of("name", NAME, "employedFrom",
                LocalDate.now().plusDays(3).toString())));
        assertEquals(422, future.status());
    }
}
