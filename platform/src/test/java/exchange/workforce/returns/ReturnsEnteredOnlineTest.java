package exchange.workforce.returns;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A return entered section by section (the online return's pages do the same through the same use case): a draft started
 * from last year's figures, each section checked as it is saved, the whole submitted as any return is; one figure
 * corrected with a reason; the same figures sent twice storing one version; and nobody else reaching a council's draft.
 */
@MicronautTest(transactional = false)
class ReturnsEnteredOnlineTest extends PlatformTest {

    static final String KENT = "E10000016";
    final String kent = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);

    private Api.Answer start(String token, String year, boolean fromStored) {
        return api.post("/api/v1/returns/drafts", token, Map.of("periodType", "CENSUS_YEAR", "period", year, "fromStoredFigures", fromStored));
    }

    private Api.Answer saveSection(String token, String year, String theme, Map<String, String> answers) {
        return api.put("/api/v1/returns/drafts/CENSUS_YEAR/" + year + "/sections/" + theme, token, Map.of("answers", answers));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answers(Api.Answer draft) {
        return (Map<String, Object>) draft.get("answers");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Api.Answer answer) {
        return (List<Map<String, Object>>) answer.get("errors");
    }

    @Test
    void aCouncilEntersAReturnSectionBySectionFromLastYearsFiguresAndSubmitsIt() {
        assertEquals(201, api.post("/api/v1/returns", kent, ReturnFixtures.censusReturn("2023", ReturnFixtures.kentFigures())).status());

        Api.Answer draft = start(kent, "2024", true);
        assertEquals(200, draft.status(), draft.body());
        assertEquals("450.5", answers(draft).get("inpost_fte|"), "last year's figures are the starting answers");
        assertEquals("45", answers(draft).get("leavers_fte|leaving_reason=RESIGNATION"));
        assertEquals("x", answers(draft).get("establishment_fte|"), "a symbol is kept as the officer would type it");
        assertEquals("Version 1 of Census year 2023", draft.get("startedFrom"));

        Map<String, String> workforce = new LinkedHashMap<>();
        workforce.put("inpost_fte|", "four hundred");
        workforce.put("leavers_fte|", "62");
        Api.Answer refused = saveSection(kent, "2024", "workforce", workforce);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("inpost_fte|", errors(refused).get(0).get("field"), "the error names the figure it is about: " + refused.body());
        assertEquals("NOT_A_NUMBER", errors(refused).get(0).get("code"));
        assertEquals("450.5", answers(api.get("/api/v1/returns/drafts/CENSUS_YEAR/2024", kent)).get("inpost_fte|"), "refused whole: nothing saved");

        workforce.put("inpost_fte|", "455");
        workforce.put("leavers_fte|leaving_reason=RESIGNATION", "47");
        workforce.put("leavers_fte|leaving_reason=RETIREMENT", "15");
        workforce.put("agency_fte|", "1"); // another section's figure: ignored here
        Api.Answer saved = saveSection(kent, "2024", "workforce", workforce);
        assertEquals(200, saved.status(), saved.body());
        assertEquals("455", answers(saved).get("inpost_fte|"));
        assertEquals("90", answers(saved).get("agency_fte|"), "a section saves its own figures only");
        assertFalse(answers(saved).containsKey("inpost_headcount|"), "a figure of the section left out is cleared");
        assertEquals(List.of("workforce"), saved.get("sectionsDone"));

        Map<String, String> notAddingUp = Map.of("leavers_fte|", "62", "leavers_fte|leaving_reason=RESIGNATION", "60",
                "leavers_fte|leaving_reason=RETIREMENT", "15", "inpost_fte|", "455");
        Api.Answer sums = saveSection(kent, "2024", "workforce", notAddingUp);
        assertEquals(422, sums.status(), "breakdowns must add up to their total within a section too: " + sums.body());
        assertTrue(sums.body().contains("BREAKDOWN_DOES_NOT_ADD_UP"), sums.body());

        assertEquals("455", answers(start(kent, "2024", false)).get("inpost_fte|"), "starting again never wipes a draft");

        Api.Answer check = api.post("/api/v1/returns/drafts/CENSUS_YEAR/2024/submission?dryRun=true", kent, Map.of());
        assertEquals(200, check.status(), check.body());
        assertEquals(Boolean.TRUE, check.get("dryRun"));
        Api.Answer stored = api.post("/api/v1/returns/drafts/CENSUS_YEAR/2024/submission", kent, Map.of());
        assertEquals(201, stored.status(), stored.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) stored.get("stored");
        assertEquals("ONLINE", version.get("source"));
        assertEquals(404, api.get("/api/v1/returns/drafts/CENSUS_YEAR/2024", kent).status(), "a submitted draft is gone");
        assertTrue(api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).body().contains("\"value\":455"), "stored as any return is");
    }

    @Test
    void theSameFiguresSentTwiceStoreOneVersion() {
        assertEquals(201, api.post("/api/v1/returns", kent, ReturnFixtures.censusReturn("2024", ReturnFixtures.kentFigures())).status());
        Map<String, Object> again = new HashMap<>(ReturnFixtures.censusReturn("2024", ReturnFixtures.kentFigures()));
        again.put("reason", "sent from a second tab");
        Api.Answer second = api.post("/api/v1/returns", kent, again);
        assertEquals(200, second.status(), second.body());
        assertEquals(Boolean.TRUE, second.get("unchanged"));
        assertTrue(second.body().contains("SAME_AS_CURRENT_VERSION") && second.body().contains("nothing was stored"), second.body());
        assertEquals(1, ((List<?>) api.get("/api/v1/returns/CENSUS_YEAR/2024", kent).get("versions")).size());
    }

    @Test
    void oneFigureIsCorrectedWithAReasonAndEveryOtherFigureStaysAsItWas() {
        assertEquals(201, api.post("/api/v1/returns", kent, ReturnFixtures.censusReturn("2024", ReturnFixtures.kentFigures())).status());
        String corrections = "/api/v1/returns/CENSUS_YEAR/2024/corrections";

        Api.Answer noReason = api.post(corrections, kent, Map.of("figure", "vacancy_fte|", "value", "95"));
        assertEquals(422, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("CORRECTION_NEEDS_REASON"), noReason.body());

        Api.Answer unknown = api.post(corrections, kent, Map.of("figure", "vacancies|", "value", "95", "reason", "recount"));
        assertEquals(422, unknown.status(), unknown.body());

        Api.Answer corrected = api.post(corrections, kent, Map.of("figure", "vacancy_fte|", "value", "95", "reason", "Recounted vacancies"));
        assertEquals(201, corrected.status(), corrected.body());
        assertEquals(2, corrected.get("version"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) corrected.get("changes");
        assertEquals(1, changes.size(), "only the one figure changed: " + changes);
        assertEquals("vacancy_fte", changes.get(0).get("measure"));

        Api.Answer essay = api.post(corrections, kent, Map.of("figure", "vacancy_fte|", "value", "96", "reason", "r".repeat(2_001)));
        assertEquals(422, essay.status(), essay.body());
        assertTrue(essay.body().contains("REASON_TOO_LONG"), essay.body());
        Api.Answer longKey = api.post(corrections, kent, Map.of("figure", "teams_office|office=" + "A".repeat(300), "value", "1", "reason", "r"));
        assertEquals(422, longKey.status(), "a figure's name longer than any is refused unread: " + longKey.body());

        Api.Answer same = api.post(corrections, kent, Map.of("figure", "vacancy_fte|", "value", "95.0", "reason", "again"));
        assertEquals(200, same.status(), "the figure already as given stores nothing: " + same.body());
        assertEquals(Boolean.TRUE, same.get("unchanged"));
    }

    @Test
    void noOneElseReachesACouncilsDraft() {
        assertEquals(200, start(kent, "2024", false).status());
        assertEquals(200, saveSection(kent, "2024", "workforce", Map.of("inpost_fte|", "455")).status());

        String surrey = Tokens.authorityUser("sam", "E10000030", Role.AUTHORITY_SUBMITTER);
        assertEquals(404, api.get("/api/v1/returns/drafts/CENSUS_YEAR/2024", surrey).status(), "another council: as if there were none");
        assertEquals("[]", api.get("/api/v1/returns/drafts", surrey).body());
        assertEquals(404, saveSection(surrey, "2024", "workforce", Map.of("inpost_fte|", "1")).status());
        assertEquals(404, api.post("/api/v1/returns/drafts/CENSUS_YEAR/2024/submission", surrey, Map.of()).status());

        String kentViewer = Tokens.authorityUser("kim", KENT, Role.AUTHORITY_VIEWER);
        assertEquals(200, api.get("/api/v1/returns/drafts/CENSUS_YEAR/2024", kentViewer).status(), "the council's viewer reads it");
        assertEquals(403, saveSection(kentViewer, "2024", "workforce", Map.of("inpost_fte|", "1")).status(), "but cannot change it");
        assertEquals(403, api.send(HttpRequest.DELETE("/api/v1/returns/drafts/CENSUS_YEAR/2024").bearerAuth(kentViewer)).status());

        String region = Tokens.regionalUser("ash", "E12000008", Role.REGION_ADMIN);
        assertEquals(403, api.get("/api/v1/returns/drafts/CENSUS_YEAR/2024", region).status(), "a region never sees a draft");

        assertFalse(api.get("/api/v1/benchmarks?group=region:E12000008&period=2024&measures=inpost_fte", region).body().contains("455"),
                "a draft is never a figure");
        assertEquals(204, api.send(HttpRequest.DELETE("/api/v1/returns/drafts/CENSUS_YEAR/2024").bearerAuth(kent)).status());
        assertEquals(404, api.get("/api/v1/returns/drafts/CENSUS_YEAR/2024", kent).status());
    }

    @Test
    void aSectionSentThousandsOfAnswersIsRefusedUnreadAndAnAnswerLongerThanAFigureIsNamed() {
        assertEquals(200, start(kent, "2024", false).status());
        Map<String, String> flood = new HashMap<>();
        for (int i = 0; i < 2_001; i++) {
            flood.put("teams_office|office=O" + i, "1");
        }
        Api.Answer refused = saveSection(kent, "2024", "teams", flood);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("TOO_MANY_ANSWERS"), refused.body());

        Api.Answer tooLong = saveSection(kent, "2024", "workforce", Map.of("inpost_fte|", "4".repeat(41)));
        assertEquals(422, tooLong.status(), tooLong.body());
        assertEquals("inpost_fte|", errors(tooLong).get(0).get("field"), tooLong.body());
        assertEquals(404, saveSection(kent, "2024", "no_such_theme", Map.of("inpost_fte|", "1")).status(), "a section the return does not have");
    }
}
