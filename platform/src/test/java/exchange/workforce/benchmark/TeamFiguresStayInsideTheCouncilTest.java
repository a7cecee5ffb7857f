package exchange.workforce.benchmark;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures by team and office stay inside the council unless it chooses to share them with its memorandum, and never go
 * to anyone else: Kent returns them and reads them on its page; Surrey (Kent's memorandum) and the South East's
 * administrator see nothing of them until Kent shares them, then see them named, and nothing again once Kent takes
 * them back; Essex (another region) sees nothing of them before or after the South East releases the year.
 */
@MicronautTest(transactional = false)
class TeamFiguresStayInsideTheCouncilTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SOUTH_EAST = "E12000008";
    static final String TEAM_VACANCIES = "/api/v1/benchmarks?group=region:" + SOUTH_EAST + "&period=2025&measures=team_vacancy_fte";

    final String kentLead = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER);
    final String kentViewer = Tokens.authorityUser("kent-viewer", KENT, Role.AUTHORITY_VIEWER);
    final String surrey = Tokens.authorityUser("surrey-viewer", "E10000030", Role.AUTHORITY_VIEWER);
    final String southEast = Tokens.regionalUser("se-viewer", SOUTH_EAST, Role.REGIONAL_VIEWER);
    final String essex = Tokens.authorityUser("essex-viewer", "E10000012", Role.AUTHORITY_VIEWER);

    private void kentReturnsItsTeams() {
        List<Map<String, Object>> figures = new java.util.ArrayList<>(kentFigures());
        figures.addAll(List.of(figure("team_vacancy_fte", 17.3),
                figure("team_vacancy_fte", "team_type", "ASSESSMENT", 9.4), figure("team_vacancy_fte", "team_type", "CHILDREN_IN_CARE", 7.9),
                figure("team_vacancy_fte", "office", "MAIDSTONE", 11.1), figure("team_vacancy_fte", "office", "THANET", 6.2),
                figure("team_cases", 3117), figure("team_case_holders_fte", 167.0)));
        Api.Answer stored = exchange.workforce.support.ReturnFixtures.uploadTemplateFilledIn(api, kentLead, "2025", figures);
        assertEquals(201, stored.status(), "Kent fills in the template, adding its offices' rows: " + stored.body());
    }

    private String page(String path, String token) {
        return api.send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(exchange.workforce.web.SessionCookie.NAME,
                session(token)))).body();
    }

    private static boolean showsKents(String answer) {
        return answer.contains("17.3") || answer.contains("MAIDSTONE") || answer.contains("9.4");
    }

    @Test
    void kentSeesItsTeamsItsMemorandumOnlyOnceKentSharesThemAndNoOneElseEver() {
        kentReturnsItsTeams();

        String own = page("/council", kentViewer);
        String teams = own.substring(own.indexOf("id=\"lever-teams\""));
        assertTrue(teams.contains("17.3") && teams.contains("Maidstone") && teams.contains("Thanet") && teams.contains("Children in care"),
                "Kent reads its vacancies by team type and by office on its page: " + teams.substring(0, Math.min(3000, teams.length())));
        assertTrue(teams.contains("stay inside your") && !teams.contains("Save who sees them"),
                "a viewer is told they stay inside the council, and cannot change it");
        assertEquals(200, api.get(TEAM_VACANCIES, kentLead).status());
        assertTrue(api.get(TEAM_VACANCIES, kentLead).body().contains("17.3"), "Kent's own benchmark holds its own figure");

        for (String inside : List.of(surrey, southEast)) {
            Api.Answer answer = api.get(TEAM_VACANCIES, inside);
            assertEquals(200, answer.status(), answer.body());
            assertFalse(showsKents(answer.body()), "kept inside Kent until it shares them: " + answer.body());
            assertFalse(showsKents(api.get(TEAM_VACANCIES + "&breakdown=office", inside).body()), "nor by office");
        }

        assertEquals(Map.of("authorityCode", KENT, "sharedWithMemorandum", false),
                without(api.get("/api/v1/council/team-figures-sharing", kentViewer).json(), "decidedBy", "decidedAt"));
        assertEquals(403, api.put("/api/v1/council/team-figures-sharing", kentViewer, Map.of("sharedWithMemorandum", true)).status(),
                "a viewer cannot share the council's figures");
        assertEquals(422, api.put("/api/v1/council/team-figures-sharing", kentLead, Map.of()).status(), "a choice must be made");
        shareOnThePage(true);

        for (String inside : List.of(surrey, southEast)) {
            String answer = api.get(TEAM_VACANCIES, inside).body();
            assertTrue(answer.contains("\"name\":\"Kent\"") && answer.contains("17.3"), "shared: Kent's memorandum sees it named: " + answer);
            assertTrue(api.get(TEAM_VACANCIES + "&breakdown=office", inside).body().contains("office=MAIDSTONE"), "and by office");
        }
        for (boolean released : List.of(false, true)) {
            if (released) {
                assertEquals(201, api.post("/api/v1/region/releases/CENSUS_YEAR/2025", Tokens.regionalUser("se-admin", SOUTH_EAST, Role.REGION_ADMIN),
                        Map.of()).status());
            }
            for (String path : List.of(TEAM_VACANCIES, TEAM_VACANCIES + "&breakdown=office", TEAM_VACANCIES + "&breakdown=team_type",
                    "/api/v1/benchmarks?group=england&period=2025&measures=team_vacancy_fte,team_caseload")) {
                Api.Answer outside = api.get(path, essex);
                assertEquals(200, outside.status(), outside.body());
                assertFalse(showsKents(outside.body()) || outside.body().contains("Kent") || outside.body().contains(KENT),
                        (released ? "after" : "before") + " release, never outside Kent's memorandum: " + outside.body());
            }
        }

        shareOnThePage(false);
        assertFalse(showsKents(api.get(TEAM_VACANCIES, surrey).body()), "taken back: Kent's memorandum sees them no more");
        assertTrue(api.get(TEAM_VACANCIES, kentLead).body().contains("17.3"), "Kent still does");
    }

    private void shareOnThePage(boolean shared) {
        String session = session(kentLead);
        Api.Answer saved = api.send(HttpRequest.POST("/council/team-figures-sharing", "csrf=" + exchange.workforce.web.Csrf.forSession(session)
                        + "&shared=" + shared).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(exchange.workforce.web.SessionCookie.NAME, session)));
        assertEquals(200, saved.status(), "saved, then the council's page again (the client follows the 303): " + saved.body());
        assertTrue(saved.body().contains(shared ? "shares its figures by team and office" : "stay inside your"), "the page says who sees them");
        assertEquals(shared, api.get("/api/v1/council/team-figures-sharing", kentLead).get("sharedWithMemorandum"));
    }

    private static Map<String, Object> without(Map<String, Object> json, String... keys) {
        Map<String, Object> copy = new java.util.HashMap<>(json);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }
}
