package exchange.workforce.agency;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council records its permanent leavers from a spreadsheet, whole or not at all, and recording the same file again
 * records nothing new; the region sees each member's leavers recorded beside the census's, so it knows how far "no
 * cooling-off applies" can be trusted.
 */
@MicronautTest(transactional = false)
class LeaversInBulkTest extends PlatformTest {

    static final String KENT = "E10000016";
    final String kent = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
    final String seGroup = Tokens.regionalUser("se-group", "E12000008", Role.REGIONAL_VIEWER);

    private Api.Answer upload(String csv, boolean dryRun) {
        MultipartBody body = MultipartBody.builder().addPart("file", "leavers.csv", MediaType.TEXT_CSV_TYPE,
                csv.getBytes(StandardCharsets.UTF_8)).build();
        return api.send(HttpRequest.POST("/api/v1/agency/leavers/uploads?dryRun=" + dryRun, body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(kent));
    }

    @Test
    void aFileOfLeaversIsRecordedWholeAndRecordingItAgainChangesNothing() {
        String template = api.get("/api/v1/agency/templates/leavers.csv", kent).body();
        assertTrue(template.contains("registration_number,left_on,role_type,exemption"), template);
        LocalDate left = LocalDate.now().minusMonths(2);
        String csv = "registration_number,left_on,role_type,exemption\n"
                + "SW700001," + left + ",SOCIAL_WORKER,\n"
                + "SW700002," + left.minusDays(10) + ",TEAM_MANAGER,REDUNDANCY\n";
        Api.Answer checked = upload(csv, true);
        assertEquals(200, checked.status(), checked.body());
        assertTrue(checked.body().contains("would record 2 leavers"), checked.body());
        assertEquals(0, api.get("/api/v1/agency/leavers", kent).body().split("leftOn").length - 1, "a dry run stores nothing");

        Api.Answer recorded = upload(csv, false);
        assertEquals(201, recorded.status(), recorded.body());
        assertEquals(2, ((Number) recorded.get("recorded")).intValue());
        Api.Answer again = upload(csv, false);
        assertEquals(0, ((Number) again.get("recorded")).intValue(), again.body());
        assertEquals(2, ((Number) again.get("unchanged")).intValue());
        assertEquals(2, api.get("/api/v1/agency/leavers", kent).body().split("leftOn").length - 1, "two leavers, not four");
        assertFalse(recorded.body().contains("SW70000"), "no number is sent back");
        String page = api.send(HttpRequest.GET("/agency/leavers/upload").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session(kent)))).body();
        assertTrue(page.contains("Upload permanent leavers") && page.contains("/api/v1/agency/templates/leavers.csv"), page);
    }

    @Test
    void aFileWithABadRowIsRefusedWholeNamingTheRowAndColumn() {
        String csv = "registration_number,left_on,role_type,exemption\n"
                + "SW700003," + LocalDate.now().minusMonths(1) + ",SOCIAL_WORKER,\n"
                + "SW70000X,31/02/2026,SOCIAL_WORKER,RETIRED\n";
        Api.Answer refused = upload(csv, false);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"row\":3") && refused.body().contains("left_on"), refused.body());
        assertTrue(refused.body().contains("'31/02/2026' is not a date"), refused.body());
        assertEquals("[]", api.get("/api/v1/agency/leavers", kent).body(), "nothing stored from a refused file");
    }

    @Test
    void theRegionSeesEachMembersLeaversRecordedBesideTheCensus() throws Exception {
        exchange.workforce.support.TestDatabase.shared().importWorkforceIndicators();
        LocalDate left = LocalDate.of(2023, 3, 1); // in the 2023 census year (1 October 2022 to 30 September 2023)
        try (java.sql.Connection owner = exchange.workforce.support.TestDatabase.shared().asOwner();
             java.sql.Statement statement = owner.createStatement()) {
            statement.execute("insert into agency_leaver (id, authority_code, worker_pseudonym, key_version, left_on, role, recorded_by) "
                    + "values (gen_random_uuid(), '" + KENT + "', 'p-1', 1, '" + left + "', 'SOCIAL_WORKER', 'kent-lead')");
        }
        Api.Answer answer = api.get("/api/v1/region/agency/leavers?year=2023", seGroup);
        assertEquals(200, answer.status(), answer.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = json.readValue(answer.body(), io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        Map<String, Object> kentRow = members.stream().filter(m -> KENT.equals(m.get("authorityCode"))).findFirst().orElseThrow();
        assertEquals(1, ((Number) kentRow.get("recorded")).intValue());
        assertEquals("DFE", kentRow.get("censusSource"));
        assertTrue(((Number) kentRow.get("censusLeavers")).intValue() > 10, "DfE's published leavers for Kent in 2023: " + kentRow);
        assertTrue(members.size() >= 19, "every member, those that recorded nothing too: " + members.size());
        assertEquals(403, api.get("/api/v1/region/agency/leavers?year=2023", kent).status(), "the region's view");
        assertEquals(422, api.get("/api/v1/region/agency/leavers?year=twenty", seGroup).status());
    }

    @Test
    void theRegionReadsACouncilsOwnCensusReturnOnlyWhileItIsAMemberOfTheMemorandum() throws Exception {
        exchange.workforce.support.TestDatabase.shared().importWorkforceIndicators();
        try (java.sql.Connection owner = exchange.workforce.support.TestDatabase.shared().asOwner();
             java.sql.Statement statement = owner.createStatement()) {
            statement.execute("insert into workforce_return (id, authority_code, period_type, period, version, source, submitted_by) "
                    + "values ('00000000-0000-0000-0000-0000000000b1', '" + KENT + "', 'CENSUS_YEAR', '2023', 1, 'API', 'kent-lead')");
            statement.execute("insert into return_value (return_id, authority_code, measure, value) "
                    + "values ('00000000-0000-0000-0000-0000000000b1', '" + KENT + "', 'leavers_headcount', 999)");
        }
        Map<String, Object> member = kentRow();
        assertEquals("RETURN", member.get("censusSource"));
        assertEquals(999, ((Number) member.get("censusLeavers")).intValue(), "a member's own return, as the region reads its returns");
        try (java.sql.Connection owner = exchange.workforce.support.TestDatabase.shared().asOwner();
             java.sql.Statement statement = owner.createStatement()) {
            statement.execute("update memorandum_membership set effective_to = current_date where authority_code = '" + KENT + "'");
        }
        Map<String, Object> former = kentRow();
        assertEquals("DFE", former.get("censusSource"), "no longer a member: DfE's public figure, never its return: " + former);
    }

    private Map<String, Object> kentRow() throws Exception {
        Api.Answer answer = api.get("/api/v1/region/agency/leavers?year=2023", seGroup);
        assertEquals(200, answer.status(), answer.body());
        List<Map<String, Object>> members = json.readValue(answer.body(), io.micronaut.core.type.Argument.listOf(
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        return members.stream().filter(m -> KENT.equals(m.get("authorityCode"))).findFirst().orElseThrow();
    }
}
