package exchange.workforce.agency;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agency rules through the API, between councils of one region and of two. */
@MicronautTest(transactional = false)
class AgencyChecksAcrossCouncilsTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";
    static final String ESSEX = "E10000012";
    static final String CAMDEN = "E09000007";
    static final String ISLINGTON = "E09000019";
    static final String WORKER = "SW812345";
    final String kent = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
    final String surrey = Tokens.authorityUser("surrey-lead", SURREY, Role.AUTHORITY_SUBMITTER);
    final String essex = Tokens.authorityUser("essex-lead", ESSEX, Role.AUTHORITY_SUBMITTER);
    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);

    private static Map<String, Object> proposal(LocalDate start) {
        Map<String, Object> body = new HashMap<>();
        body.put("registrationNumber", WORKER);
        body.put("roleType", "SOCIAL_WORKER");
        body.put("startDate", start.toString());
        body.put("hourlyPay", 36.00);
        body.put("employerNi", 4.50);
        body.put("apprenticeshipLevy", 0.20);
        body.put("holidayPay", 4.30);
        body.put("qualifiedOn", "2018-09-01");
        body.put("postQualifyingMonths", 72);
        body.put("noticeWeeks", 4);
        body.put("projectTeam", false);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verdict(Api.Answer answer, String rule) {
        return ((List<Map<String, Object>>) answer.get("verdicts")).stream().filter(v -> rule.equals(v.get("rule"))).findFirst().orElseThrow();
    }

    private Api.Answer check(String token, Map<String, Object> body) {
        Api.Answer answer = api.post("/api/v1/agency/checks", token, body);
        assertEquals(200, answer.status(), answer.body());
        return answer;
    }

    private void leaves(String token, LocalDate leftOn) {
        Api.Answer left = api.post("/api/v1/agency/leavers", token, Map.of("registrationNumber", WORKER, "leftOn", leftOn.toString(),
                "role", "SOCIAL_WORKER"));
        assertEquals(201, left.status(), left.body());
        assertFalse(left.body().contains(WORKER), "the number is never given back");
    }

    @Test
    void aWorkerWhoLeftKentIsFlaggedForSurreyWithTheEndDateOnlyAndNothingOfKentReachesSurrey() throws Exception {
        LocalDate leftOn = LocalDate.now().minusDays(10);
        leaves(kent, leftOn);
        LocalDate lastDay = leftOn.plusMonths(3).minusDays(1);

        Api.Answer onTheLastDay = check(surrey, proposal(lastDay));
        Map<String, Object> coolingOff = verdict(onTheLastDay, "COOLING_OFF");
        assertEquals("FAIL", coolingOff.get("outcome"));
        assertEquals(lastDay.toString(), coolingOff.get("until"));
        assertEquals(false, onTheLastDay.get("allowed"));
        for (String leak : List.of("Kent", KENT, leftOn.toString(), "left on", "resign")) {
            assertFalse(onTheLastDay.body().contains(leak), "Surrey's answer says nothing of " + leak + ": " + onTheLastDay.body());
        }
        assertEquals("PASS", verdict(check(surrey, proposal(lastDay.plusDays(1))), "COOLING_OFF").get("outcome"), "the day after");
        assertEquals("PASS", verdict(check(essex, proposal(lastDay)), "COOLING_OFF").get("outcome"), "another region is not bound");
        assertEquals("FAIL", verdict(check(kent, proposal(lastDay)), "COOLING_OFF").get("outcome"), "the same council is");

        String surreysAudit = api.get("/api/v1/audit", Tokens.authorityUser("surrey-dcs", SURREY, Role.AUTHORITY_VIEWER)).body();
        assertFalse(surreysAudit == null ? false : surreysAudit.contains(KENT), "nothing of Kent's in Surrey's audit view");
        try (Connection owner = TestDatabase.shared().asOwner(); Statement s = owner.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from agency_leaver where worker_pseudonym like '%" + WORKER + "%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "the clear number is in no row");
        }
    }

    @Test
    void theAnswerThatNoCoolingOffAppliesSaysHowFewOfTheRegionsLeaversTheCouncilsHaveRecorded() throws Exception {
        String before = (String) verdict(check(surrey, proposal(LocalDate.now())), "COOLING_OFF").get("reason");
        assertFalse(before.contains("your region's councils recorded"), "no census figure loaded, so nothing to compare with: " + before);
        TestDatabase.shared().importWorkforceIndicators();
        leaves(kent, LocalDate.now().minusMonths(5));

        Map<String, Object> body = proposal(LocalDate.now());
        body.put("registrationNumber", "SW899999");
        String surreys = (String) verdict(check(surrey, body), "COOLING_OFF").get("reason");
        assertTrue(surreys.contains("your region's councils recorded fewer than 5% as many permanent leavers as DfE's census counts in a year"),
                "one leaver recorded against the South East's hundreds: " + surreys);
        assertTrue(surreys.contains("so a leaving may well be unknown here"), surreys);
        String essexs = (String) verdict(check(essex, body), "COOLING_OFF").get("reason");
        assertTrue(essexs.contains("your region's councils recorded no permanent leavers; DfE's census counted"), "Kent's leaver is not the East of England's: " + essexs);
        assertFalse(surreys.matches(".*recorded 1\\b.*"), "the count recorded is never said, only a rounded share: " + surreys);
    }

    @Test
    void londonsCoolingOffIsSixMonths() {
        LocalDate leftOn = LocalDate.now().minusDays(5);
        leaves(Tokens.authorityUser("camden-lead", CAMDEN, Role.AUTHORITY_SUBMITTER), leftOn);
        String islington = Tokens.authorityUser("islington-lead", ISLINGTON, Role.AUTHORITY_SUBMITTER);
        Map<String, Object> verdict = verdict(check(islington, proposal(leftOn.plusMonths(4))), "COOLING_OFF");
        assertEquals("FAIL", verdict.get("outcome"), "four months on is inside London's six");
        assertEquals(leftOn.plusMonths(6).minusDays(1).toString(), verdict.get("until"));
        assertEquals("PASS", verdict(check(islington, proposal(leftOn.plusMonths(6))), "COOLING_OFF").get("outcome"));
    }

    @Test
    void aLeavingByRedundancyIsExemptFromCoolingOff() {
        assertEquals(201, api.post("/api/v1/agency/leavers", kent, Map.of("registrationNumber", WORKER, "leftOn",
                LocalDate.now().minusDays(3).toString(), "role", "SOCIAL_WORKER", "exemption", "REDUNDANCY")).status());
        assertEquals("PASS", verdict(check(surrey, proposal(LocalDate.now())), "COOLING_OFF").get("outcome"));
    }

    @Test
    void fourHundredPoundsAnHourWhereNoCapIsRecordedIsNotCheckedNeverAPass() {
        Map<String, Object> dear = proposal(LocalDate.now());
        dear.put("hourlyPay", 400.00);
        Map<String, Object> verdict = verdict(check(essex, dear), "PRICE_CAP");
        assertEquals("NOT_CHECKED", verdict.get("outcome"));
        assertTrue(verdict.get("reason").toString().contains("cannot say whether £"), verdict.toString());
    }

    @Test
    void coolingOffIsNeverShorterThanTheStatutoryThreeMonthsWhateverTheTermsSay() {
        Api.Answer zero = api.post("/api/v1/region/terms", seAdmin, exchange.workforce.support.Fixtures.newTerms(LocalDate.now().toString(), 0));
        assertEquals(422, zero.status(), zero.body());
        assertTrue(zero.body().contains("at least 3 months, the statutory cooling-off"), zero.body());
        Api.Answer two = api.post("/api/v1/region/terms", seAdmin, exchange.workforce.support.Fixtures.newTerms(LocalDate.now().toString(), 2));
        assertEquals(422, two.status(), two.body());
    }

    @Test
    void termsStoredBelowTheFloorStillCoolOffForThreeMonths() throws Exception {
        LocalDate leftOn = LocalDate.now().minusDays(10);
        leaves(kent, leftOn);
        try (Connection owner = TestDatabase.shared().asOwner(); Statement s = owner.createStatement()) {
            s.executeUpdate("update memorandum_terms set cooling_off_months = 0 where region_code = 'E12000008'");
            try {
                Map<String, Object> verdict = verdict(check(surrey, proposal(leftOn.plusMonths(2))), "COOLING_OFF");
                assertEquals("FAIL", verdict.get("outcome"), "terms of 0 months, from before the floor, do not lift the statutory 3");
                assertEquals(leftOn.plusMonths(3).minusDays(1).toString(), verdict.get("until"));
            } finally {
                s.executeUpdate("update memorandum_terms set cooling_off_months = 3 where region_code = 'E12000008'");
            }
        }
    }

    @Test
    void theRegionsCapIsMetExactlyAndAPennyOverNeedsSignOff() {
        Api.Answer cap = api.post("/api/v1/agency/caps", seAdmin, Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 45.00,
                "effectiveFrom", "2025-04-01", "source", "South East RIIA, 20 March 2025"));
        assertEquals(201, cap.status(), cap.body());
        assertEquals("PASS", verdict(check(surrey, proposal(LocalDate.now())), "PRICE_CAP").get("outcome"));
        Map<String, Object> over = proposal(LocalDate.now());
        over.put("hourlyPay", 36.01);
        Api.Answer answer = check(surrey, over);
        assertEquals("NEEDS_SIGN_OFF", verdict(answer, "PRICE_CAP").get("outcome"));
        @SuppressWarnings("unchecked")
        List<Object> failed = ((List<Map<String, Object>>) answer.get("verdicts")).stream().filter(v -> "FAIL".equals(v.get("outcome")))
                .map(v -> v.get("rule")).toList();
        assertEquals(List.of("REFERENCES"), failed, "the cap needs sign-off; only the missing references fail");
        assertEquals("NOT_CHECKED", verdict(check(essex, over), "PRICE_CAP").get("outcome"), "the East of England has set no cap");
        assertEquals(403, api.post("/api/v1/agency/caps", surrey, Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 99,
                "effectiveFrom", "2025-04-01", "source", "x")).status(), "a council does not set its region's caps");
        assertEquals(409, api.post("/api/v1/agency/caps", seAdmin, Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 50.00,
                "effectiveFrom", "2025-04-01", "source", "again")).status());
    }

    @Test
    void anotherCouncilReadsNoneOfAnothersLeaversAndOnlyTheCouncilsOwnEngagementOfTheSameWorkerCountsForReferences() {
        leaves(kent, LocalDate.now().minusDays(40));
        assertTrue(api.get("/api/v1/agency/leavers", kent).body().contains("SOCIAL_WORKER"));
        assertEquals("[]", api.get("/api/v1/agency/leavers", surrey).body().replace(" ", ""));
        Api.Answer engagement = api.post("/api/v1/references/engagements", Tokens.authorityUser("kent-refs", KENT, Role.REFERENCE_OFFICER),
                exchange.workforce.support.ReferenceFixtures.engagement(WORKER));
        assertEquals(201, engagement.status(), engagement.body());
        @SuppressWarnings("unchecked")
        Object engagementId = ((Map<String, Object>) engagement.get("engagement")).get("id");
        Map<String, Object> linked = proposal(LocalDate.now());
        linked.put("engagementId", engagementId);
        assertEquals("0 of the 2 references needed have been provided.", verdict(check(kent, linked), "REFERENCES").get("reason"));
        Map<String, Object> othersEngagement = proposal(LocalDate.now());
        othersEngagement.put("engagementId", engagementId);
        assertTrue(verdict(check(surrey, othersEngagement), "REFERENCES").get("reason").toString().startsWith("No engagement of this worker"),
                "Surrey cannot borrow Kent's engagement");
        Map<String, Object> otherWorker = proposal(LocalDate.now());
        otherWorker.put("registrationNumber", "SW700001");
        otherWorker.put("engagementId", engagementId);
        assertTrue(verdict(check(kent, otherWorker), "REFERENCES").get("reason").toString().startsWith("No engagement of this worker"),
                "an engagement of another worker does not count");
    }

    @Test
    void referencesGatheredOffThePlatformAndAttestedByTheReferenceOfficerCountTowardsTheTwo() {
        String kentRefs = Tokens.authorityUser("kent-refs", KENT, Role.REFERENCE_OFFICER);
        Api.Answer engagement = api.post("/api/v1/references/engagements", kentRefs, exchange.workforce.support.ReferenceFixtures.engagement(WORKER));
        assertEquals(201, engagement.status(), engagement.body());
        @SuppressWarnings("unchecked")
        Object engagementId = ((Map<String, Object>) engagement.get("engagement")).get("id");
        String path = "/api/v1/references/engagements/" + engagementId + "/references-from-elsewhere";
        Map<String, Object> evidence = new java.util.HashMap<>(Map.of("refereeOrganisation", "Northumberland County Council",
                "refereeRole", "Team manager, Children's services", "providedOn", LocalDate.now().minusDays(3).toString(),
                "template", "MEMORANDUM_STANDARD", "attested", false));
        Api.Answer unattested = api.post(path, kentRefs, evidence);
        assertEquals(422, unattested.status(), unattested.body());
        assertTrue(unattested.body().contains("attested: confirm (true) that you have read the reference"), unattested.body());
        evidence.put("attested", true);
        assertEquals(201, api.post(path, kentRefs, evidence).status());
        evidence.put("refereeOrganisation", "Fostering Futures Ltd");
        evidence.put("template", "OTHER_DETAILED_PRACTICE_BASED");
        assertEquals(201, api.post(path, kentRefs, evidence).status());
        assertEquals(404, api.post(path, Tokens.authorityUser("surrey-refs", SURREY, Role.REFERENCE_OFFICER), evidence).status(),
                "not Surrey's engagement");
        assertEquals(403, api.post(path, kent, evidence).status(), "a reference officer's to record");

        Api.Answer view = api.get("/api/v1/references/engagements/" + engagementId, kentRefs);
        assertEquals(2, ((Number) view.get("referencesProvided")).intValue(), view.body());
        assertEquals(true, view.get("meetsTwoReferenceMinimum"));
        assertTrue(view.body().contains("Fostering Futures Ltd"), "the evidence is listed with the engagement");
        Map<String, Object> linked = proposal(LocalDate.now());
        linked.put("engagementId", engagementId);
        assertEquals("PASS", verdict(check(kent, linked), "REFERENCES").get("outcome"), "the two-reference rule is met");
    }

    @Test
    void aProposalWithEveryMistakeIsAnsweredWithEveryMistakeNamed() {
        Api.Answer answer = api.post("/api/v1/agency/checks", surrey, Map.of("registrationNumber", "12345", "roleType", "LOCUM",
                "hourlyPay", -1, "noticeWeeks", 4));
        assertEquals(422, answer.status(), answer.body());
        for (String field : List.of("roleType", "startDate", "hourlyPay", "employerNi", "postQualifyingMonths", "registrationNumber")) {
            assertTrue(answer.body().contains("\"field\":\"" + field + "\""), field + " in " + answer.body());
        }
        assertEquals(403, api.post("/api/v1/agency/checks", Tokens.regionalUser("ade", "E12000008", Role.REGIONAL_VIEWER), proposal(LocalDate.now())).status());
    }
}
