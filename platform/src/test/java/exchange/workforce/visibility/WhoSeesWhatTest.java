package exchange.workforce.visibility;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import exchange.workforce.web.Csrf;
import exchange.workforce.web.SessionCookie;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council's figures for a month, tried as its own council, a council of its memorandum, councils and regions
 * outside it, before and after its region releases the month. Kent's agency spend of £741,003 is the secret.
 */
@MicronautTest(transactional = false)
class WhoSeesWhatTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SECRET = "741003";
    static final String[] SOUTH_EAST = {"E10000016", "E10000030", "E10000014", "E06000046", "E10000032", "E10000011"};
    final String kent = Tokens.authorityUser("kent-dcs", KENT, Role.AUTHORITY_VIEWER);
    final String surrey = Tokens.authorityUser("surrey-dcs", "E10000030", Role.AUTHORITY_VIEWER);
    final String manchester = Tokens.authorityUser("manchester-dcs", "E08000003", Role.AUTHORITY_VIEWER);
    final String northWest = Tokens.regionalUser("nw-analyst", "E12000002", Role.REGIONAL_VIEWER);
    final String southEast = Tokens.regionalUser("se-analyst", "E12000008", Role.REGIONAL_VIEWER);
    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);

    private void submit(String authority, long spend) {
        Map<String, Object> body = new HashMap<>(censusReturn("2025-01", List.of(figure("agency_spend", spend))));
        body.put("periodType", "MONTH");
        Api.Answer answer = api.post("/api/v1/returns", Tokens.authorityUser("lead-" + authority, authority, Role.AUTHORITY_SUBMITTER), body);
        assertEquals(201, answer.status(), answer.body());
    }

    private void release() {
        Api.Answer answer = api.post("/api/v1/region/releases/MONTH/2025-01", seAdmin, Map.of());
        assertEquals(201, answer.status(), answer.body());
    }

    private Api.Answer benchmark(String token, String group, String format) {
        return api.get("/api/v1/benchmarks?group=" + group + "&period=2025-01&measures=agency_spend" + format, token);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> spend(String token, String group) {
        Api.Answer answer = benchmark(token, group, "");
        assertEquals(200, answer.status(), answer.body());
        return ((List<Map<String, Object>>) answer.get("measures")).get(0);
    }

    /** Nothing in any answer the viewer can get for the month holds the secret or a South East council's name. */
    private void assertNothingOfKentFor(String token, String who) {
        for (String group : List.of("region:E12000008", "england")) {
            for (String format : List.of("", "&format=csv", "&format=ees")) {
                Api.Answer answer = benchmark(token, group, format);
                assertEquals(200, answer.status(), who + " " + group + format + ": " + answer.body());
                assertFalse(answer.body().contains(SECRET), who + " reads Kent's figure in " + group + format + ": " + answer.body());
                assertFalse(answer.body().contains("Kent") || answer.body().contains("Surrey") || answer.body().contains("Medway"),
                        who + " learns who is in or missing from " + group + format + ": " + answer.body());
            }
        }
    }

    @Test
    void anUnreleasedMonthIsNotReadByNameOrByEliminationOutsideTheMemorandum() {
        submit(KENT, 741_003);
        for (String[] outsider : new String[][] {{manchester, "Manchester"}, {northWest, "the North West"}}) {
            Api.Answer neighbours = benchmark(outsider[0], "neighbours:" + KENT, "");
            assertEquals(404, neighbours.status(), outsider[1] + " asks for Kent's neighbours: " + neighbours.body());
            assertNothingOfKentFor(outsider[0], outsider[1]);
        }
        Map<String, Object> region = spend(manchester, "region:E12000008");
        assertNull(region.get("value"), "no figure for the South East from one council's return");
        assertNull(((Map<?, ?>) region.get("recomputed")).get("value"), "not even as the recomputation");
    }

    @Test
    void aReleasedMonthReachesOutsidersOnlyAsAWholeMemorandumOfAtLeastItsThreshold() {
        submit(KENT, 741_003);
        release();
        assertNothingOfKentFor(manchester, "Manchester, after one return is released");
        assertEquals("c", ((Map<?, ?>) spend(manchester, "region:E12000008").get("recomputed")).get("symbol"),
                "withheld, and it says so");
        for (int i = 1; i < SOUTH_EAST.length; i++) {
            submit(SOUTH_EAST[i], 100_000L * i);
        }
        release();
        Map<String, Object> region = spend(manchester, "region:E12000008");
        Map<?, ?> recomputed = (Map<?, ?>) region.get("recomputed");
        assertEquals(2_241_003, ((Number) recomputed.get("value")).longValue(), "six councils' released returns, summed");
        assertNull(region.get("value"), "6 of 19 members is not the South East's figure");
        assertTrue(region.get("headline").toString().contains("6 of 19 members"), region.get("headline").toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) region.get("authorities");
        assertTrue(members.stream().noneMatch(m -> m.get("value") != null || m.get("name") != null),
                "no council's own row, named or not: " + members);
        assertFalse(benchmark(manchester, "region:E12000008", "&format=csv").body().contains(SECRET));
        assertFalse(benchmark(manchester, "england", "").body().contains("Kent"), "who is present or missing is not named");
    }

    @Test
    void theCouncilAndItsMemorandumSeeTheMonthByNameBeforeItIsReleasedAndAPartOfTheRegionIsNotTheRegion() {
        submit(KENT, 741_003);
        for (String token : List.of(kent, surrey, southEast)) {
            Map<String, Object> region = spend(token, "region:E12000008");
            assertNull(region.get("value"), "Kent is not the South East");
            assertTrue(region.get("headline").toString().contains("Kent alone (1 of 19 members)"), region.get("headline").toString());
            assertEquals(741_003, ((Number) ((Map<?, ?>) region.get("recomputed")).get("value")).longValue());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members = (List<Map<String, Object>>) region.get("authorities");
            assertTrue(members.stream().anyMatch(m -> "Kent".equals(m.get("name")) && ((Number) m.get("value")).longValue() == 741_003), members.toString());
        }
        assertEquals(200, benchmark(kent, "neighbours:" + KENT, "").status(), "Kent asks for its own neighbours");
        assertEquals(200, benchmark(southEast, "neighbours:" + KENT, "").status(), "and its memorandum's regional users");
        assertEquals(404, benchmark(surrey, "neighbours:" + KENT, "").status(), "another council asks for its own");
    }

    @Test
    void anotherRegionsComparisonGroupDoesNotExistForOutsiders() {
        Api.Answer created = api.post("/api/v1/region/groups", seAdmin, Map.of("name", "Coastal councils", "authorityCodes",
                List.of(KENT, "E06000046")));
        assertEquals(201, created.status(), created.body());
        String group = "custom:" + created.get("id");
        Api.Answer outsider = api.get("/api/v1/benchmarks?group=" + group + "&period=2023&measures=inpost_fte", northWest);
        assertEquals(404, outsider.status(), outsider.body());
        assertEquals(404, api.get("/api/v1/benchmarks?group=custom:" + java.util.UUID.randomUUID() + "&period=2023&measures=inpost_fte",
                northWest).status(), "the same answer as for a group that does not exist");
        assertEquals(404, api.get("/api/v1/benchmarks?group=" + group + "&period=2023&measures=inpost_fte", manchester).status());
        assertEquals(200, api.get("/api/v1/benchmarks?group=" + group + "&period=2023&measures=inpost_fte", southEast).status());
        assertEquals(200, api.get("/api/v1/benchmarks?group=" + group + "&period=2023&measures=inpost_fte", surrey).status(),
                "a member of the memorandum whose group it is");
        Api.Answer page = api.send(HttpRequest.GET("/dashboard?group=" + group).accept(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(SessionCookie.NAME, session(northWest))).cookie(Cookie.of(Csrf.COOKIE, "t")));
        assertFalse(page.body().contains("Coastal councils"), page.body());
        assertEquals(404, page.status());
    }

    @Test
    void aRegionsForecastDoesNotTakeOneCouncilsReturnForTheRegion() {
        exchange.workforce.support.TestDatabase.shared().importWorkforceIndicators();
        List<Map<String, Object>> figures = new java.util.ArrayList<>(exchange.workforce.support.ReturnFixtures.kentFigures());
        figures.removeIf(f -> f.get("measure").equals("inpost_fte") || f.get("measure").equals("inpost_headcount"));
        figures.add(figure("inpost_fte", 741.0));
        figures.add(figure("inpost_headcount", 760));
        Api.Answer submitted = api.post("/api/v1/returns", Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER),
                censusReturn("2024", figures));
        assertEquals(201, submitted.status(), submitted.body());
        String planner = Tokens.regionalUser("se-planner", "E12000008", Role.PLANNER);
        Api.Answer forecast = api.get("/api/v1/forecasts?area=E12000008&measure=inpost_fte&horizon=2", planner);
        assertEquals(200, forecast.status(), forecast.body());
        assertFalse(forecast.body().contains("741"), "Kent's 741 FTE is not the South East's 2024: " + forecast.body());
        Api.Answer kentsOwn = api.get("/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte&horizon=2", planner);
        assertTrue(kentsOwn.body().contains("741"), "it is Kent's own, which the region's planner may forecast: " + kentsOwn.body());
    }
}
