package exchange.workforce.benchmark;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.Fixtures;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four ways the review recovered a suppressed count as a user outside the memorandum, each tried again: none
 * recovers it. Kent's 3 retirements are the secret throughout.
 */
@MicronautTest(transactional = false)
class DisclosureSurvivesDifferencingTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";
    static final String CUMBERLAND = "E06000063";
    static final BigDecimal SECRET = BigDecimal.valueOf(3);
    final String camden = Tokens.authorityUser("camden-dcs", "E09000007", Role.AUTHORITY_VIEWER);
    final String kentViewer = Tokens.authorityUser("kent-dcs", KENT, Role.AUTHORITY_VIEWER);
    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
    final String nwAdmin = Tokens.regionalUser("nw-admin", "E12000002", Role.REGION_ADMIN);
    final String nwAnalyst = Tokens.regionalUser("nw-analyst", "E12000002", Role.REGIONAL_VIEWER);
    @jakarta.inject.Inject
    io.micronaut.json.JsonMapper json;

    private void submit(String authority, int resigned, int retired, int dismissed) {
        submit(authority, resigned, retired, dismissed, null);
    }

    private void submit(String authority, int resigned, int retired, int dismissed, String correction) {
        List<Map<String, Object>> figures = new ArrayList<>(kentFigures());
        figures.removeIf(f -> f.get("measure").toString().startsWith("leavers_"));
        figures.add(figure("leavers_headcount", resigned + retired + dismissed));
        figures.add(figure("leavers_fte", resigned + retired + dismissed));
        figures.add(figure("leavers_headcount", "leaving_reason", "RESIGNATION", resigned));
        figures.add(figure("leavers_headcount", "leaving_reason", "RETIREMENT", retired));
        figures.add(figure("leavers_headcount", "leaving_reason", "DISMISSAL", dismissed));
        String token = Tokens.authorityUser("lead-" + authority, authority, Role.AUTHORITY_SUBMITTER);
        Map<String, Object> body = censusReturn("2024", figures);
        if (correction != null) {
            body.put("reason", correction);
        }
        Api.Answer answer = api.post("/api/v1/returns", token, body);
        assertEquals(201, answer.status(), answer.body());
    }

    private void release(String admin) {
        Api.Answer answer = api.post("/api/v1/region/releases/CENSUS_YEAR/2024", admin, Map.of());
        assertEquals(201, answer.status(), answer.body());
    }

    /** The breakdown cells a viewer reads for a group: reason → value, or null where suppressed. */
    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> cells(String token, String group) {
        Api.Answer answer = api.get("/api/v1/benchmarks?group=" + group + "&period=2024&measures=leavers_headcount&breakdown=leaving_reason", token);
        assertEquals(200, answer.status(), answer.body());
        Map<String, Object> measure = ((List<Map<String, Object>>) answer.get("measures")).get(0);
        Map<String, BigDecimal> cells = new HashMap<>();
        for (Map<String, Object> cell : (List<Map<String, Object>>) measure.get("breakdown")) {
            String reason = cell.get("breakdown").toString().substring("leaving_reason=".length());
            cells.put(reason, cell.get("value") == null ? null : new BigDecimal(cell.get("value").toString()));
            if (cell.get("value") == null) {
                assertEquals("c", cell.get("symbol"), "a value withheld says why");
            }
        }
        return cells;
    }

    /** Every number readable from the answers, and every difference of two of them: none may be the secret. */
    private static void assertNothingGives(BigDecimal secret, List<Map<String, BigDecimal>> answers) {
        List<BigDecimal> readable = new ArrayList<>();
        answers.forEach(a -> a.values().stream().filter(v -> v != null).forEach(readable::add));
        for (BigDecimal a : readable) {
            assertFalse(a.compareTo(secret) == 0, "a cell shows " + secret);
            for (BigDecimal b : readable) {
                assertFalse(a.subtract(b).compareTo(secret) == 0, a + " − " + b + " gives the secret " + secret);
            }
        }
    }

    @Test
    void englandLessARegionRecoversNothing() {
        submit(KENT, 50, 3, 10);
        submit(CUMBERLAND, 20, 7, 6);
        release(seAdmin);
        release(nwAdmin);
        Map<String, BigDecimal> england = cells(camden, "england");
        Map<String, BigDecimal> northWest = cells(camden, "region:E12000002");
        Map<String, BigDecimal> southEast = cells(camden, "region:E12000008");
        assertNull(england.get("RETIREMENT"), "10 − the North West's 7 would be Kent's 3");
        assertEquals(BigDecimal.valueOf(7), northWest.get("RETIREMENT"));
        assertNull(southEast.get("RETIREMENT"));
        assertEquals(BigDecimal.valueOf(70), england.get("RESIGNATION"), "cells nobody's small count is in are shown");
        assertNothingGives(SECRET, List.of(england, northWest, southEast));
    }

    @Test
    void aSuppressedCellBesideZerosAndATotalRecoversNothing() {
        submit(KENT, 0, 3, 0);
        release(seAdmin);
        Map<String, BigDecimal> southEast = cells(camden, "region:E12000008");
        assertEquals(3, southEast.size());
        southEast.forEach((reason, value) -> assertNull(value, reason + ": with the total 3 public, a zero beside the c gives it away"));
    }

    @Test
    void aCustomGroupOfAViewerWhoseMemorandumShowsOnesKeepsTheDatasOwnThreshold() {
        Map<String, Object> terms = new HashMap<>(Fixtures.newTerms(LocalDate.now().toString(), 3));
        terms.put("smallCountThreshold", 1);
        assertEquals(201, api.post("/api/v1/region/terms", nwAdmin, terms).status());
        submit(KENT, 50, 3, 10);
        submit(SURREY, 40, 10, 8);
        release(seAdmin);
        Api.Answer group = api.post("/api/v1/region/groups", nwAdmin, Map.of("name", "Kent and Surrey", "authorityCodes", List.of(KENT, SURREY)));
        assertEquals(201, group.status(), group.body());
        Map<String, BigDecimal> custom = cells(nwAnalyst, "custom:" + group.get("id"));
        assertNull(custom.get("RETIREMENT"), "Kent's figures are under the South East's threshold of 5, whoever asks");
        assertNothingGives(SECRET, List.of(custom, cells(nwAnalyst, "region:E12000008"), cells(nwAnalyst, "england")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReturnArrivingChangesNothingOutsidersReadUntilTheNextRelease() {
        submit(SURREY, 40, 10, 8);
        release(seAdmin);
        Map<String, BigDecimal> before = cells(camden, "region:E12000008");
        assertEquals(BigDecimal.valueOf(40), before.get("RESIGNATION"));

        submit(KENT, 50, 3, 10);
        assertEquals(before, cells(camden, "region:E12000008"), "Kent's return is not in what outsiders read until released");
        assertEquals(BigDecimal.valueOf(90), cells(kentViewer, "region:E12000008").get("RESIGNATION"),
                "Kent reads its own return at once, beside Surrey's as released");

        release(seAdmin);
        Map<String, BigDecimal> released = cells(camden, "region:E12000008");
        assertEquals(BigDecimal.valueOf(90), released.get("RESIGNATION"));
        submit(KENT, 52, 3, 10, "Two resignations were recorded as transfers");
        assertEquals(released, cells(camden, "region:E12000008"), "a correction waits for the next release");
        release(seAdmin);
        assertEquals(BigDecimal.valueOf(92), cells(camden, "region:E12000008").get("RESIGNATION"));

        Api.Answer list = api.get("/api/v1/region/releases", seAdmin);
        assertEquals(200, list.status(), list.body());
        List<Map<String, Object>> releases;
        try {
            releases = json.readValue(list.body(), io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Object> third = releases.stream().filter(r -> Integer.valueOf(3).equals(r.get("revision"))).findFirst().orElseThrow();
        assertEquals(List.of("Kent"), third.get("revisedAuthorities"));
        assertTrue(third.get("note").toString().startsWith("Revision 3"), third.toString());
        assertEquals(403, api.post("/api/v1/region/releases/CENSUS_YEAR/2024", nwAnalyst, Map.of()).status(), "an analyst cannot release");
    }

    @Test
    void aClosedSubmissionWindowReleasesTheReturnsSubmittedByItsDueDayAndNotTheLateOnes() throws Exception {
        submit(SURREY, 40, 10, 8);
        submit(KENT, 50, 3, 10);
        try (java.sql.Connection owner = exchange.workforce.support.TestDatabase.shared().asOwner();
             java.sql.Statement statement = owner.createStatement()) {
            statement.execute("update workforce_return set submitted_at = timestamptz '2024-11-01 10:00+00' where authority_code = '" + SURREY + "'");
        }
        assertEquals(Map.of(), cells(camden, "region:E12000008"), "nothing is released yet");
        Api.Answer window = api.send(io.micronaut.http.HttpRequest.PUT("/api/v1/region/windows/CENSUS_YEAR/2024",
                Map.of("dueOn", "2024-12-31")).bearerAuth(seAdmin));
        assertEquals(200, window.status(), window.body());
        Map<String, BigDecimal> closed = cells(camden, "region:E12000008");
        assertEquals(BigDecimal.valueOf(40), closed.get("RESIGNATION"), "Surrey's on-time return only: Kent's came after the due day");
        Api.Answer list = api.get("/api/v1/region/releases", seAdmin);
        assertTrue(list.body().contains("WINDOW_CLOSED") && list.body().contains("2024-12-31"), list.body());
    }

    /** Every number anywhere in a benchmark answer (headline, recomputation, members, series, cells), by a made-up key each. */
    private Map<String, BigDecimal> everyNumber(String token, String group) {
        Api.Answer answer = api.get("/api/v1/benchmarks?group=" + group + "&period=2024&measures=leavers_headcount&breakdown=leaving_reason", token);
        assertEquals(200, answer.status(), answer.body());
        Map<String, BigDecimal> numbers = new HashMap<>();
        collect(answer.json(), "", numbers);
        return numbers;
    }

    private static void collect(Object node, String at, Map<String, BigDecimal> numbers) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, at + "/" + k, numbers));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), at + "/" + i, numbers);
            }
        } else if (node instanceof Number n && !at.endsWith("members") && !at.endsWith("covered") && !at.endsWith("rank")
                && !at.endsWith("quartile") && !at.endsWith("version") && !at.endsWith("lowCountedAsZero") && !at.endsWith("count")) {
            numbers.put(at, new BigDecimal(n.toString()));
        }
    }

    @Test
    void anUnreleasedReturnAndAnotherRegionsCustomGroupGiveAnOutsiderNothingToDifference() {
        submit(KENT, 50, 3, 10);
        Map<String, BigDecimal> england = everyNumber(camden, "england");
        Map<String, BigDecimal> southEast = everyNumber(camden, "region:E12000008");
        Map<String, BigDecimal> northWest = everyNumber(nwAnalyst, "region:E12000008");
        for (BigDecimal kents : List.of(BigDecimal.valueOf(63), SECRET)) {
            assertNothingGives(kents, List.of(england, southEast, northWest));
        }
        assertTrue(southEast.isEmpty(), "nothing of an unreleased year reaches an outsider, not even as the region: " + southEast);
        Api.Answer group = api.post("/api/v1/region/groups", seAdmin, Map.of("name", "Kent and Surrey", "authorityCodes", List.of(KENT, SURREY)));
        assertEquals(201, group.status(), group.body());
        for (String outsider : List.of(camden, nwAnalyst)) {
            assertEquals(404, api.get("/api/v1/benchmarks?group=custom:" + group.get("id") + "&period=2024&measures=leavers_headcount", outsider).status(),
                    "another region's group is not there to difference against");
        }
        assertEquals(BigDecimal.valueOf(63), everyNumber(kentViewer, "region:E12000008").get("/measures/0/recomputed/value"),
                "Kent itself reads its own return at once");
    }
}
