package exchange.workforce.agency;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assignment register: sign-off of a cap breach, reasons for exceptions, versions, the quarterly return, the region's view. */
@MicronautTest(transactional = false)
class AssignmentRegisterTest extends PlatformTest {

    static final String SURREY = "E10000030";
    final String surrey = Tokens.authorityUser("surrey-lead", SURREY, Role.AUTHORITY_SUBMITTER);
    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
    final String seGroup = Tokens.regionalUser("se-group", "E12000008", Role.REGIONAL_VIEWER);
    final String londonGroup = Tokens.regionalUser("london-group", "E12000007", Role.REGIONAL_VIEWER);

    @BeforeEach
    void theSouthEastCapsSocialWorkersAt45() {
        assertEquals(201, api.post("/api/v1/agency/caps", Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN),
                Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 45.00, "effectiveFrom", "2025-04-01", "source", "South East RIIA")).status());
    }

    private static Map<String, Object> assignment() {
        return exchange.workforce.support.AssignmentRows.body("SW900123");
    }

    private static Map<String, Object> signedOff(Map<String, Object> body) {
        body.put("signOff", Map.of("directorName", "Dana Director", "directorSignedOn", "2026-07-20", "chiefExecutiveName", "Chris Chief",
                "chiefExecutiveSignedOn", "2026-07-21", "reason", "No worker within the cap for a child protection post vacant since May"));
        body.put("exceptions", Map.of("REFERENCES", "Two references requested from previous employers; both due before the start"));
        return body;
    }

    @Test
    void aCapRecordedAfterTheAssignmentJudgesItAgainInTheRegisterTheReturnAndTheRegionsView() {
        String essex = Tokens.authorityUser("essex-lead", "E10000012", Role.AUTHORITY_SUBMITTER);
        Map<String, Object> unsigned = assignment();
        unsigned.put("exceptions", Map.of("REFERENCES", "Two references requested from previous employers"));
        Api.Answer stored = api.post("/api/v1/agency/assignments", essex, unsigned);
        assertEquals(201, stored.status(), stored.body());
        assertTrue(stored.body().contains("\"outcome\":\"NOT_CHECKED\""), "no cap yet: " + stored.body());
        Api.Answer cap = api.post("/api/v1/agency/caps", Tokens.regionalUser("eoe-admin", "E12000006", Role.REGION_ADMIN),
                Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 45.00, "effectiveFrom", "2026-01-01", "source", "East of England RIIA"));
        assertEquals(201, cap.status(), cap.body());

        String register = api.get("/api/v1/agency/assignments", essex).body();
        assertTrue(register.contains("\"outcome\":\"NEEDS_SIGN_OFF\"") && register.contains("Judged again with the caps now recorded (it was "
                + "NOT_CHECKED when recorded)") && register.contains("No sign-off is recorded"), register);
        String file = api.get("/api/v1/agency/returns/2026-Q3.csv", essex).body();
        assertTrue(file.contains("NEEDS_SIGN_OFF"), "DfE's return carries the verdict as it stands: " + file);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> region = (List<Map<String, Object>>) (Object) json(api.get("/api/v1/region/agency/compliance?quarter=2026-Q3",
                Tokens.regionalUser("eoe-group", "E12000006", Role.REGIONAL_VIEWER)));
        Map<String, Object> essexes = region.stream().filter(m -> "E10000012".equals(m.get("authorityCode"))).findFirst().orElseThrow();
        assertEquals(1, ((Number) essexes.get("capBreaches")).intValue(), "the region counts the breach the cap revealed");
        assertEquals(0, ((Number) essexes.get("capBreachesSignedOff")).intValue());
        assertEquals(1, api.get("/api/v1/agency/assignments/" + stored.get("assignmentId"), essex).body().split("\"version\"").length - 1,
                "the stored verdict is history: no new version was written");
    }

    @Test
    void theSameAssignmentRecordedTwiceIsOneAndAChangeNeedsAReason() {
        Api.Answer first = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment()));
        assertEquals(201, first.status(), first.body());
        Api.Answer again = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment()));
        assertEquals(200, again.status(), "already recorded exactly so: " + again.body());
        assertEquals(first.get("assignmentId"), again.get("assignmentId"));
        assertEquals(1, ((Number) again.get("version")).intValue());
        Map<String, Object> later = signedOff(assignment());
        later.put("plannedEndDate", "2026-12-18");
        Api.Answer changed = api.post("/api/v1/agency/assignments", surrey, later);
        assertEquals(422, changed.status(), changed.body());
        later.put("reason", "Extended by three weeks");
        Api.Answer corrected = api.post("/api/v1/agency/assignments", surrey, later);
        assertEquals(201, corrected.status(), corrected.body());
        assertEquals(first.get("assignmentId"), corrected.get("assignmentId"), "a correction of the same assignment");
        assertEquals(2, ((Number) corrected.get("version")).intValue());
    }

    @Test
    void aCapBreachWithoutBothSignOffsIsRefusedAndWithThemIsStoredAndSeenByTheRegion() {
        Map<String, Object> unsigned = assignment();
        unsigned.put("exceptions", Map.of("REFERENCES", "requested"));
        Api.Answer refused = api.post("/api/v1/agency/assignments", surrey, unsigned);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("CAP_BREACH_NOT_SIGNED_OFF", refused.get("code"));
        Map<String, Object> directorOnly = assignment();
        directorOnly.put("exceptions", Map.of("REFERENCES", "requested"));
        directorOnly.put("signOff", Map.of("directorName", "Dana Director", "directorSignedOn", "2026-07-20", "reason", "vacant since May"));
        Api.Answer half = api.post("/api/v1/agency/assignments", surrey, directorOnly);
        assertEquals(422, half.status());
        assertTrue(half.body().contains("signOff.chiefExecutiveName") && !half.body().contains("signOff.directorName"), half.body());
        assertEquals("[]", api.get("/api/v1/agency/assignments", surrey).body().replace(" ", ""), "nothing was stored");

        Api.Answer stored = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment()));
        assertEquals(201, stored.status(), stored.body());
        assertFalse(stored.body().contains("SW900123"), "the number is never given back");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> region = (List<Map<String, Object>>) (Object) json(api.get("/api/v1/region/agency/compliance?quarter=2026-Q3", seGroup));
        Map<String, Object> surreys = region.stream().filter(m -> SURREY.equals(m.get("authorityCode"))).findFirst().orElseThrow();
        assertEquals(1, ((Number) surreys.get("capBreaches")).intValue());
        assertEquals(1, ((Number) surreys.get("capBreachesSignedOff")).intValue());
        assertEquals(1, ((Number) surreys.get("withExceptions")).intValue());
        assertEquals(19, region.size(), "every council of the South East, those that recorded nothing too");
        Map<String, Object> kents = region.stream().filter(m -> "E10000016".equals(m.get("authorityCode"))).findFirst().orElseThrow();
        assertEquals(false, kents.get("recordedAnything"), "Kent recorded nothing, and the region sees that: " + kents);
        assertEquals(true, surreys.get("recordedAnything"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> london = (List<Map<String, Object>>) (Object) json(api.get("/api/v1/region/agency/compliance?quarter=2026-Q3", londonGroup));
        assertTrue(london.stream().noneMatch(m -> SURREY.equals(m.get("authorityCode"))), "not London's");
        assertTrue(london.stream().allMatch(m -> Boolean.FALSE.equals(m.get("recordedAnything"))), "no London council recorded anything");
    }

    @Test
    void aRuleNotMetIsRecordedOnlyWithTheReasonForTheException() {
        Map<String, Object> body = signedOff(assignment());
        body.remove("exceptions");
        Api.Answer refused = api.post("/api/v1/agency/assignments", surrey, body);
        assertEquals(422, refused.status());
        assertEquals("RULE_NOT_MET", refused.get("code"));
        assertTrue(refused.body().contains("exceptions.REFERENCES"), refused.body());
        Map<String, Object> unknownRule = signedOff(assignment());
        unknownRule.put("exceptions", Map.of("REFERENCES", "requested", "LUCK", "we hope"));
        Api.Answer unknown = api.post("/api/v1/agency/assignments", surrey, unknownRule);
        assertEquals(422, unknown.status());
        assertTrue(unknown.body().contains("'LUCK' is not a rule"), unknown.body());
        Map<String, Object> longName = signedOff(assignment());
        longName.put("signOff", Map.of("directorName", "D".repeat(201), "directorSignedOn", "2026-07-20", "chiefExecutiveName", "C",
                "chiefExecutiveSignedOn", "2026-07-21", "reason", "r"));
        assertEquals(422, api.post("/api/v1/agency/assignments", surrey, longName).status());
        Map<String, Object> absurdCharge = signedOff(assignment());
        absurdCharge.put("agencyCharge", 1.0e9);
        Api.Answer charge = api.post("/api/v1/agency/assignments", surrey, absurdCharge);
        assertEquals(422, charge.status(), charge.body());
        assertTrue(charge.body().contains("agencyCharge: give the agency's charge an hour from 0 to 9999.99 pounds"), charge.body());
        assertEquals("[]", api.get("/api/v1/agency/assignments", surrey).body().replace(" ", ""), "nothing was stored");
    }

    @Test
    void aCorrectionIsANewVersionWithItsReasonAndAnotherCouncilNeitherReadsNorCorrectsNorExportsIt() {
        String id = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).get("assignmentId").toString();
        Map<String, Object> ended = signedOff(assignment());
        ended.put("actualEndDate", "2026-10-30");
        assertEquals(422, api.post("/api/v1/agency/assignments/" + id + "/versions", surrey, ended).status(), "a correction says why");
        ended.put("reason", "Ended early by agreement");
        Api.Answer second = api.post("/api/v1/agency/assignments/" + id + "/versions", surrey, ended);
        assertEquals(201, second.status(), second.body());
        assertEquals(2, ((Number) second.get("version")).intValue());
        assertTrue(api.get("/api/v1/agency/assignments/" + id, surrey).body().contains("\"version\":1"), "the first version stays");

        assertEquals(404, api.get("/api/v1/agency/assignments/" + id, kent).status());
        assertEquals(404, api.post("/api/v1/agency/assignments/" + id + "/versions", kent, ended).status());
        assertEquals("[]", api.get("/api/v1/agency/assignments", kent).body().replace(" ", ""));
        Api.Answer kentsReturn = api.get("/api/v1/agency/returns/2026-Q3.csv", kent);
        assertEquals(200, kentsReturn.status());
        assertFalse(kentsReturn.body().contains(id), "Kent's return holds none of Surrey's assignments");
    }

    @Test
    void theQuarterlyReturnForASeededQuarterMatchesTheFileWorkedByHand() {
        String id = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).get("assignmentId").toString();
        Api.Answer file = api.get("/api/v1/agency/returns/2026-Q3.csv", surrey);
        assertEquals(200, file.status(), file.body());
        String expected = "quarter,local_authority,assignment_id,council_reference,agency,role_type,registration_number,start_date,"
                + "planned_end_date,actual_end_date,"
                + "hourly_pay,employer_ni,apprenticeship_levy,holiday_pay,capped_cost,agency_charge,project_team_or_packaged_model,"
                + "cooling_off_outcome,cooling_off_reason,price_cap_outcome,price_cap_reason,experience_outcome,experience_reason,"
                + "notice_outcome,notice_reason,project_team_outcome,project_team_reason,references_outcome,references_reason,"
                + "cap_breach_signed_off_by_director,director_signed_on,cap_breach_signed_off_by_chief_executive,chief_executive_signed_on,"
                + "sign_off_reason\r\n"
                + "2026-Q3,E10000030," + id + ",,Example Agency Ltd,SOCIAL_WORKER,SW900123,2026-08-03,2026-11-27,,36.01,4.50,0.20,4.30,45.01,52.00,N,"
                + "PASS,No cooling-off applies to this worker on 2026-08-03 as far as the platform knows: no council of your region has "
                + "recorded them leaving a permanent post within the cooling-off period. A leaving a council has not recorded is not known "
                + "here; check the worker's recent employment history too.,"
                + "NEEDS_SIGN_OFF,\"£45.01 an hour (pay, employer's National Insurance, apprenticeship levy and holiday pay) against the cap "
                + "of £45.00 in force from 2025-04-01: £0.01 over. Allowed only with sign-off by the Director of Children's Services and the "
                + "Chief Executive, reported to the region.\","
                + "PASS,\"72 months of post-qualifying local authority experience, qualified on 2018-09-01.\","
                + "PASS,\"Notice of 4 weeks, as the rule asks: 4 weeks.\","
                + "PASS,Not part of a project team or packaged model.,"
                + "FAIL,\"No engagement of this worker is linked: open one in References, ask two previous employers for a reference, and "
                + "give its engagement reference (engagementId). Exception: Two references requested from previous employers; both due "
                + "before the start\","
                + "Dana Director,2026-07-20,Chris Chief,2026-07-21,No worker within the cap for a child protection post vacant since May\r\n";
        assertEquals(expected, file.body());
        io.micronaut.http.HttpResponse<byte[]> workbook = http.toBlocking().exchange(io.micronaut.http.HttpRequest
                .GET("/api/v1/agency/returns/2026-Q3.xlsx").bearerAuth(surrey), byte[].class);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(workbook.body()))) {
            org.apache.poi.ss.usermodel.Sheet summary = book.getSheetAt(0);
            assertEquals("Summary 2026-Q3", summary.getSheetName());
            assertEquals("assignments active in the quarter", summary.getRow(1).getCell(1).getStringCellValue());
            assertEquals(1, summary.getRow(1).getCell(2).getNumericCellValue(), 1e-9, "a count as a number");
            boolean signedOff = false;
            for (org.apache.poi.ss.usermodel.Row row : summary) {
                signedOff |= row.getCell(1).getStringCellValue().equals("Price cap: over the cap, signed off") && row.getCell(2).getNumericCellValue() == 1;
            }
            assertTrue(signedOff, "each rule's outcomes counted");
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("Agency return 2026-Q3");
            assertEquals("capped_cost", sheet.getRow(0).getCell(14).getStringCellValue());
            assertEquals(45.01, sheet.getRow(1).getCell(14).getNumericCellValue(), 1e-9, "money as a number");
            assertEquals("NEEDS_SIGN_OFF", sheet.getRow(1).getCell(19).getStringCellValue());
            assertEquals("Chris Chief", sheet.getRow(1).getCell(31).getStringCellValue());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCouncilsOwnReferenceIsKeptAndGoesIntoItsReturnAndABadOneIsRefusedSayingWhatIsValid() {
        Map<String, Object> withReference = new java.util.HashMap<>(signedOff(assignment()));
        withReference.put("councilReference", "=HYPERLINK(1)");
        Api.Answer refused = api.post("/api/v1/agency/assignments", surrey, withReference);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("councilReference: give your own reference"), refused.body());
        withReference.put("councilReference", "AG-2026/014");
        Api.Answer stored = api.post("/api/v1/agency/assignments", surrey, withReference);
        assertEquals(201, stored.status(), stored.body());
        assertEquals("AG-2026/014", stored.get("councilReference"));
        assertTrue(api.get("/api/v1/agency/returns/2026-Q3.csv", surrey).body().contains(",AG-2026/014,Example Agency Ltd,SOCIAL_WORKER,SW900123,"));
        assertEquals(200, api.post("/api/v1/agency/assignments", surrey, withReference).status(), "the same again changes nothing");
    }

    @Test
    void aCouncilReadsOneAssignmentsVerdictsHistoryAndTransitionOnItsOwnPageAndChoosesAnyQuarter() {
        String id = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).get("assignmentId").toString();
        Map<String, Object> corrected = new java.util.HashMap<>(signedOff(assignment()));
        corrected.put("team", "Child protection, Woking");
        corrected.put("reason", "The worker moved team before starting");
        assertEquals(201, api.post("/api/v1/agency/assignments/" + id + "/versions", surrey, corrected).status());
        String page = page("/agency/assignments/" + id, surrey);
        assertTrue(page.contains("Social worker, Child protection, Woking"), page);
        assertTrue(page.contains("3 August 2026"), "GOV.UK dates: " + page);
        assertTrue(page.contains("Started under the rules"), "the transition");
        assertTrue(page.contains("The worker moved team before starting") && page.contains("First recorded"), "both versions and why");
        assertTrue(page.contains("Signed off") && page.contains("Not met"), "each rule's verdict in words");
        assertEquals(404, api.send(io.micronaut.http.HttpRequest.GET("/agency/assignments/" + id).accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session(kent)))).status(),
                "another council's assignment is not there for Kent");
        assertTrue(page("/agency", surrey).contains("/agency/assignments/" + id), "the register links to it");
        String q2 = page("/agency?quarter=2026-Q2", surrey);
        assertTrue(q2.contains("Download the quarterly return to DfE for 2026-Q2"), "any quarter's return");
        assertTrue(page("/agency?quarter=2026-Q9", surrey).contains("Choose a quarter from the list"));
    }

    private Api.Answer postDates(String token, String id, String fields) {
        String session = session(token);
        return api.send(io.micronaut.http.HttpRequest.POST("/agency/assignments/" + id + "/dates",
                        "csrf=" + exchange.workforce.web.Csrf.forSession(session) + "&" + fields)
                .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session)));
    }

    @Test
    void aCouncilEndsAnAssignmentOnItsPageWithAReasonKeepingEverythingElseAsRecorded() {
        String id = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).get("assignmentId").toString();
        String page = page("/agency/assignments/" + id, surrey);
        assertTrue(page.contains("End it, or change when it ends") && java.util.regex.Pattern.compile("name=\"plannedEndDate-day\"\\s+type=\"text\" inputmode=\"numeric\" value=\"27\"").matcher(page).find(),
                "the form, its planned end filled in: " + page);

        Api.Answer noReason = postDates(surrey, id, "actualEndDate-day=20&actualEndDate-month=11&actualEndDate-year=2026");
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("There is a problem") && noReason.body().contains("href=\"#reason\""), noReason.body());
        assertTrue(noReason.body().contains("value=\"20\""), "what was typed is kept");

        Api.Answer ended = postDates(surrey, id, "actualEndDate-day=20&actualEndDate-month=11&actualEndDate-year=2026"
                + "&plannedEndDate-day=27&plannedEndDate-month=11&plannedEndDate-year=2026&reason=Ended+early%3A+filled+permanently");
        assertEquals(200, ended.status(), "saved, then the assignment's page again (the client follows the 303): " + ended.body());
        assertTrue(ended.body().contains("Ended early: filled permanently"), "its history has the new version and why");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>) json(api.get("/api/v1/agency/assignments/" + id, surrey));
        assertEquals(2, versions.size());
        Map<String, Object> now = versions.get(1);
        assertEquals("2026-11-20", now.get("actualEndDate"));
        assertEquals("Ended early: filled permanently", now.get("reason"));
        assertEquals(versions.get(0).get("signOff"), now.get("signOff"), "the sign-off stays as recorded");
        assertEquals(versions.get(0).get("exceptions"), now.get("exceptions"));
        assertEquals(versions.get(0).get("hourlyPay"), now.get("hourlyPay"));
        assertTrue(page("/agency/assignments/" + id, surrey).contains("20 November 2026"), "the page says when it ended");
        assertTrue(api.get("/api/v1/agency/returns/2026-Q4.csv", surrey).body().contains("SW900123"),
                "the worker's number, opened from the council's own seal, is still in its return");

        assertEquals(404, api.post("/api/v1/agency/assignments/" + id + "/dates", kent, Map.of("actualEndDate", "2026-11-21", "reason", "x"))
                .status(), "Kent cannot end Surrey's assignment");
        assertEquals(403, api.post("/api/v1/agency/assignments/" + id + "/dates", Tokens.authorityUser("surrey-dcs", SURREY, Role.AUTHORITY_VIEWER),
                Map.of("actualEndDate", "2026-11-21", "reason", "x")).status(), "a viewer reads, never changes");
        Api.Answer future = api.post("/api/v1/agency/assignments/" + id + "/dates", surrey, Map.of("actualEndDate", "2099-01-01", "reason", "x"));
        assertEquals(422, future.status());
        assertTrue(future.body().contains("cannot be in the future"), future.body());
        Api.Answer same = api.post("/api/v1/agency/assignments/" + id + "/dates", surrey,
                Map.of("actualEndDate", "2026-11-20", "plannedEndDate", "2026-11-27", "reason", "again"));
        assertEquals(422, same.status(), "the dates as recorded are no change: " + same.body());
        assertEquals(2, ((List<?>) json(api.get("/api/v1/agency/assignments/" + id, surrey))).size(), "nothing stored by the refusals");
    }

    @Test
    void theRegionReadsAScorecardPerSupplyingAgencyGroupedByNameAndNoOtherRegionDoes() {
        assertEquals(201, api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).status());
        Map<String, Object> second = new java.util.HashMap<>(exchange.workforce.support.AssignmentRows.body("SW900124"));
        second.put("agency", "  example   AGENCY ltd ");
        Api.Answer recorded = api.post("/api/v1/agency/assignments", surrey, signedOff(second));
        assertEquals(201, recorded.status(), recorded.body());
        Api.Answer scorecard = api.get("/api/v1/region/agency/suppliers?quarter=2026-Q3", seGroup);
        assertEquals(200, scorecard.status(), scorecard.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agencies = (List<Map<String, Object>>) json(scorecard);
        assertEquals(1, agencies.size(), "one agency however it was typed: " + agencies);
        assertEquals("Example Agency Ltd", agencies.get(0).get("agency"));
        assertEquals(2, ((Number) agencies.get(0).get("assignments")).intValue());
        assertEquals(1, ((Number) agencies.get(0).get("councils")).intValue());
        assertEquals(2, ((Number) agencies.get(0).get("capBreaches")).intValue(), "both £0.01 over the South East's cap");
        assertFalse(scorecard.body().contains(SURREY), "no council is named");
        assertEquals("[]", api.get("/api/v1/region/agency/suppliers?quarter=2026-Q3", londonGroup).body(), "London sees none of it");
        assertEquals(403, api.get("/api/v1/region/agency/suppliers?quarter=2026-Q3", surrey).status(), "a region's view, not a council's");
        assertTrue(page("/agency?quarter=2026-Q3", seGroup).contains("Agencies supplying the region, 2026-Q3"));
    }

    @Test
    void theScorecardCountsAnAgencysWorkersWhoBecamePermanentAsTheCouncilSaidWhenEndingTheirAssignments() {
        String first = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).get("assignmentId").toString();
        String second = api.post("/api/v1/agency/assignments", surrey, signedOff(exchange.workforce.support.AssignmentRows.body("SW900124")))
                .get("assignmentId").toString();
        Api.Answer converted = api.post("/api/v1/agency/assignments/" + first + "/dates", surrey, Map.of("actualEndDate", "2026-09-25",
                "plannedEndDate", "2026-11-27", "endedHow", "converted_to_permanent", "reason", "Offered a permanent post"));
        assertEquals(201, converted.status(), converted.body());
        assertEquals("CONVERTED_TO_PERMANENT", converted.get("endedHow"));
        assertEquals(201, api.post("/api/v1/agency/assignments/" + second + "/dates", surrey, Map.of("actualEndDate", "2026-09-26",
                "plannedEndDate", "2026-11-27", "endedHow", "EARLY_BY_WORKER_OR_AGENCY", "reason", "The worker left")).status());
        Api.Answer noEnd = api.post("/api/v1/agency/assignments/" + second + "/dates", surrey, Map.of("plannedEndDate", "2026-12-27",
                "endedHow", "AS_PLANNED", "reason", "x"));
        assertEquals(422, noEnd.status());
        assertTrue(noEnd.body().contains("only with the day it ended"), noEnd.body());
        Api.Answer notAWay = api.post("/api/v1/agency/assignments/" + second + "/dates", surrey, Map.of("actualEndDate", "2026-09-26",
                "endedHow", "RETIRED", "reason", "x"));
        assertTrue(notAWay.status() == 422 && notAWay.body().contains("give one of CONVERTED_TO_PERMANENT"), notAWay.body());

        @SuppressWarnings("unchecked")
        Map<String, Object> agency = ((List<Map<String, Object>>) json(api.get("/api/v1/region/agency/suppliers?quarter=2026-Q3", seGroup))).get(0);
        assertEquals(2, ((Number) agency.get("ended")).intValue(), agency.toString());
        assertEquals(1, ((Number) agency.get("convertedToPermanent")).intValue(), agency.toString());
        assertTrue(page("/agency?quarter=2026-Q3", seGroup).contains("1 of 2 ended"));
        assertTrue(page("/agency/assignments/" + first, surrey).contains("Became a permanent employee of your council"));
        assertTrue(api.get("/api/v1/agency/templates/assignments.csv", surrey).body().contains("actual_end_date,ended_how"),
                "a file can say it too");
    }

    @Test
    void aLeavingAnotherMemberRecordsLaterJudgesTheAssignmentAgainAndTheReturnSaysWhatItWas() {
        String id = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).get("assignmentId").toString();
        assertTrue(api.get("/api/v1/agency/returns/2026-Q3.csv", surrey).body().contains(",PASS,No cooling-off applies"));
        // Kent, of the same region, records that the worker left a permanent post there a month before Surrey's start
        Api.Answer left = api.post("/api/v1/agency/leavers", kent, Map.of("registrationNumber", "SW900123", "leftOn", "2026-07-01",
                "role", "SOCIAL_WORKER"));
        assertEquals(201, left.status(), left.body());
        String file = api.get("/api/v1/agency/returns/2026-Q3.csv", surrey).body();
        assertTrue(file.contains("FAIL,\"Judged again with the permanent leavers now recorded (it was PASS when recorded): Cooling-off applies until"),
                file);
        assertTrue(file.contains("No exception is recorded: end the assignment, or correct it with the reason it goes ahead."), file);
        assertFalse(file.contains("Kent") || file.contains("E10000016"), "the council the worker left is never named");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>) json(api.get("/api/v1/agency/assignments/" + id, surrey));
        assertTrue(versions.get(0).toString().contains("No cooling-off applies"), "the stored verdict stays as history: " + versions.get(0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> region = (List<Map<String, Object>>) (Object) json(api.get("/api/v1/region/agency/compliance?quarter=2026-Q3", seGroup));
        Map<String, Object> surreys = region.stream().filter(m -> SURREY.equals(m.get("authorityCode"))).findFirst().orElseThrow();
        assertEquals(1, ((Number) surreys.get("coolingOffNotMet")).intValue(), "the region counts cooling-off from the leavers as they stand");
        @SuppressWarnings("unchecked")
        Map<String, Object> agency = ((List<Map<String, Object>>) json(api.get("/api/v1/region/agency/suppliers?quarter=2026-Q3", seGroup))).get(0);
        assertEquals(1, ((Number) agency.get("coolingOffNotMet")).intValue(), "and so does the supplier scorecard: " + agency);
    }

    @Test
    void aPermanentPostLeftAfterTheAssignmentBeganDoesNotPutItsStartInsideCoolingOff() {
        api.post("/api/v1/agency/assignments", surrey, signedOff(assignment()));
        // the assignment began on 3 August 2026; the worker left a permanent post at Kent (say, a second job) in September
        assertEquals(201, api.post("/api/v1/agency/leavers", kent, Map.of("registrationNumber", "SW900123", "leftOn", "2026-09-14",
                "role", "SOCIAL_WORKER")).status());
        String file = api.get("/api/v1/agency/returns/2026-Q3.csv", surrey).body();
        assertTrue(file.contains(",PASS,No cooling-off applies") && !file.contains("Judged again with the permanent leavers"), file);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> region = (List<Map<String, Object>>) (Object) json(api.get("/api/v1/region/agency/compliance?quarter=2026-Q3", seGroup));
        Map<String, Object> surreys = region.stream().filter(m -> SURREY.equals(m.get("authorityCode"))).findFirst().orElseThrow();
        assertEquals(0, ((Number) surreys.get("coolingOffNotMet")).intValue(), surreys.toString());
    }

    private String page(String path, String token) {
        return api.send(io.micronaut.http.HttpRequest.GET(path).accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session(token)))).body();
    }

    @Test
    void theRegistrationNumberIsInTheEngagingCouncilsOwnReturnOnlyAndItsSealOpensForNoOtherCouncil() {
        String id = api.post("/api/v1/agency/assignments", surrey, signedOff(assignment())).get("assignmentId").toString();
        assertTrue(api.get("/api/v1/agency/returns/2026-Q3.csv", surrey).body().contains(",SW900123,"), "Surrey's own return carries it");
        Api.Answer kentsReturn = api.get("/api/v1/agency/returns/2026-Q3.csv", kent);
        assertEquals(200, kentsReturn.status());
        assertFalse(kentsReturn.body().contains("SW900123") || kentsReturn.body().contains(id), "another council's return never does");
        exchange.workforce.worker.RegistrationNumberSeal seal = new exchange.workforce.worker.RegistrationNumberSeal(
                exchange.workforce.worker.PseudonymKeys.load(Tokens.pseudonymKeyFile(), false));
        java.util.UUID assignment = java.util.UUID.fromString(id);
        exchange.workforce.worker.RegistrationNumberSeal.Sealed sealed = seal.seal(
                exchange.workforce.worker.RegistrationNumber.parse("sw 900123", "registrationNumber"), SURREY, assignment);
        assertEquals("SW900123", seal.open(sealed, SURREY, assignment));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> seal.open(sealed, "E10000016", assignment),
                "Kent's key does not open Surrey's seal");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> seal.open(sealed, SURREY, java.util.UUID.randomUUID()),
                "nor does the seal open on another assignment's row");
    }

    @SuppressWarnings("unchecked")
    private Object json(Api.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        try {
            return this.json.readValue(answer.body(), io.micronaut.core.type.Argument.listOf(Map.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
