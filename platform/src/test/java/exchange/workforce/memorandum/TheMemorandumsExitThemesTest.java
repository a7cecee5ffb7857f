package exchange.workforce.memorandum;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every member codes its leavers' reasons to one list its memorandum administrator keeps: the catalogue's starting
 * list until the South East records its own; then Kent's return is checked against the new list (an old code is refused
 * with the valid ones named), its template lists the new codes, Surrey reads the same list, Essex (another region)
 * still the starting list; earlier versions are kept; only the South East's administrator may record one.
 */
@MicronautTest(transactional = false)
class TheMemorandumsExitThemesTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SOUTH_EAST = "E12000008";

    final String kentLead = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER);
    final String surrey = Tokens.authorityUser("surrey-viewer", "E10000030", Role.AUTHORITY_VIEWER);
    final String essex = Tokens.authorityUser("essex-viewer", "E10000012", Role.AUTHORITY_VIEWER);
    final String seAdmin = Tokens.regionalUser("se-admin", SOUTH_EAST, Role.REGION_ADMIN);
    final String seViewer = Tokens.regionalUser("se-viewer", SOUTH_EAST, Role.REGIONAL_VIEWER);

    private Api.Answer kentReturns(String theme) {
        List<Map<String, Object>> figures = new java.util.ArrayList<>(kentFigures());
        figures.addAll(List.of(figure("exit_interviews_held", 41), figure("leavers_by_exit_theme", 30),
                figure("leavers_by_exit_theme", "exit_theme", "PAY", 19), figure("leavers_by_exit_theme", "exit_theme", theme, 11)));
        Map<String, Object> body = new java.util.HashMap<>(censusReturn("2025", figures));
        body.put("reason", "exit themes");
        return api.post("/api/v1/returns", kentLead, body);
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Api.Answer list) {
        return ((List<Map<String, Object>>) list.get("themes")).stream().map(t -> t.get("code").toString()).toList();
    }

    @Test
    void membersCodeExitsToTheListTheirAdministratorKeepsAndNoOneElseChangesIt() {
        Api.Answer starting = api.get("/api/v1/exit-themes", kentLead);
        assertEquals(0, starting.get("version"), starting.body());
        assertTrue(codes(starting).containsAll(List.of("PAY", "CASELOAD", "RELOCATION", "LEAVING_THE_PROFESSION")), starting.body());
        assertEquals(201, kentReturns("RELOCATION").status(), "the starting list's codes are accepted");

        assertEquals(403, api.post("/api/v1/region/exit-themes", kentLead, Map.of("themes", List.of("Pay", "Other"))).status(), "a council cannot");
        assertEquals(403, api.post("/api/v1/region/exit-themes", seViewer, Map.of("themes", List.of("Pay", "Other"))).status(), "nor a viewer");
        Api.Answer tooFew = api.post("/api/v1/region/exit-themes", seAdmin, Map.of("themes", List.of("Pay", "  ")));
        assertEquals(422, tooFew.status(), tooFew.body());
        assertTrue(tooFew.body().contains("between 2 and 40 themes, one a line; 1 was given"), tooFew.body());
        Api.Answer twice = api.post("/api/v1/region/exit-themes", seAdmin, Map.of("themes", List.of("Pay", "  ", "pay!")));
        assertEquals(422, twice.status(), twice.body());
        assertTrue(twice.body().contains("Theme 2") && twice.body().contains("is the same as theme 1 (both are coded PAY)"), twice.body());

        Api.Answer first = api.post("/api/v1/region/exit-themes", seAdmin, Map.of("themes",
                List.of("Pay", "Caseload too high", "Management and support", "Flexible working", "Leaving the profession", "Other")));
        assertEquals(201, first.status(), first.body());
        assertEquals(1, first.get("version"));
        assertEquals(List.of("PAY", "CASELOAD_TOO_HIGH", "MANAGEMENT_AND_SUPPORT", "FLEXIBLE_WORKING", "LEAVING_THE_PROFESSION", "OTHER"), codes(first));

        Api.Answer refused = kentReturns("RELOCATION");
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("'RELOCATION' is not a exit_theme on your memorandum's list") && refused.body().contains("CASELOAD_TOO_HIGH"),
                "the code no longer on the list is refused, naming the list's codes: " + refused.body());
        assertEquals(201, kentReturns("CASELOAD_TOO_HIGH").status());
        String template = api.get("/api/v1/returns/templates/CENSUS_YEAR.csv", kentLead).body();
        assertTrue(template.contains("exit_theme=CASELOAD_TOO_HIGH") && !template.contains("exit_theme=RELOCATION"), "the template lists the region's codes");

        assertEquals(1, api.get("/api/v1/exit-themes", surrey).get("version"), "the same list for every member");
        assertEquals(0, api.get("/api/v1/exit-themes", essex).get("version"), "another region's list is its own");
        assertTrue(codes(api.get("/api/v1/exit-themes", essex)).contains("RELOCATION"));

        Api.Answer noReason = api.post("/api/v1/region/exit-themes", seAdmin, Map.of("themes", List.of("Pay", "Other")));
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("Say why the list is changing"), noReason.body());

        String session = session(seAdmin);
        String form = "csrf=" + exchange.workforce.web.Csrf.forSession(session) + "&themes="
                + URLEncoder.encode("Pay\r\nCaseload too high\r\nRelocation\r\nOther", StandardCharsets.UTF_8) + "&reason="
                + URLEncoder.encode("Relocation back, as members asked", StandardCharsets.UTF_8);
        Api.Answer page = api.send(HttpRequest.POST("/region/exit-themes", form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(exchange.workforce.web.SessionCookie.NAME, session)));
        assertEquals(200, page.status(), "recorded on the page, then the page again: " + page.body());
        assertTrue(page.body().contains("exit_theme=RELOCATION") && page.body().contains("Relocation back, as members asked"), page.body());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>) (Object) json(api.get("/api/v1/region/exit-themes", seViewer));
        assertEquals(List.of(2, 1, 0), versions.stream().map(v -> v.get("version")).toList(), "every version kept, newest first");
        assertFalse(page.body().contains("There is a problem"));
    }

    private Object json(Api.Answer answer) {
        try {
            return this.json.readValue(answer.body(), Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
