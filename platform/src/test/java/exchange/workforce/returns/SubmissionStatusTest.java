package exchange.workforce.returns;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SubmissionStatusTest extends PlatformTest {

    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
    final String seViewer = Tokens.regionalUser("se-viewer", "E12000008", Role.REGIONAL_VIEWER);
    final String londonViewer = Tokens.regionalUser("ldn-viewer", "E12000007", Role.REGIONAL_VIEWER);
    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
    final String surrey = Tokens.authorityUser("surrey-lead", "E10000030", Role.AUTHORITY_SUBMITTER);

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> statuses(String token) {
        Api.Answer answer = api.get("/api/v1/region/returns-status?periodType=CENSUS_YEAR&period=2024", token);
        assertEquals(200, answer.status(), answer.body());
        Map<String, Map<String, Object>> byCode = new java.util.HashMap<>();
        ((List<Map<String, Object>>) answer.get("members")).forEach(m -> byCode.put((String) m.get("authorityCode"), m));
        return byCode;
    }

    @Test
    void eachMembersStatusIsNotStartedLateSubmittedOrCorrected() {
        assertEquals(200, api.send(HttpRequest.PUT("/api/v1/region/windows/CENSUS_YEAR/2024", Map.of("dueOn", "2024-10-31"))
                .bearerAuth(seAdmin)).status());
        api.post("/api/v1/returns", kent, censusReturn("2024", kentFigures()));
        api.post("/api/v1/returns", surrey, censusReturn("2024", kentFigures()));
        List<Map<String, Object>> corrected = kentFigures();
        corrected.set(6, figure("agency_fte", 91.0));
        Map<String, Object> correction = censusReturn("2024", corrected);
        correction.put("reason", "late agency invoices");
        api.post("/api/v1/returns", surrey, correction);

        Map<String, Map<String, Object>> statuses = statuses(seViewer);
        assertEquals(19, statuses.size(), "every South East member");
        assertEquals("SUBMITTED", statuses.get("E10000016").get("status"));
        assertEquals(false, statuses.get("E10000016").get("firstVersionOnTime"), "submitted after 31 October 2024");
        assertEquals("CORRECTED", statuses.get("E10000030").get("status"));
        assertEquals(2, statuses.get("E10000030").get("version"));
        assertEquals("LATE", statuses.get("E10000014").get("status"), "Hampshire has not submitted and the due date has passed");
    }

    @Test
    void withoutADueDateNothingIsLate() {
        assertEquals("NOT_STARTED", statuses(seViewer).get("E10000014").get("status"));
    }

    @Test
    void anotherRegionSeesOnlyItsOwnMembersAndNoValues() {
        api.post("/api/v1/returns", kent, censusReturn("2024", kentFigures()));
        Map<String, Map<String, Object>> london = statuses(londonViewer);
        assertFalse(london.containsKey("E10000016"));
        assertEquals(33, london.size());
        String body = api.get("/api/v1/region/returns-status?periodType=CENSUS_YEAR&period=2024", seViewer).body();
        assertFalse(body.contains("450.5"), "status, not figures");
    }

    @Test
    void onlyAdministratorsSetDueDatesAndOnlyForTheirRegion() {
        Api.Answer viewer = api.send(HttpRequest.PUT("/api/v1/region/windows/CENSUS_YEAR/2024", Map.of("dueOn", "2024-10-31")).bearerAuth(seViewer));
        assertEquals(403, viewer.status());
        Api.Answer tooEarly = api.send(HttpRequest.PUT("/api/v1/region/windows/CENSUS_YEAR/2024", Map.of("dueOn", "2024-09-01")).bearerAuth(seAdmin));
        assertEquals(422, tooEarly.status());
        assertEquals("dueOn", tooEarly.get("field"));
        api.send(HttpRequest.PUT("/api/v1/region/windows/MONTH/2025-01", Map.of("dueOn", "2025-02-15")).bearerAuth(seAdmin));
        assertEquals("[]", api.get("/api/v1/region/windows", londonViewer).body());
        assertTrue(api.get("/api/v1/region/windows", seViewer).body().contains("2025-02-15"));
    }

    @Test
    void aCouncilUserCannotSeeTheRegionsStatus() {
        assertEquals(403, api.get("/api/v1/region/returns-status?periodType=CENSUS_YEAR&period=2024", kent).status());
    }
}
