package exchange.workforce.edge;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;
import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council's own dashboard on its own site may read the API from the browser once the operator names its origin
 * (WFX_CORS_ORIGINS); no other site's script can read an answer, and none can without the setting.
 */
@MicronautTest(transactional = false)
class BrowserApplicationsOnOtherSitesTest extends PlatformTest {

    static final String DASHBOARD = "https://insight.kent.gov.uk";

    static Settings settings(String origins) {
        return Settings.from(name -> Optional.ofNullable(name.equals("WFX_CORS_ORIGINS") ? origins : null));
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(serviceProperties());
        settings(DASHBOARD).serviceProperties().forEach((key, value) -> {
            if (key.startsWith("micronaut.server.cors")) {
                properties.put(key, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
            }
        });
        return properties;
    }

    private HttpResponse<?> exchange(HttpClient client, HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void theNamedDashboardMayAskAndReadWithItsTokenButNotWithCookies() {
        HttpResponse<?> preflight = exchange(http, HttpRequest.create(HttpMethod.OPTIONS, "/api/v1/me").header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization"));
        assertEquals(200, preflight.code());
        assertEquals(DASHBOARD, preflight.getHeaders().get("Access-Control-Allow-Origin"));
        assertNull(preflight.getHeaders().get("Access-Control-Allow-Credentials"), "never with the browser's cookies");

        String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
        HttpResponse<?> read = exchange(http, HttpRequest.GET("/api/v1/me").bearerAuth(kent).header("Origin", DASHBOARD));
        assertEquals(200, read.code());
        assertEquals(DASHBOARD, read.getHeaders().get("Access-Control-Allow-Origin"));
        String exposed = String.join(",", read.getHeaders().getAll("Access-Control-Expose-Headers"));
        assertTrue(exposed.contains("RateLimit-Remaining") && exposed.contains("Retry-After"), "the dashboard's script can see where it stands: " + exposed);
    }

    @Test
    void anotherSitesScriptCannotReadAnAnswer() {
        String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
        HttpResponse<?> elsewhere = exchange(http, HttpRequest.GET("/api/v1/me").bearerAuth(kent).header("Origin", "https://evil.example"));
        assertNull(elsewhere.getHeaders().get("Access-Control-Allow-Origin"), "status " + elsewhere.code());
    }

    @Test
    void withoutTheSettingNoSiteCanReadAnAnswer() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(serviceProperties()));
             HttpClient client = HttpClient.create(server.getURL())) {
            String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
            HttpResponse<?> read = exchange(client, HttpRequest.GET("/api/v1/me").bearerAuth(kent).header("Origin", DASHBOARD));
            assertNull(read.getHeaders().get("Access-Control-Allow-Origin"), "status " + read.code());
        }
    }

    @Test
    void anOriginGivenWithAPathOrAWildcardIsRefusedWhenTheServiceStarts() {
        for (String wrong : List.of("https://insight.kent.gov.uk/dashboard", "*", "http://insight.kent.gov.uk", "https://*.gov.uk")) {
            ConfigurationProblem problem = assertThrows(ConfigurationProblem.class, () -> settings(wrong));
            assertTrue(problem.getMessage().contains("give each origin as https://host"), problem.getMessage());
        }
        assertEquals(List.of(DASHBOARD, "http://localhost:3000"), settings(DASHBOARD + ", http://localhost:3000").corsOrigins());
    }
}
