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
    void aTokenNamingAnAuthorityThePlatformDoesNotKnowIsForbiddenWithAnExplanation() {
        Api.Answer answer = api.get("/api/v1/me", Tokens.authorityUser("x", "E99999999", Role.AUTHORITY_VIEWER));
        assertEquals(403, answer.status());
        assertEquals("TOKEN_NAMES_UNKNOWN_AUTHORITY", answer.get("code"));
        assertEquals("authority", answer.get("field"));
    }
}
