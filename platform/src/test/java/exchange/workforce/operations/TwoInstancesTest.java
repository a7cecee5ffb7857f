package exchange.workforce.operations;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.Fixtures;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas against one database: what one accepts, the other serves. Nothing lives in one replica's memory. */
class TwoInstancesTest {

    @Test
    void twoInstancesAgainstOneDatabaseBothServeTheSameData() {
        TestDatabase.shared().clean();
        Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties);
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient firstClient = HttpClient.create(first.getURL());
             HttpClient secondClient = HttpClient.create(second.getURL())) {
            JsonMapper json = first.getApplicationContext().getBean(JsonMapper.class);
            Api one = new Api(firstClient.toBlocking(), json);
            Api two = new Api(secondClient.toBlocking(), json);
            String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);

            Api.Answer created = one.post("/api/v1/contacts", kent,
                    Fixtures.newContact("jo@kent.gov.uk"));
            assertEquals(201, created.status(), created.body());
            Api.Answer readElsewhere = two.get("/api/v1/contacts/" + created.get("id"), kent);
            assertEquals(200, readElsewhere.status());
            assertEquals("jo@kent.gov.uk", readElsewhere.get("email"));

            String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
            assertEquals(201, two.post("/api/v1/region/terms", seAdmin,
                    Fixtures.newTerms(java.time.LocalDate.now().plusMonths(6).toString(), 3)).status());
            assertTrue(one.get("/api/v1/regions/E12000008/memorandum/terms", seAdmin).body().contains("\"version\":2"));
        }
    }
}
