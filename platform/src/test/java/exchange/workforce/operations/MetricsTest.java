package exchange.workforce.operations;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's Prometheus scrapes a replica directly and reads how the service is doing — requests by route and
 * status, the JVM, the database pools — while nobody reaches the metrics through the public proxy, and no figure names
 * a council, a worker or anything a request carried.
 */
@MicronautTest(transactional = false)
class MetricsTest extends PlatformTest {

    @Test
    void aScraperReadsRequestTimingsByRouteTheJvmAndThePoolsButNotThroughTheProxy() {
        String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
        assertEquals(200, api.get("/api/v1/regions/E12000008/memorandum", kent).status());
        api.get("/api/v1/agency/assignments/00000000-0000-0000-0000-000000000123", kent);
        api.get("/api/v1/published-statistics?area=E10000016", kent);
        Api.Answer metrics = api.send(HttpRequest.GET("/prometheus"));
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        String text = metrics.body();
        assertTrue(text.contains("http_server_requests_seconds_count"), "request timings");
        assertTrue(text.contains("uri=\"/api/v1/regions/{code}/memorandum\""), "by route template, never the path a caller sent");
        assertTrue(text.contains("jvm_memory_used_bytes"), "the JVM");
        assertTrue(text.contains("hikaricp_connections"), "the database pools");
        for (String personal : new String[] {"00000000-0000-0000-0000-000000000123", "E10000016", "E12000008", "kent-lead"}) {
            assertFalse(text.contains(personal), "no figure carries " + personal);
        }
        assertEquals(404, api.send(HttpRequest.GET("/prometheus").header("X-Forwarded-For", "203.0.113.7")).status(),
                "through a proxy there is nothing there");
        assertEquals(404, api.send(HttpRequest.GET("/prometheus").header("Forwarded", "for=203.0.113.7")).status());
    }
}
