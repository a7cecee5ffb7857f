package exchange.workforce.benchmark;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static exchange.workforce.support.ReturnFixtures.uploadTemplateFilledIn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention levers, theme by theme, as the people who meet them: Kent fills its figures into the census-year
 * template and uploads it, and sees them on its council page beside its region; Surrey, a member of the same memorandum, sees them
 * benchmarked with Kent named; Essex, in another region, never sees Kent's name or figure, before or after the South
 * East releases the year (one council's figure is its own, however it is grouped).
 */
@MicronautTest(transactional = false)
class RetentionLeversByThemeTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SOUTH_EAST = "E12000008";

    record Theme(String theme, String heading, String measure, String label, List<Map<String, Object>> figures, String shown) {
    }

    static Stream<Theme> themes() {
        return Stream.of(
                new Theme("voice", "Workforce voice and wellbeing", "staff_survey_response_rate", "Staff survey response rate",
                        List.of(figure("staff_survey_invited", 437), figure("staff_survey_responses", 311), figure("staff_survey_would_recommend", 173),
                                figure("wellbeing_score", 6.3)), "71.2%"),
                new Theme("supervision", "Supervision", "supervision_on_time_rate", "Supervisions held on time",
                        List.of(figure("supervisions_due", 5213), figure("supervisions_on_time", 4477), figure("reflective_supervision_offered", 389),
                                figure("nqsw_protected_caseload", 47)), "85.9%"),
                new Theme("progression", "Progression", "aspiring_manager_places", "Aspiring-manager programme places",
                        List.of(figure("aspiring_manager_places", 17), figure("promotions", "promotion_step", "SOCIAL_WORKER_TO_SENIOR", 23)), "17"),
                new Theme("pay", "Pay", "retention_payments_cost", "Cost of retention payments",
                        List.of(figure("market_supplements", 141), figure("market_supplements_cost", 423117.00), figure("retention_payments", 66),
                                figure("retention_payments_cost", 198763.50)), "£198,763.50"),
                new Theme("exit", "Leaving: exit interviews and destinations", "exit_interview_rate", "Leavers who had an exit interview",
                        List.of(figure("exit_interviews_held", 41), figure("leavers_by_destination", "leaving_destination", "AGENCY_WORK", 9),
                                figure("leavers_by_destination", "leaving_destination", "ANOTHER_COUNCIL_IN_REGION", 14)), "65.1%"),
                new Theme("pay", "Pay", "pay_median_social_worker", "Median actual pay: Social worker (case holder)",
                        List.of(figure("pay_band_minimum_social_worker", 37938), figure("pay_band_maximum_social_worker", 43693),
                                figure("pay_median_social_worker", 39512)), "£39,512"),
                new Theme("diversity", "Equality and diversity", "ethnic_minority_rate", "Social workers from ethnic minority backgrounds",
                        List.of(figure("inpost_headcount_ethnicity_known", 412), figure("inpost_headcount_ethnic_minority", 97),
                                figure("inpost_headcount_characteristics", 480),
                                figure("inpost_headcount_characteristics", "ethnicity_major", "WHITE", 315),
                                figure("inpost_headcount_characteristics", "ethnicity_major", "BLACK", 52),
                                figure("inpost_headcount_characteristics", "ethnicity_major", "ASIAN", 31),
                                figure("inpost_headcount_characteristics", "ethnicity_major", "MIXED", 9),
                                figure("inpost_headcount_characteristics", "ethnicity_major", "OTHER", 5),
                                figure("inpost_headcount_characteristics", "ethnicity_major", "NOT_KNOWN", 68),
                                figure("population_ethnic_minority_rate", 10.7)), "23.5%"),
                new Theme("pipeline", "Pipeline: students, trainees and newly qualified social workers", "students_on_placement",
                        "Social work students on placement", List.of(figure("students_on_placement", 61), figure("apprentices", 29),
                        figure("step_up_participants", 13), figure("frontline_participants", 11), figure("return_to_practice_joiners", 3),
                        figure("overseas_recruits", 19)), "61"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("themes")
    void kentReturnsItsFiguresSeesThemOnItsPageSurreySeesThemNamedAndEssexNeverSeesKents(Theme theme) {
        String kentLead = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER);
        List<Map<String, Object>> figures = new java.util.ArrayList<>(kentFigures());
        figures.addAll(theme.figures());
        Api.Answer stored = uploadTemplateFilledIn(api, kentLead, "2025", figures);
        assertEquals(201, stored.status(), "Kent fills in the census-year template and uploads it: " + stored.body());

        Api.Answer measures = api.get("/api/v1/measures", kentLead);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) measures.get("measures");
        assertEquals(theme.theme(), listed.stream().filter(m -> theme.measure().equals(m.get("code"))).findFirst().orElseThrow().get("theme"),
                "GET /api/v1/measures gives each measure its theme");

        String page = api.send(HttpRequest.GET("/council").accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(
                exchange.workforce.web.SessionCookie.NAME, session(kentLead)))).body().replace("&#39;", "'");
        String section = page.substring(page.indexOf("id=\"lever-" + theme.theme() + "\""));
        assertTrue(section.contains(theme.heading()) || page.contains(theme.heading()), theme.heading());
        assertTrue(section.contains(theme.label()) && section.contains(theme.shown()), "Kent's " + theme.label() + " on its page: " + section.substring(0, Math.min(2000, section.length())));

        String surrey = Tokens.authorityUser("surrey-viewer", "E10000030", Role.AUTHORITY_VIEWER);
        String named = api.get("/api/v1/benchmarks?group=region:" + SOUTH_EAST + "&period=2025&measures=" + theme.measure(), surrey).body();
        assertTrue(named.contains("\"name\":\"Kent\""), "a member of the same memorandum sees Kent named: " + named);

        if (RetentionLevers.HEADLINES.contains(theme.measure())) {
            String dashboard = api.send(HttpRequest.GET("/dashboard?period=2025").accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(
                    exchange.workforce.web.SessionCookie.NAME, session(Tokens.regionalUser("se-viewer", SOUTH_EAST, Role.REGIONAL_VIEWER))))).body();
            String summary = dashboard.substring(dashboard.indexOf("id=\"levers-summary\""));
            String row = summary.substring(summary.indexOf(theme.label()));
            assertTrue(row.substring(0, row.indexOf("</tr>")).contains("1 of 19"),
                    "the regional dashboard's lever summary counts Kent's return: " + row.substring(0, Math.min(600, row.length())));
        }

        String essex = Tokens.authorityUser("essex-viewer", "E10000012", Role.AUTHORITY_VIEWER);
        String value = theme.shown().replace("£", "").replace(",", "").replace("%", "");
        for (boolean released : List.of(false, true)) {
            if (released) {
                assertEquals(201, api.post("/api/v1/region/releases/CENSUS_YEAR/2025", Tokens.regionalUser("se-admin", SOUTH_EAST, Role.REGION_ADMIN),
                        Map.of()).status());
            }
            Api.Answer outside = api.get("/api/v1/benchmarks?group=region:" + SOUTH_EAST + "&period=2025&measures=" + theme.measure(), essex);
            assertEquals(200, outside.status(), outside.body());
            assertFalse(outside.body().contains("Kent") || outside.body().contains(KENT), "Kent is never named outside its memorandum");
            assertFalse(outside.body().contains(":" + value + ",") || outside.body().contains(":" + value + "}"),
                    (released ? "after" : "before") + " release, one council's figure is not shown as the group's: " + outside.body());
        }
    }
}
