package exchange.workforce.forecast;

import exchange.workforce.identity.Role;
import exchange.workforce.published.PublishedStatisticsImporter;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forecasts through the API as planners use them, on DfE's bundled workforce and children-in-need files. */
@MicronautTest(transactional = false)
class ForecastsAPlannerCanTrustTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";
    static final String SOUTH_EAST = "E12000008";
    final String kentPlanner = Tokens.authorityUser("kent-planner", KENT, Role.PLANNER);
    final String surreyPlanner = Tokens.authorityUser("surrey-planner", SURREY, Role.PLANNER);
    final String kentDcs = Tokens.authorityUser("kent-dcs", KENT, Role.AUTHORITY_VIEWER);
    final String southEastPlanner = Tokens.regionalUser("se-planner", SOUTH_EAST, Role.PLANNER);
    final String northWestPlanner = Tokens.regionalUser("nw-planner", "E12000002", Role.PLANNER);

    private static final List<String> FILES = List.of("csww_indicators_2017_to_2023.csv", "children_in_need_2013_to_2023.csv");

    private void publish(int lastYear) throws Exception {
        try (Connection owner = TestDatabase.shared().asOwner()) {
            for (String file : FILES) {
                try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/" + file))) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    String kept = text.lines().filter(line -> line.startsWith("time_period")
                                    || Integer.parseInt(line.substring(0, 4)) <= lastYear)
                            .collect(Collectors.joining("\n", "", "\n"));
                    PublishedStatisticsImporter.importFile(owner, file, kept.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private Api.Answer ok(String uri, String token) {
        Api.Answer answer = api.get(uri, token);
        assertEquals(200, answer.status(), uri + ": " + answer.body());
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object map, String name) {
        return (T) ((Map<String, Object>) map).get(name);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void aCouncilPlannerForecastsItsOwnWorkforceWithTheMethodThePooledBacktestChoseAndItsOutOfSampleTrackRecord() throws Exception {
        publish(2023);
        Api.Answer answer = ok("/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte&horizon=3", kentPlanner);
        assertEquals("Kent", field(answer.get("area"), "name"));
        assertEquals("2023", answer.get("origin"), "the latest year with a figure");
        List<Map<String, Object>> points = field(answer.json(), "points");
        assertEquals(List.of("2024", "2025", "2026"), points.stream().map(p -> p.get("period")).toList());
        for (Map<String, Object> p : points) {
            assertTrue(number(p.get("lower95")) <= number(p.get("lower80")) && number(p.get("lower80")) <= number(p.get("value"))
                    && number(p.get("value")) <= number(p.get("upper80")) && number(p.get("upper80")) <= number(p.get("upper95")), p.toString());
        }
        Map<String, Object> backtest = field(answer.json(), "backtest");
        assertEquals(true, backtest.get("outOfSample"));
        assertEquals(4, number(backtest.get("origins")), "origins 2019 to 2022 from seven years");
        assertTrue(backtest.get("pooledOver").toString().endsWith(" authorities"), backtest.get("pooledOver").toString());
        assertTrue(number(backtest.get("coverage80")) > 0.7 && number(backtest.get("coverage95")) > 0.85, backtest.toString());
        List<Map<String, Object>> methods = field(backtest, "methods");
        assertEquals(List.of("naive", "national-trend", "reversion", "drift", "damped-trend", "theta"),
                methods.stream().map(m -> m.get("method")).toList());
        assertEquals(1, methods.stream().filter(m -> Boolean.TRUE.equals(m.get("chosen"))).count());
        // the track record shown for Kent is the nested backtest's, recomputed here from DfE's file alone
        PooledBacktest.Record record = PooledBacktest.run(ForecastAccuracyOnDfeDataTest.published("csww_indicators_2017_to_2023.csv",
                "inpost_fte", true), 2023).record();
        List<Map<String, Object>> shown = field(backtest, "thisArea");
        List<PooledBacktest.Trial> kent = record.of(KENT);
        assertEquals(kent.size(), shown.size());
        for (int i = 0; i < kent.size(); i++) {
            assertEquals(String.valueOf(kent.get(i).origin()), shown.get(i).get("from"));
            assertEquals(String.valueOf(kent.get(i).origin() + kent.get(i).horizon()), shown.get(i).get("year"));
            assertEquals(kent.get(i).method(), shown.get(i).get("method"));
            assertEquals(kent.get(i).forecast(), number(shown.get(i).get("forecast")), 0.05);
            assertEquals(kent.get(i).actual(), number(shown.get(i).get("actual")), 0.05);
        }
        assertEquals(record.relativeToNaive(), number(backtest.get("relativeToNaive")), 0.0005);
        Map<String, Object> method = field(answer.json(), "method");
        assertFalse(method.get("reason").toString().isBlank());
        Map<String, Object> coverage = field(answer.json(), "coverage");
        assertEquals("2017", coverage.get("first"));
        assertEquals(7, number(coverage.get("years")));
    }

    @Test
    void aCouncilsOwnReturnForALaterYearExtendsDfesSeriesAndTheMissingYearIsBridged() throws Exception {
        publish(2023);
        String kentSubmitter = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
        List<Map<String, Object>> figures = exchange.workforce.support.ReturnFixtures.kentFigures();
        Api.Answer stored = api.post("/api/v1/returns", kentSubmitter, exchange.workforce.support.ReturnFixtures.censusReturn("2025", figures));
        assertEquals(201, stored.status(), stored.body());
        Api.Answer answer = ok("/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte&horizon=2", kentPlanner);
        assertEquals("2025", answer.get("origin"), "the council's own latest year");
        Map<String, Object> coverage = field(answer.json(), "coverage");
        assertEquals("2017", coverage.get("first"), "DfE's years are kept: " + coverage);
        assertEquals(8, number(coverage.get("years")), "2017 to 2023 and 2025");
        assertTrue(coverage.get("note").toString().contains("1 year without a figure bridged"), coverage.toString());
        List<Map<String, Object>> history = field(answer.json(), "history");
        Map<String, Object> gap = history.stream().filter(h -> "2024".equals(h.get("period"))).findFirst().orElseThrow();
        assertEquals(false, gap.get("used"));
        assertTrue(gap.get("note").toString().contains("bridges the gap"), gap.toString());
        List<Map<String, Object>> points = field(answer.json(), "points");
        assertEquals(List.of("2026", "2027"), points.stream().map(p -> p.get("period")).toList());
        assertTrue(points.get(0).get("lower80") != null, "an interval, from the pooled backtest: " + points.get(0));

        // the region's 2025 is Kent's return alone: never the region's figure, so the region is forecast from DfE's 2023
        Api.Answer region = ok("/api/v1/forecasts?area=" + SOUTH_EAST + "&measure=inpost_fte&horizon=2", southEastPlanner);
        assertEquals("2023", region.get("origin"), region.body());
        List<Map<String, Object>> regionHistory = field(region.json(), "history");
        regionHistory.stream().filter(h -> "2025".equals(h.get("period"))).findFirst().ifPresent(y2025 -> {
            assertEquals(false, y2025.get("used"));
            assertTrue(y2025.get("note").toString().contains("covers only part of the group"), y2025.toString());
        });
    }

    @Test
    void aForecastFromAnOriginIsTheSameWhetherOrNotLaterYearsAreLoaded() throws Exception {
        List<String> questions = List.of(
                "/api/v1/forecasts?area=" + SOUTH_EAST + "&measure=inpost_fte&origin=2021&horizon=3",
                "/api/v1/forecasts?area=england&measure=turnover_rate_fte&origin=2021&horizon=2",
                "/api/v1/forecasts?area=" + KENT + "&measure=required_fte&origin=2021&horizon=3",
                "/api/v1/forecasts?area=" + KENT + "&measure=at31_episodes&origin=2021&horizon=3",
                "/api/v1/forecasts/plan?area=" + KENT + "&origin=2021&horizon=3");
        publish(2023);
        List<String> withLaterYears = questions.stream().map(q -> ok(q, kentPlanner).body()).toList();
        TestDatabase.shared().clean();
        publish(2021);
        List<String> without = questions.stream().map(q -> ok(q, kentPlanner).body()).toList();
        for (int i = 0; i < questions.size(); i++) {
            assertEquals(withLaterYears.get(i), without.get(i), questions.get(i));
        }
    }

    @Test
    void theRegionsForecastIsDfesPublishedRegionalSeriesAndSaysWhatItCovers() throws Exception {
        publish(2023);
        Api.Answer answer = ok("/api/v1/forecasts?area=" + SOUTH_EAST + "&measure=inpost_fte", surreyPlanner);
        List<Map<String, Object>> history = field(answer.json(), "history");
        Map<String, Object> y2023 = history.stream().filter(h -> "2023".equals(h.get("period"))).findFirst().orElseThrow();
        assertEquals(4785.8, number(y2023.get("value")), 1e-9, "DfE's published South East figure");
        assertEquals("region", field(answer.get("area"), "level"));
        assertTrue(field(answer.get("coverage"), "note").toString().contains("each covering the whole area"));
        assertEquals("9 regions and England", field(answer.get("backtest"), "pooledOver"), "learnt from every region and England");
    }

    @Test
    void aPlannerCannotForecastAnotherCouncilAndACouncilsDirectorReadsItsOwnForecastsAndChangesNothing() throws Exception {
        publish(2023);
        Api.Answer surreyOnKent = api.get("/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte", surreyPlanner);
        assertEquals(403, surreyOnKent.status(), surreyOnKent.body());
        assertTrue(surreyOnKent.body().contains("You cannot forecast Kent"), surreyOnKent.body());
        assertFalse(surreyOnKent.body().contains("\"points\""));
        assertEquals(403, api.get("/api/v1/forecasts/plan?area=" + KENT, surreyPlanner).status());
        assertEquals(403, api.get("/api/v1/forecasts?area=" + KENT + "&measure=required_fte", surreyPlanner).status());
        assertEquals(200, api.get("/api/v1/forecasts?area=" + KENT, kentDcs).status(), "Kent's Director reads Kent's forecast");
        assertEquals(200, api.get("/api/v1/forecasts/plan?area=" + KENT, kentDcs).status(), "and its plan");
        assertEquals(403, api.get("/api/v1/forecasts?area=" + SURREY, kentDcs).status(), "not another council's");
        assertEquals(403, api.get("/api/v1/forecasts?area=" + SOUTH_EAST, kentDcs).status(), "region forecasts are for planners");
        Api.Answer save = api.post("/api/v1/forecasts/scenarios", kentDcs, Map.of("name", "Mine", "turnoverReductionPoints", 3));
        assertEquals(403, save.status(), "a Director reads; planners save scenarios: " + save.body());
        String kentSubmitter = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
        assertEquals(403, api.get("/api/v1/forecasts?area=" + KENT, kentSubmitter).status(), "a submitter is not a reader of forecasts");
        assertEquals(200, api.get("/api/v1/forecasts?area=" + KENT, southEastPlanner).status(), "Kent is a South East member");
        assertEquals(403, api.get("/api/v1/forecasts?area=" + KENT, northWestPlanner).status(), "not the North West's member");
        assertEquals(200, api.get("/api/v1/forecasts?area=england", surreyPlanner).status());
    }

    @Test
    void aPlannerComparesSavedScenariosSideBySideAndDownloadsTheForecastAndThePlan() throws Exception {
        publish(2023);
        String retention = api.post("/api/v1/forecasts/scenarios", kentPlanner, Map.of("name", "Turnover down 3 points",
                "turnoverReductionPoints", 3)).get("id").toString();
        String growth = api.post("/api/v1/forecasts/scenarios", kentPlanner, Map.of("name", "Ten more newly qualified",
                "extraNewlyQualifiedFte", 10)).get("id").toString();
        Api.Answer compared = ok("/api/v1/forecasts/compare?area=" + KENT + "&horizon=3&scenarios=" + retention + "," + growth, kentPlanner);
        List<Map<String, Object>> options = field(compared.json(), "options");
        assertEquals(List.of("Baseline", "Turnover down 3 points", "Ten more newly qualified"), options.stream().map(o -> o.get("name")).toList());
        List<Map<String, Object>> years = field(compared.json(), "years");
        assertEquals(List.of("2024", "2025", "2026"), years.stream().map(y -> y.get("period")).toList());
        List<Map<String, Object>> first = field(years.get(0), "options");
        assertTrue(number(first.get(1).get("inpostFte")) > number(first.get(0).get("inpostFte")), "lower turnover keeps more: " + first);
        assertTrue(number(first.get(2).get("inpostFte")) > number(first.get(0).get("inpostFte")), "more starters: " + first);
        assertEquals(404, api.get("/api/v1/forecasts/compare?area=" + SURREY + "&scenarios=" + retention, surreyPlanner).status(),
                "another council's scenario is not there for Surrey");
        assertEquals(422, api.get("/api/v1/forecasts/compare?area=" + KENT, kentPlanner).status(), "at least one scenario");

        Api.Answer csv = ok("/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte&horizon=3&format=csv", kentPlanner);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertTrue(lines.get(0).startsWith("area_code,area_name,measure,unit,period,kind,value"), lines.get(0));
        assertEquals(1 + 7 + 3, lines.size(), "a header, seven observed years and three forecast: " + lines);
        assertTrue(lines.get(lines.size() - 1).startsWith("E10000016,Kent,inpost_fte,fte,2026,forecast,"), lines.get(lines.size() - 1));
        Api.Answer planCsv = ok("/api/v1/forecasts/plan?area=" + KENT + "&format=csv", kentPlanner);
        assertTrue(planCsv.body().contains("required_fte") && planCsv.body().contains(",projected,"), planCsv.body());
        assertTrue(ok("/api/v1/forecasts/compare?area=" + KENT + "&format=csv&scenarios=" + retention, kentPlanner).body()
                .contains("Turnover down 3 points"));

        String cookie = session(kentPlanner);
        String page = api.send(io.micronaut.http.HttpRequest.GET("/forecasts?area=" + KENT + "&compare=" + retention + "&compare=" + growth)
                .accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE).cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, cookie))).body();
        assertTrue(page.contains("Scenarios side by side") && page.contains("Ten more newly qualified: in post"), page);
        assertTrue(page.contains("/forecasts/download?"), "the page links its CSV");
        Api.Answer download = api.send(io.micronaut.http.HttpRequest.GET("/forecasts/plan/download?area=" + KENT)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, cookie)));
        assertEquals(200, download.status());
        assertTrue(download.body().contains("inpost_fte,baseline_inpost_fte"), download.body());
    }

    @Test
    void aScenarioBelongsToItsCouncilAndNoOtherCouncilCanReadOrUseIt() throws Exception {
        publish(2023);
        Api.Answer saved = api.post("/api/v1/forecasts/scenarios", kentPlanner, Map.of("name", "Turnover down 3 points",
                "turnoverReductionPoints", 3));
        assertEquals(201, saved.status(), saved.body());
        String id = saved.get("id").toString();
        assertEquals("turnover 3 points lower", saved.get("changes"));
        assertTrue(ok("/api/v1/forecasts/scenarios", kentPlanner).body().contains(id));
        assertFalse(ok("/api/v1/forecasts/scenarios", surreyPlanner).body().contains(id));
        assertFalse(ok("/api/v1/forecasts/scenarios", southEastPlanner).body().contains(id), "a council's scenario is not the region's");
        Api.Answer used = api.get("/api/v1/forecasts?area=england&scenario=" + id, surreyPlanner);
        assertEquals(404, used.status(), used.body());
        try (Connection owner = TestDatabase.shared().asOwner(); Statement s = owner.createStatement();
             ResultSet audit = s.executeQuery("select count(*) from audit_event where action = 'SCENARIO_SAVED' and target_id = '" + id + "'")) {
            audit.next();
            assertEquals(1, audit.getInt(1));
        }
    }

    @Test
    void turnoverThreePointsLowerRaisesTheProjectedWorkforceAsTheStockFlowFormulaSays() throws Exception {
        publish(2023);
        String id = api.post("/api/v1/forecasts/scenarios", kentPlanner, Map.of("name", "Retention", "turnoverReductionPoints", 3))
                .get("id").toString();
        Map<String, Object> baseline = yearOf(ok("/api/v1/forecasts/plan?area=" + KENT + "&horizon=2", kentPlanner), "2024");
        Map<String, Object> scenario = yearOf(ok("/api/v1/forecasts/plan?area=" + KENT + "&horizon=2&scenario=" + id, kentPlanner), "2024");
        double s = number(baseline.get("inpostFte"));
        double r = number(baseline.get("turnoverRate")) / 100;
        double byHand = s * (1 + r) / (1 + r - 0.03);
        assertEquals(byHand, number(scenario.get("inpostFte")), 0.5, "S' = S(1 + r) / (1 + r − 0.03) from the plan's rounded figures");
        assertEquals(s, number(scenario.get("baselineInpostFte")), 1e-9);
        assertEquals(number(baseline.get("turnoverRate")) - 3, number(scenario.get("turnoverRate")), 0.11);
        Api.Answer forecast = ok("/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte&horizon=2&scenario=" + id, kentPlanner);
        Map<String, Object> first = this.<List<Map<String, Object>>>field(forecast.json(), "points").get(0);
        assertEquals(number(scenario.get("inpostFte")), number(first.get("value")), 1e-9);
        assertEquals(s, number(first.get("baseline")), 1e-9);
        assertNotNull(forecast.get("scenario"));
    }

    private Map<String, Object> yearOf(Api.Answer plan, String period) {
        List<Map<String, Object>> years = field(plan.json(), "years");
        return years.stream().filter(y -> period.equals(y.get("period"))).findFirst().orElseThrow(() -> new AssertionError(plan.body()));
    }

    @Test
    void thePlanShowsDfesFlowsWithTheOtherMovementsTheyLeaveAndTheGapAtTheOriginIsTheAgencyWorkforce() throws Exception {
        publish(2023);
        Api.Answer plan = ok("/api/v1/forecasts/plan?area=england", southEastPlanner);
        Map<String, Object> y2023 = yearOf(plan, "2023");
        Map<String, Object> y2022 = yearOf(plan, "2022");
        // DfE 2023: 33,119.1 in post, 6,027.5 starters, 5,254.6 leavers; 2022: 31,634.1
        double other = 33119.1 - 31634.1 - 6027.5 + 5254.6;
        assertEquals(other, number(y2023.get("otherMovementsFte")), 0.06);
        assertEquals(31634.1, number(y2022.get("inpostFte")), 1e-9);
        assertEquals(7178.5, number(y2023.get("gapFte")), 0.06, "required = in post + agency at the origin's own caseload");
        assertEquals(7178.5 / (33119.1 + 7178.5) * 100, number(y2023.get("agencyShareNeededPercent")), 0.06);
        Map<String, Object> y2024 = yearOf(plan, "2024");
        assertEquals(true, y2024.get("projected"));
        assertNotNull(y2024.get("requiredFte"));
        assertNull(y2022.get("requiredFte"), "observed years before the origin have no required FTE");
    }

    @Test
    void badQuestionsAreAnsweredWithWhatWouldBeValidNeverAServerError() throws Exception {
        publish(2023);
        Map<String, String> expectations = Map.of(
                "/api/v1/forecasts?area=" + KENT + "&measure=inpost_ftee", "did you mean",
                "/api/v1/forecasts?area=" + KENT + "&origin=21", "give the last year to use as YYYY",
                "/api/v1/forecasts?area=" + KENT + "&horizon=0", "1 to 10",
                "/api/v1/forecasts?area=E99999999", "is not an authority, a region or england",
                "/api/v1/forecasts?area=" + KENT + "&origin=2012", "there is no figure",
                "/api/v1/forecasts?measure=inpost_fte", "say what to forecast",
                "/api/v1/forecasts?area=" + KENT + "&measure=caseload_fte&scenario=00000000-0000-0000-0000-000000000000", "no scenario");
        for (Map.Entry<String, String> e : expectations.entrySet()) {
            Api.Answer answer = api.get(e.getKey(), kentPlanner);
            assertTrue(answer.status() == 422 || answer.status() == 404, e.getKey() + " → " + answer.status() + " " + answer.body());
            assertTrue(answer.body().contains(e.getValue()), e.getKey() + " → " + answer.body());
        }
        Api.Answer empty = api.post("/api/v1/forecasts/scenarios", kentPlanner, Map.of("name", "Nothing"));
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("A scenario changes something"), empty.body());
        Api.Answer tooMuch = api.post("/api/v1/forecasts/scenarios", kentPlanner, Map.of("name", "x", "agencyConversionPercent", 140));
        assertEquals(422, tooMuch.status());
        assertTrue(tooMuch.body().contains("0 to 100"), tooMuch.body());
    }

    @Test
    void theScenarioFormRefusesOutOfRangeChangesOnThePageNeverAsAServerError() {
        String session = session(kentPlanner);
        String csrf = exchange.workforce.web.Csrf.forSession(session);
        io.micronaut.http.MutableHttpRequest<String> post = io.micronaut.http.HttpRequest.POST("/forecasts/scenarios",
                        "csrf=" + csrf + "&name=Huge&turnoverReductionPoints=999&return-area=" + KENT + "&return-measure=inpost_fte")
                .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session));
        Api.Answer answer = api.send(post);
        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.body().contains("give -20 to 20 percentage points"), answer.body());
        assertEquals("[]", api.get("/api/v1/forecasts/scenarios", kentPlanner).body().replace(" ", ""), "nothing was stored");
    }
}
