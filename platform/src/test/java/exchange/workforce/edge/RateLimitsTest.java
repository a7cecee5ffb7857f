package exchange.workforce.edge;

import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An integrator's script that loops too fast is slowed, not the service: each caller has an allowance a minute, every
 * API answer says where the caller stands, and the request beyond it is refused with when to try again, while other
 * callers, the pages and the health probes go on.
 */
@MicronautTest(transactional = false)
class RateLimitsTest extends PlatformTest {

    static final int LIMIT = 5;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(serviceProperties());
        properties.put("wfx.rate-limit.requests-per-minute", String.valueOf(LIMIT));
        return properties;
    }

    private HttpResponse<?> exchange(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void theRequestBeyondACallersAllowanceIsRefusedWithWhenToTryAgainAndOtherCallersGoOn() {
        String script = Tokens.authorityUser("kent-integration", "E10000016", Role.AUTHORITY_SUBMITTER);
        for (int i = 1; i <= LIMIT; i++) {
            HttpResponse<?> answer = exchange(HttpRequest.GET("/api/v1/me").bearerAuth(script));
            assertEquals(200, answer.code());
            assertEquals(String.valueOf(LIMIT), answer.getHeaders().get("RateLimit-Limit"));
            assertEquals(String.valueOf(LIMIT - i), answer.getHeaders().get("RateLimit-Remaining"), "request " + i);
            int reset = Integer.parseInt(answer.getHeaders().get("RateLimit-Reset"));
            assertTrue(reset >= 1 && reset <= 60, "seconds until the minute ends: " + reset);
            assertEquals(LIMIT + ";w=60", answer.getHeaders().get("RateLimit-Policy"));
        }

        HttpResponse<?> refused = exchange(HttpRequest.GET("/api/v1/me").bearerAuth(script));
        assertEquals(429, refused.code());
        assertEquals("application/problem+json", refused.getContentType().orElseThrow().toString());
        String body = refused.getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"TOO_MANY_REQUESTS\""), body);
        assertTrue(body.contains("You have made " + LIMIT + " requests to the API in the last minute"), body);
        int retryAfter = Integer.parseInt(refused.getHeaders().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("0", refused.getHeaders().get("RateLimit-Remaining"));

        String colleague = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
        assertEquals(200, exchange(HttpRequest.GET("/api/v1/me").bearerAuth(colleague)).code(), "another caller has its own allowance");
        for (int i = 0; i <= LIMIT; i++) {
            assertEquals(200, exchange(HttpRequest.GET("/health/liveness")).code(), "probes are not API requests");
        }
    }

    @Test
    void answersRefusedBeforeAnyFeatureRunsSayWhereTheCallerStandsToo() {
        HttpResponse<?> unsigned = exchange(HttpRequest.GET("/api/v1/me"));
        assertEquals(401, unsigned.code());
        assertEquals(String.valueOf(LIMIT), unsigned.getHeaders().get("RateLimit-Limit"), "a caller without a token is counted by its address");
        for (int i = 0; i < LIMIT; i++) {
            exchange(HttpRequest.GET("/api/v1/me").header("X-Forwarded-For", "203.0.113." + i));
        }
        assertEquals(429, exchange(HttpRequest.GET("/api/v1/me").header("X-Forwarded-For", "198.51.100.7")).code(),
                "an address a caller writes in a header is not a new caller");

        String lead = Tokens.authorityUser("surrey-lead", "E10000030", Role.AUTHORITY_SUBMITTER);
        HttpResponse<?> forbidden = exchange(HttpRequest.GET("/api/v1/audit").bearerAuth(lead));
        assertEquals(403, forbidden.code());
        assertEquals(String.valueOf(LIMIT - 1), forbidden.getHeaders().get("RateLimit-Remaining"));

        HttpResponse<?> page = exchange(HttpRequest.GET("/sign-in"));
        assertFalse(page.getHeaders().contains("RateLimit-Limit"), "the pages are not part of the API's allowance");
    }
}
