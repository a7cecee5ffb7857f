package exchange.workforce.returns;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ReturnSubmissionTest extends PlatformTest {

    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
    final String surrey = Tokens.authorityUser("surrey-lead", "E10000030", Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER);

    @SuppressWarnings("unchecked")
    static Map<String, Object> byMeasure(Api.Answer answer, String list, String measure) {
        return ((List<Map<String, Object>>) answer.get(list)).stream()
                .filter(v -> v.get("measure").equals(measure) && "".equals(v.get("breakdown"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Api.Answer answer) {
        return (List<Map<String, Object>>) answer.get("errors");
    }

    private Api.Answer submit(Object body) {
        return api.post("/api/v1/returns", kent, body);
    }

    private Map<String, Object> onlyError(List<Map<String, Object>> figures) {
        Api.Answer answer = submit(censusReturn("2024", figures));
        assertEquals(422, answer.status(), answer.body());
        assertEquals("RETURN_REJECTED", answer.get("code"));
        List<Map<String, Object>> errors = errors(answer) == null ? List.of(Map.of("code", "?")) : errors(answer);
        assertEquals(1, errors.size(), answer.body());
        assertEquals(404, api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).status(), "nothing was stored");
        return errors.get(0);
    }

    @Test
    void aReturnIsStoredAsVersionOneWithRatesDerivedFromItsComponents() {
        Api.Answer stored = submit(censusReturn("2024", kentFigures()));
        assertEquals(201, stored.status(), stored.body());
        assertEquals(1, stored.get("version"));
        Api.Answer read = api.get("/api/v1/returns/CENSUS_YEAR/2024", kent);
        assertEquals(13.3, ((Number) byMeasure(read, "derived", "turnover_rate_fte").get("value")).doubleValue(), 1e-9, "100 × 60 / 450.5");
        assertEquals(16.7, ((Number) byMeasure(read, "derived", "agency_rate_fte").get("value")).doubleValue(), 1e-9, "100 × 90 / 540.5");
        assertEquals(16.0, ((Number) byMeasure(read, "derived", "caseload_fte").get("value")).doubleValue(), 1e-9);
        Map<String, Object> unavailable = byMeasure(read, "values", "establishment_fte");
        assertNull(unavailable.get("value"), "x is kept, never 0");
        assertEquals("x", unavailable.get("symbol"));
    }

    @Test
    void aComponentGivenAsXMakesItsRateXNotZero() {
        List<Map<String, Object>> figures = kentFigures();
        figures.set(2, figure("leavers_fte", "x"));
        figures.removeIf(f -> f.containsKey("breakdown"));
        Api.Answer stored = submit(censusReturn("2024", figures));
        assertEquals(201, stored.status(), stored.body());
        Map<String, Object> turnover = byMeasure(stored, "derived", "turnover_rate_fte");
        assertNull(turnover.get("value"));
        assertEquals("x", turnover.get("symbol"));
    }

    @Test
    void anUnknownMeasureIsRefusedWithADidYouMean() {
        List<Map<String, Object>> figures = kentFigures();
        figures.add(figure("inpost_fe", 1));
        Map<String, Object> error = onlyError(figures);
        assertEquals("UNKNOWN_MEASURE", error.get("code"));
        assertEquals(15, error.get("row"));
        assertEquals("measure", error.get("column"));
        assertTrue(error.get("message").toString().contains("did you mean inpost_fte?"), error.toString());
    }

    @Test
    void aRateTypedInIsRefusedNamingItsComponents() {
        List<Map<String, Object>> figures = kentFigures();
        figures.add(figure("turnover_rate_fte", 12.1));
        Map<String, Object> error = onlyError(figures);
        assertEquals("DERIVED_MEASURE_TYPED_IN", error.get("code"));
        assertTrue(error.get("message").toString().contains("leavers_fte, inpost_fte"));
    }

    @Test
    void eachValueRuleAnswersWithItsCodeRowAndColumn() {
        record Case(Map<String, Object> figure, String code, String column) {
        }
        for (Case c : List.of(
                new Case(figure("starters_fte", "twelve"), "NOT_A_NUMBER", "value"),
                new Case(figure("starters_fte", "=SUM(A1:A9)"), "NOT_A_NUMBER", "value"),
                new Case(figure("starters_fte", -3), "NEGATIVE", "value"),
                new Case(figure("starters_fte", "leaving_reason", "RESIGNATION", 1), "UNKNOWN_BREAKDOWN", "breakdown"),
                new Case(figure("leavers_fte", "leaving_reason", "FIRED", 1), "UNKNOWN_BREAKDOWN", "breakdown"),
                new Case(figure("inpost_fte", 1), "DUPLICATE_ROW", "measure"),
                new Case(figure("referral_count", 1200), "NOT_SUBMITTED_BY_AUTHORITIES", "measure"))) {
            List<Map<String, Object>> figures = kentFigures();
            figures.add(c.figure());
            Map<String, Object> error = onlyError(figures);
            assertEquals(c.code(), error.get("code"), error.toString());
            assertEquals(15, error.get("row"));
            assertEquals(c.column(), error.get("column"));
        }
    }

    @Test
    void figuresThatContradictEachOtherAreRefused() {
        record Case(int index, Map<String, Object> figure, String code) {
        }
        for (Case c : List.of(
                new Case(0, figure("inpost_fte", 490.0), "FTE_ABOVE_HEADCOUNT"),
                new Case(10, figure("case_holders_fte", 600.0), "CASE_HOLDERS_ABOVE_STAFF"),
                new Case(8, figure("agency_cover_fte", 95.0), "AGENCY_COVER_ABOVE_AGENCY"),
                new Case(4, figure("leavers_fte", "leaving_reason", "RESIGNATION", 40.0), "BREAKDOWN_DOES_NOT_ADD_UP"))) {
            List<Map<String, Object>> figures = kentFigures();
            figures.set(c.index(), c.figure());
            Map<String, Object> error = onlyError(figures);
            assertEquals(c.code(), error.get("code"), error.toString());
            assertEquals(c.index() + 1, error.get("row"));
        }
    }

    @Test
    void aPeriodThatIsMalformedOrNotYetBegunIsRefused() {
        Api.Answer malformed = submit(Map.of("periodType", "MONTH", "period", "March 2024", "values", kentFigures()));
        assertEquals("INVALID_PERIOD", errors(malformed).get(0).get("code"));
        assertTrue(errors(malformed).get(0).get("message").toString().contains("YYYY-MM"));
        Api.Answer future = submit(censusReturn("2099", kentFigures()));
        assertEquals("PERIOD_OUT_OF_RANGE", errors(future).get(0).get("code"));
        assertEquals("EMPTY_RETURN", errors(submit(censusReturn("2024", List.of()))).get(0).get("code"));
    }

    @Test
    void aReturnNamingAnotherAuthorityIsRefusedAndNotRelabelled() {
        Map<String, Object> body = censusReturn("2024", kentFigures());
        body.put("authority", "E10000030");
        Api.Answer answer = submit(body);
        assertEquals(422, answer.status());
        assertEquals("AUTHORITY_NOT_YOURS", errors(answer).get(0).get("code"));
        assertEquals(404, api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).status());
    }

    @Test
    void aDryRunStoresNothingAndShowsWhatWouldChange() {
        submit(censusReturn("2024", kentFigures()));
        List<Map<String, Object>> corrected = kentFigures();
        corrected.set(6, figure("agency_fte", 80.0));
        Api.Answer preview = api.post("/api/v1/returns?dryRun=true", kent, censusReturn("2024", corrected));
        assertEquals(200, preview.status(), preview.body());
        assertEquals(true, preview.get("dryRun"));
        assertEquals(2, preview.get("version"));
        assertEquals(List.of(Map.of("measure", "agency_fte", "breakdown", "", "fromValue", 90, "toValue", 80)),
                ((List<?>) preview.get("changes")).stream().map(c -> withoutNulls((Map<?, ?>) c)).toList());
        assertEquals(1, ((List<?>) api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).get("versions")).size(), "still one version");
    }

    @Test
    void aCorrectionIsVersionTwoNeedsAReasonAndVersionOneStaysReadable() {
        submit(censusReturn("2024", kentFigures()));
        List<Map<String, Object>> corrected = kentFigures();
        corrected.set(6, figure("agency_fte", 80.0));
        Map<String, Object> body = censusReturn("2024", corrected);
        assertEquals("CORRECTION_NEEDS_REASON", errors(submit(body)).get(0).get("code"));
        body.put("reason", "Agency count double-counted two locums");
        assertEquals(201, submit(body).status());

        Api.Answer current = api.get("/api/v1/returns/CENSUS_YEAR/2024", kent);
        assertEquals(2, ((Map<?, ?>) current.get("version")).get("version"));
        assertEquals("Agency count double-counted two locums", ((Map<?, ?>) current.get("version")).get("reason"));
        Api.Answer first = api.get("/api/v1/returns/CENSUS_YEAR/2024/versions/1", kent);
        assertEquals(90.0, ((Number) byMeasure(first, "values", "agency_fte").get("value")).doubleValue());
        assertEquals("kent-lead", ((Map<?, ?>) first.get("version")).get("submittedBy"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyLeavesOneVersion() {
        HttpRequest<?> request = HttpRequest.POST("/api/v1/returns", censusReturn("2024", kentFigures()))
                .bearerAuth(kent).header("Idempotency-Key", "kent-2024-census-1");
        assertEquals(201, api.send(request).status());
        Api.Answer retried = api.send(HttpRequest.POST("/api/v1/returns", censusReturn("2024", kentFigures()))
                .bearerAuth(kent).header("Idempotency-Key", "kent-2024-census-1"));
        assertEquals(200, retried.status());
        assertEquals(true, retried.get("replayed"));
        assertEquals(1, ((List<?>) api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).get("versions")).size());
        Api.Answer reused = api.send(HttpRequest.POST("/api/v1/returns", censusReturn("2023", kentFigures()))
                .bearerAuth(kent).header("Idempotency-Key", "kent-2024-census-1"));
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.get("code"));
    }

    @Test
    void aCouncilPlannerDownloadsTemplatesAndARegionalPlannerIsPointedToWhatItCanUse() {
        String councilPlanner = Tokens.authorityUser("kent-planner", "E10000016", Role.PLANNER);
        assertEquals(200, api.get("/api/v1/returns/templates/CENSUS_YEAR.csv?period=2025", councilPlanner).status());
        String regionalPlanner = Tokens.regionalUser("se-planner", "E12000008", Role.PLANNER);
        Api.Answer answer = api.get("/api/v1/returns", regionalPlanner);
        assertEquals(403, answer.status());
        assertEquals("NOT_AN_AUTHORITY_USER", answer.get("code"));
        assertTrue(answer.get("detail").toString().contains("/api/v1/region/returns-status")
                && answer.get("detail").toString().contains("/api/v1/benchmarks"), answer.body());
    }

    @Test
    void theSameIdempotencyKeyWithDifferentFiguresIsRefusedNamingTheVersionItMade() {
        assertEquals(201, api.send(HttpRequest.POST("/api/v1/returns", censusReturn("2024", kentFigures()))
                .bearerAuth(kent).header("Idempotency-Key", "kent-2024-census-2")).status());
        List<Map<String, Object>> changed = kentFigures();
        changed.set(0, figure("inpost_fte", 451.5));
        Api.Answer reused = api.send(HttpRequest.POST("/api/v1/returns", censusReturn("2024", changed))
                .bearerAuth(kent).header("Idempotency-Key", "kent-2024-census-2"));
        assertEquals(422, reused.status(), reused.body());
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.get("code"));
        assertTrue(reused.get("detail").toString().contains("version 1 of CENSUS_YEAR 2024")
                && reused.get("detail").toString().contains("different figures"), reused.body());
        assertEquals(1, ((List<?>) api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).get("versions")).size(),
                "the different return was not stored, nor silently answered with the first");
        List<Map<String, Object>> reordered = new java.util.ArrayList<>(kentFigures());
        java.util.Collections.reverse(reordered);
        assertEquals(200, api.send(HttpRequest.POST("/api/v1/returns", censusReturn("2024", reordered))
                .bearerAuth(kent).header("Idempotency-Key", "kent-2024-census-2")).status(), "the same figures in another order are a retry");
    }

    @Test
    void concurrentSubmissionsForOnePeriodGetConsecutiveVersions() throws Exception {
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (double inPost : List.of(450.5, 451.5, 452.5)) { // three different returns: the same figures twice would store one
            List<Map<String, Object>> figures = kentFigures();
            figures.set(0, figure("inpost_fte", inPost));
            Map<String, Object> body = censusReturn("2024", figures);
            body.put("reason", "resubmitted");
            attempts.add(() -> submit(body).status());
        }
        var pool = Executors.newFixedThreadPool(3);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
            assertEquals(List.of(201, 201, 201), statuses);
        } finally {
            pool.shutdown();
        }
        List<?> versions = (List<?>) api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).get("versions");
        assertEquals(List.of(3, 2, 1), versions.stream().map(v -> ((Map<?, ?>) v).get("version")).toList());
    }

    @Test
    void warningsDoNotBlockAndSayWhatToCheck() {
        submit(censusReturn("2023", kentFigures()));
        List<Map<String, Object>> figures = kentFigures();
        figures.set(0, figure("inpost_fte", 300.0));
        figures.set(11, figure("cases", 10000)); // 10000 / 380 = 26.3 cases per FTE
        Api.Answer stored = submit(censusReturn("2024", figures));
        assertEquals(201, stored.status(), stored.body());
        List<?> codes = ((List<?>) stored.get("warnings")).stream().map(w -> ((Map<?, ?>) w).get("code")).toList();
        assertEquals(List.of("STAFF_CHANGED_SHARPLY", "CASELOAD_HIGH"), codes);
    }

    @Test
    void anotherAuthorityCannotReadTheReturnAndAViewerCannotSubmit() {
        submit(censusReturn("2024", kentFigures()));
        assertEquals(404, api.get("/api/v1/returns/CENSUS_YEAR/2024", surrey).status());
        assertEquals(404, api.get("/api/v1/returns/CENSUS_YEAR/2024/versions/1", surrey).status());
        assertEquals("[]", api.get("/api/v1/returns", surrey).body());
        String viewer = Tokens.authorityUser("v", "E10000016", Role.AUTHORITY_VIEWER);
        assertEquals(403, api.post("/api/v1/returns", viewer, censusReturn("2024", kentFigures())).status());
        assertEquals(200, api.get("/api/v1/returns/CENSUS_YEAR/2024", viewer).status());
    }

    private static Map<Object, Object> withoutNulls(Map<?, ?> map) {
        Map<Object, Object> copy = new java.util.HashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
