package exchange.workforce.memorandum;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.Fixtures;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class MemorandumAdministrationTest extends PlatformTest {


    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
    final String londonAdmin = Tokens.regionalUser("ldn-admin", "E12000007", Role.REGION_ADMIN);

    @Test
    void everyRegionShipsWithVersionOneOfItsTermsAndItsCurrentAuthoritiesAsMembers() {
        Api.Answer london = api.get("/api/v1/regions/E12000007/memorandum", londonAdmin);
        @SuppressWarnings("unchecked") Map<String, Object> inForce = (Map<String, Object>) london.get("termsInForce");
        assertEquals(1, inForce.get("version"));
        assertEquals(6, inForce.get("coolingOffMonths"), "the London Pledge's cooling-off is six months");
        @SuppressWarnings("unchecked") List<Map<String, Object>> members = (List<Map<String, Object>>) london.get("members");
        assertEquals(33, members.size(), "32 boroughs and the City of London");
    }

    @Test
    void termsDatedMoreThanTwoYearsAheadAreRefusedSoNoVersionCanFreezeTheMemorandum() {
        Api.Answer answer = api.post("/api/v1/region/terms", seAdmin, Fixtures.newTerms("9999-12-31", 3));
        assertEquals(400, answer.status(), "outside the dates the platform accepts at all: " + answer.body());
        Api.Answer tooFar = api.post("/api/v1/region/terms", seAdmin, Fixtures.newTerms(LocalDate.now().plusYears(3).toString(), 3));
        assertEquals(422, tooFar.status(), tooFar.body());
        assertEquals("TERMS_EFFECTIVE_TOO_LATE", tooFar.get("code"));
        assertEquals("effectiveFrom", tooFar.get("field"));
        assertEquals(201, api.post("/api/v1/region/terms", seAdmin,
                Fixtures.newTerms(LocalDate.now().plusYears(2).toString(), 3)).status(), "two years ahead is allowed");
    }

    @Test
    void aNewVersionTakesEffectOnItsDateAndTheEarlierVersionStaysReadable() {
        String from = LocalDate.now().plusMonths(1).toString();
        Api.Answer created = api.post("/api/v1/region/terms", seAdmin, Fixtures.newTerms(from, 6));
        assertEquals(201, created.status(), created.body());
        assertEquals(2, created.get("version"));

        assertEquals(3, termsOn(LocalDate.now().toString()).get("coolingOffMonths"), "today version 1 is still in force");
        assertEquals(6, termsOn(from).get("coolingOffMonths"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> history =
                (List<Map<String, Object>>) (List<?>) listOf(api.get("/api/v1/regions/E12000008/memorandum/terms", seAdmin).body());
        assertEquals(List.of(2, 1), history.stream().map(t -> t.get("version")).toList());
    }

    @Test
    void termsCannotBeBackDatedBeforeTheVersionTheyReplace() {
        Api.Answer answer = api.post("/api/v1/region/terms", seAdmin, Fixtures.newTerms("2020-01-01", 3));
        assertEquals(422, answer.status());
        assertEquals("TERMS_EFFECTIVE_TOO_EARLY", answer.get("code"));
        assertEquals("effectiveFrom", answer.get("field"));
    }

    @Test
    void incompleteTermsAreRefusedNamingEveryMissingField() {
        Api.Answer answer = api.post("/api/v1/region/terms", seAdmin, Map.of("coolingOffMonths", 30));
        assertEquals(422, answer.status());
        assertTrue(answer.body().contains("coolingOffMonths: must be at most 24 months"), answer.body());
        assertTrue(answer.body().contains("changeReason"), answer.body());
    }

    @Test
    void anAdministratorCannotAddAnotherRegionsAuthority() {
        Api.Answer answer = api.post("/api/v1/region/members", londonAdmin,
                Map.of("authorityCode", "E10000016", "phase", "phase 2", "effectiveFrom", "2025-04-01"));
        assertEquals(422, answer.status());
        assertEquals("AUTHORITY_NOT_IN_REGION", answer.get("code"));
    }

    @Test
    void anAuthorityCannotJoinTwiceButCanLeaveAndIsThenNoLongerAMember() {
        Api.Answer again = api.post("/api/v1/region/members", seAdmin,
                Map.of("authorityCode", "E10000016", "phase", "phase 2", "effectiveFrom", "2025-04-01"));
        assertEquals(409, again.status());
        assertEquals("ALREADY_A_MEMBER", again.get("code"));

        Api.Answer ended = api.post("/api/v1/region/members/E10000016/end", seAdmin, Map.of("effectiveTo", "2025-06-30"));
        assertEquals(200, ended.status(), ended.body());
        assertTrue(!ended.body().contains("E10000016"));
        assertTrue(api.get("/api/v1/regions/E12000008/memorandum?on=2025-06-29", seAdmin).body().contains("E10000016"));
    }

    @Test
    void onlyRegionAdministratorsChangeTheMemorandum() {
        String viewer = Tokens.regionalUser("viewer", "E12000008", Role.REGIONAL_VIEWER);
        assertEquals(403, api.post("/api/v1/region/terms", viewer, Fixtures.newTerms("2030-01-01", 3)).status());
        String councilAdmin = Tokens.authorityUser("x", "E10000016", Role.REGION_ADMIN);
        Api.Answer answer = api.post("/api/v1/region/terms", councilAdmin, Fixtures.newTerms("2030-01-01", 3));
        assertEquals(401, answer.status(), "a council token with a regional role is refused outright");
        assertEquals("UNAUTHENTICATED", answer.get("code"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> termsOn(String date) {
        return (Map<String, Object>) api.get("/api/v1/regions/E12000008/memorandum?on=" + date, seAdmin).get("termsInForce");
    }

    private List<Object> listOf(String body) {
        try {
            return json.readValue(body, io.micronaut.core.type.Argument.listOf(Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
