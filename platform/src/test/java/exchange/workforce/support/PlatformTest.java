package exchange.workforce.support;

import exchange.workforce.config.Settings;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Base of tests that drive the running service over HTTP: the shared test database, the test run's local
 * issuer, a random port. Annotate subclasses with {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient http;
    @Inject
    protected JsonMapper json;
    protected Api api;
    @Inject
    protected exchange.workforce.web.Sessions sessions;

    /** A browser session signed in with the token, as the sign-in page would open it: the cookie's value. */
    protected String session(String token) {
        return sessions.open(token);
    }

    @BeforeAll
    void client() {
        api = new Api(http.toBlocking(), json);
    }

    public static Map<String, String> serviceProperties() {
        Settings settings = Settings.from(name -> Optional.empty());
        Map<String, String> properties = new HashMap<>();
        settings.serviceProperties().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("wfx.local-issuer.key-file", Tokens.keyFile().toString());
        properties.put("wfx.pseudonym.key-file", Tokens.pseudonymKeyFile().toString());
        TestDatabase.shared().connection().applicationDatasourceProperties()
                .forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("micronaut.server.port", "-1");
        // a test class sends one token many more requests a minute than anyone should; RateLimitsTest sets its own
        properties.put("wfx.rate-limit.requests-per-minute", "1000000");
        return properties;
    }

    @Override
    public Map<String, String> getProperties() {
        return serviceProperties();
    }

    @BeforeEach
    void startClean() {
        TestDatabase.shared().clean();
    }
}
