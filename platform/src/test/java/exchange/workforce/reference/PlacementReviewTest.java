package exchange.workforce.reference;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kent reviews an agency worker's placement; Surrey, of the same memorandum, engaging the same worker later and
 * asking for a reference with the worker's consent, sees the review. Essex, of another memorandum, never does.
 */
@MicronautTest(transactional = false)
class PlacementReviewTest extends PlatformTest {


    final String kent = Tokens.authorityUser("kent-hr", "E10000016", Role.REFERENCE_OFFICER);
    final String surrey = Tokens.authorityUser("surrey-hr", "E10000030", Role.REFERENCE_OFFICER);
    final String essex = Tokens.authorityUser("essex-hr", "E10000012", Role.REFERENCE_OFFICER);
    final String southEastAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);

    @Test
    @SuppressWarnings("unchecked")
    void aReviewIsShownToALaterEngagerOfTheSameMemorandumOnceItHasAskedForAReferenceAndTheReadIsAudited() {
        Api.Answer recorded = api.post("/api/v1/placement-reviews", kent, ReferenceFixtures.placementReview("SW555 555"));
        assertEquals(201, recorded.status(), recorded.body());
        String reviewId = (String) recorded.get("id");
        assertNull(((Map<String, Object>) recorded.get("review")).get("registrationNumber"), "the number is not kept");

        Map<String, Object> engagement = (Map<String, Object>) api.post("/api/v1/references/engagements", surrey,
                ReferenceFixtures.engagement("sw555555")).get("engagement");
        assertEquals(List.of(), api.get("/api/v1/references/engagements/" + engagement.get("id"), surrey).get("placementReviews"),
                "an engagement alone, with no request and so no consent recorded, shows no review");
        assertEquals(201, api.post("/api/v1/references/requests", surrey,
                ReferenceFixtures.request(engagement.get("id"), "E10000014")).status());
        Api.Answer view = api.get("/api/v1/references/engagements/" + engagement.get("id"), surrey);
        List<Map<String, Object>> reviews = (List<Map<String, Object>>) view.get("placementReviews");
        assertEquals(1, reviews.size());
        assertEquals(reviewId, reviews.get(0).get("id"));
        assertEquals("E10000016", reviews.get(0).get("engagingAuthority"));

        List<Map<String, Object>> events = (List<Map<String, Object>>) api.get("/api/v1/audit?limit=50", southEastAdmin).get("events");
        assertTrue(events.stream().anyMatch(e -> "PLACEMENT_REVIEW_READ".equals(e.get("action"))
                && reviewId.equals(e.get("targetId")) && "surrey-hr".equals(e.get("actor"))), events.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAuthorityWithoutAnEngagementOfTheWorkerDoesNotSeeTheReview() {
        String reviewId = (String) api.post("/api/v1/placement-reviews", kent, ReferenceFixtures.placementReview("SW555555")).get("id");
        assertEquals(404, api.get("/api/v1/placement-reviews/" + reviewId, essex).status());
        assertEquals("[]", api.get("/api/v1/placement-reviews", essex).body());
        Map<String, Object> otherWorker = (Map<String, Object>) api.post("/api/v1/references/engagements", essex,
                ReferenceFixtures.engagement("SW111111")).get("engagement");
        assertEquals(List.of(), api.get("/api/v1/references/engagements/" + otherWorker.get("id"), essex).get("placementReviews"));
    }

    @Test
    void whoHoldsReferencesForAWorkerNamesTheAuthoritiesButNotTheContent() {
        api.post("/api/v1/placement-reviews", kent, ReferenceFixtures.placementReview("SW555555"));
        Api.Answer holders = api.post("/api/v1/references/holders", surrey, Map.of("registrationNumber", "SW555555"));
        assertEquals(200, holders.status(), holders.body());
        assertTrue(holders.body().contains("\"authorityCode\":\"E10000016\"") && holders.body().contains("PLACEMENT_REVIEW"));
        assertFalse(holders.body().contains("rapport"), "no content of the review");
        assertEquals("[]", api.post("/api/v1/references/holders", surrey, Map.of("registrationNumber", "SW999999")).body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReferenceOfficerOfAnotherMemorandumLearnsNothingAboutTheWorker() {
        api.post("/api/v1/placement-reviews", kent, ReferenceFixtures.placementReview("SW555555"));
        // Essex (East of England) engages the worker and asks Hertfordshire, of its own memorandum, for a reference
        Map<String, Object> engagement = (Map<String, Object>) api.post("/api/v1/references/engagements", essex,
                ReferenceFixtures.engagement("SW555555")).get("engagement");
        assertEquals(201, api.post("/api/v1/references/requests", essex,
                ReferenceFixtures.request(engagement.get("id"), "E10000015")).status());
        assertEquals(List.of(), api.get("/api/v1/references/engagements/" + engagement.get("id"), essex).get("placementReviews"),
                "no review from another memorandum");
        assertEquals("[]", api.post("/api/v1/references/holders", essex, Map.of("registrationNumber", "SW555555")).body(),
                "no holder from another memorandum");
        Api.Answer askKent = api.post("/api/v1/references/requests", essex, ReferenceFixtures.request(engagement.get("id"), "E10000016"));
        assertEquals(403, askKent.status(), "no request across memoranda: " + askKent.body());
        assertEquals("NOT_A_SIGNATORY", askKent.get("code"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void holderLookUpsAreLimitedPerPersonAndEachIsAuditedWithItsCount() {
        for (int i = 1; i <= 30; i++) {
            assertEquals(200, api.post("/api/v1/references/holders", surrey,
                    Map.of("registrationNumber", String.format("SW%06d", i))).status(), "look-up " + i);
        }
        Api.Answer refused = api.post("/api/v1/references/holders", surrey, Map.of("registrationNumber", "SW000031"));
        assertEquals(429, refused.status(), refused.body());
        assertEquals("TOO_MANY_LOOKUPS", refused.get("code"));
        io.micronaut.http.client.exceptions.HttpClientResponseException again = org.junit.jupiter.api.Assertions.assertThrows(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class, () -> http.toBlocking().exchange(
                        io.micronaut.http.HttpRequest.POST("/api/v1/references/holders", Map.of("registrationNumber", "SW000032")).bearerAuth(surrey)));
        long retryAfter = Long.parseLong(again.getResponse().getHeaders().get("Retry-After"));
        assertTrue(retryAfter > 3000 && retryAfter <= 3600, "Retry-After: when the first of the hour's 30 leaves the window, in seconds: " + retryAfter);
        String colleague = Tokens.authorityUser("surrey-hr-2", "E10000030", Role.REFERENCE_OFFICER);
        assertEquals(200, api.post("/api/v1/references/holders", colleague, Map.of("registrationNumber", "SW000031")).status(),
                "the limit is per person");
        List<Map<String, Object>> events = (List<Map<String, Object>>) api.get("/api/v1/audit?limit=100", southEastAdmin).get("events");
        assertTrue(events.stream().anyMatch(e -> "REFERENCE_HOLDERS_LOOKED_UP".equals(e.get("action"))
                && "surrey-hr".equals(e.get("actor")) && String.valueOf(e.get("detail")).contains("lookupsThisHour=30")), events.toString());
    }

    @Test
    void anIncompleteReviewIsRefusedNamingEachField() {
        Map<String, Object> review = ReferenceFixtures.placementReview("SW555555");
        review.remove("agency");
        review.put("endDate", "2024-01-01");
        Api.Answer answer = api.post("/api/v1/placement-reviews", kent, review);
        assertEquals(422, answer.status());
        assertTrue(answer.body().contains("\"field\":\"agency\"") && answer.body().contains("\"field\":\"endDate\""), answer.body());
    }
}
