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
    void aCouncilPlannerForecastsItsOwnWorkforceWithTheMethodItsBacktestChoseAndTheIntervalsFromItsErrors() throws Exception {
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
        assertEquals(3, number(backtest.get("origins")), "origins 2020, 2021 and 2022 from seven years");
        assertEquals(6, number(backtest.get("forecasts")));
        assertTrue(number(backtest.get("relativeToNaive")) <= 1.0, backtest.toString());
        List<Map<String, Object>> methods = field(backtest, "methods");
        assertEquals(List.of("naive", "drift", "damped-trend", "theta"), methods.stream().map(m -> m.get("method")).toList());
        assertEquals(1, methods.stream().filter(m -> Boolean.TRUE.equals(m.get("chosen"))).count());
        Map<String, Object> method = field(answer.json(), "method");
        assertFalse(method.get("reason").toString().isBlank());
        Map<String, Object> coverage = field(answer.json(), "coverage");
        assertEquals("2017", coverage.get("first"));
        assertEquals(7, number(coverage.get("years")));
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
    }

    @Test
    void aPlannerCannotForecastAnotherCouncilAndOnlyPlannersForecastAtAll() throws Exception {
        publish(2023);
        Api.Answer surreyOnKent = api.get("/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte", surreyPlanner);
        assertEquals(403, surreyOnKent.status(), surreyOnKent.body());
        assertTrue(surreyOnKent.body().contains("You cannot forecast Kent"), surreyOnKent.body());
        assertFalse(surreyOnKent.body().contains("\"points\""));
        assertEquals(403, api.get("/api/v1/forecasts/plan?area=" + KENT, surreyPlanner).status());
        assertEquals(403, api.get("/api/v1/forecasts?area=" + KENT + "&measure=required_fte", surreyPlanner).status());
        assertEquals(403, api.get("/api/v1/forecasts?area=" + KENT, kentDcs).status(), "not a planner");
        assertEquals(200, api.get("/api/v1/forecasts?area=" + KENT, southEastPlanner).status(), "Kent is a South East member");
        assertEquals(403, api.get("/api/v1/forecasts?area=" + KENT, northWestPlanner).status(), "not the North West's member");
        assertEquals(200, api.get("/api/v1/forecasts?area=england", surreyPlanner).status());
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
