package exchange.workforce.identity;

import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class TokenValidationTest extends PlatformTest {


    @Test
    void aRequestWithoutATokenIsRefusedWith401AndAProblem() {
        Api.Answer answer = api.send(HttpRequest.GET("/api/v1/me"));
        assertEquals(401, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("UNAUTHENTICATED", answer.get("code"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertEquals(401, api.get("/api/v1/me", Tokens.signedByAnotherKey()).status());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertEquals(401, api.get("/api/v1/me", Tokens.unsigned()).status());
    }

    @Test
    void aGenuineTokenRewrittenToAlgNoneIsRefused() {
        assertEquals(401, api.get("/api/v1/me", Tokens.algNoneWithGenuinePayload()).status());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertEquals(401, api.get("/api/v1/me", Tokens.withIssuer("https://login.example.com/another")).status());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertEquals(401, api.get("/api/v1/me", Tokens.withAudience("some-other-service")).status());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertEquals(401, api.get("/api/v1/me", Tokens.expired()).status());
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbidden() {
        String viewer = Tokens.authorityUser("vera", "E10000016", Role.AUTHORITY_VIEWER);
        Api.Answer answer = api.post("/api/v1/contacts", viewer,
                Map.of("name", "Jo", "email", "jo@kent.gov.uk", "responsibility", "REFERENCES"));
        assertEquals(403, answer.status());
        assertEquals("FORBIDDEN", answer.get("code"));
    }

    @Test
    void aCouncilUserSeesTheirAuthorityAndRolesFromTheToken() {
        Api.Answer me = api.get("/api/v1/me", Tokens.authorityUser("alice", "E10000016", Role.AUTHORITY_SUBMITTER, Role.PLANNER));
        assertEquals(200, me.status());
        assertEquals("alice", me.get("user"));
        @SuppressWarnings("unchecked") Map<String, Object> authority = (Map<String, Object>) me.get("authority");
        assertEquals("Kent", authority.get("name"));
        assertEquals("E12000008", authority.get("regionCode"));
        assertEquals(List.of("AUTHORITY_SUBMITTER", "PLANNER"), me.get("roles"));
    }

    @Test
    void aRegionalUserSeesTheirRegion() {
        Api.Answer me = api.get("/api/v1/me", Tokens.regionalUser("rita", "E12000008", Role.REGIONAL_VIEWER));
        @SuppressWarnings("unchecked") Map<String, Object> region = (Map<String, Object>) me.get("region");
        assertEquals("South East", region.get("name"));
    }

    @Test
    void aTokenNamingAnAuthorityThePlatformDoesNotKnowIsRefusedWithAnExplanation() {
        Api.Answer answer = api.get("/api/v1/me", Tokens.authorityUser("x", "E99999999", Role.AUTHORITY_VIEWER));
        assertEquals(401, answer.status());
        assertEquals("UNAUTHENTICATED", answer.get("code"));
        assertTrue(answer.get("detail").toString().contains("'E99999999' is not an English local authority code"), answer.body());
    }

    /** Each row: what the token says, and whether the platform accepts it (200 on /me) or refuses it (401, saying why). */
    @Test
    void onlyTokensThatNameOneExistingAuthorityOrRegionWithFittingRolesAnExpiryAndAUserAreAccepted() {
        record Row(String says, java.util.function.Consumer<com.nimbusds.jwt.JWTClaimsSet.Builder> claims, String refusal) {
        }
        List<Row> matrix = List.of(
                new Row("a council submitter", c -> { }, null),
                new Row("a regional viewer", c -> c.claim("authority", null).claim("region", "E12000008")
                        .claim("roles", List.of("REGIONAL_VIEWER")), null),
                new Row("a regional planner", c -> c.claim("authority", null).claim("region", "E12000008")
                        .claim("roles", List.of("PLANNER")), null),
                new Row("a council planner", c -> c.claim("roles", List.of("PLANNER")), null),
                new Row("both an authority and a region", c -> c.claim("region", "E12000008"), "names both an authority and a region"),
                new Row("neither an authority nor a region", c -> c.claim("authority", null), "names neither"),
                new Row("no expiry", c -> c.expirationTime(null), "no expiry"),
                new Row("an empty subject", c -> c.subject(""), "names no user"),
                new Row("no subject", c -> c.subject(null), null),
                new Row("an abolished authority", c -> c.claim("authority", "E06000028"), "no longer exists"),
                new Row("a region that is not English", c -> c.claim("authority", null).claim("region", "W92000004")
                        .claim("roles", List.of("REGIONAL_VIEWER")), "not an English region"),
                new Row("a region with a council role only", c -> c.claim("authority", null).claim("region", "E12000008")
                        .claim("roles", List.of("AUTHORITY_VIEWER")), "cannot hold the council roles"),
                new Row("a region with no role", c -> c.claim("authority", null).claim("region", "E12000008")
                        .claim("roles", List.of()), "needs a regional role"),
                new Row("a region with council and regional roles", c -> c.claim("authority", null).claim("region", "E12000008")
                        .claim("roles", List.of("REGIONAL_VIEWER", "AUTHORITY_SUBMITTER")), "cannot hold the council roles"),
                new Row("an authority with a regional role", c -> c.claim("roles", List.of("AUTHORITY_SUBMITTER", "REGION_ADMIN")),
                        "cannot hold the regional roles"),
                new Row("an expiry 900 years ahead", c -> c.issueTime(new java.util.Date())
                        .expirationTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(900L * 366)))), "longer than the most"),
                new Row("a lifetime of 12 hours exactly", c -> c.issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(60)))
                        .expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(60).plus(java.time.Duration.ofHours(12)))), null),
                new Row("no time of issue", c -> c.issueTime(null), "does not say when it was issued"),
                new Row("a time of issue a day ahead", c -> c.issueTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1))))
                        .expirationTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofHours(25)))), "issued in the future"),
                new Row("valid only from tomorrow", c -> c.notBeforeTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1)))),
                        ""),
                new Row("a NUL in its user", c -> c.subject("mal\u0000lory"), "control character"));
        for (Row row : matrix) {
            Api.Answer answer = api.get("/api/v1/me", Tokens.withClaims(row.claims()));
            boolean refused = row.refusal() != null || row.says().equals("no subject");
            assertEquals(refused ? 401 : 200, answer.status(), row.says() + ": " + answer.body());
            if (row.refusal() != null) {
                assertTrue(answer.get("detail").toString().contains(row.refusal()), row.says() + ": " + answer.body());
            }
        }
    }
}
