package exchange.workforce.contacts;

import exchange.workforce.identity.Role;
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

/** One authority never sees or changes another's contacts; its region sees its members'. */
@MicronautTest(transactional = false)
class ContactIsolationTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";


    final String kent = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
    final String surrey = Tokens.authorityUser("surrey-lead", SURREY, Role.AUTHORITY_SUBMITTER);

    private String kentAddsAContact() {
        Api.Answer created = api.post("/api/v1/contacts", kent,
                Map.of("name", "Jo Bloggs", "email", "jo.bloggs@kent.gov.uk", "responsibility", "WORKFORCE_RETURNS"));
        assertEquals(201, created.status(), created.body());
        return (String) created.get("id");
    }

    @Test
    void aSubmitterAddsAContactForTheirOwnAuthorityWhateverTheBodySays() {
        Api.Answer created = api.post("/api/v1/contacts", kent, Map.of("name", "Jo", "email", "jo@kent.gov.uk",
                "responsibility", "REFERENCES", "authorityCode", SURREY));
        assertEquals(201, created.status(), created.body());
        assertEquals(KENT, created.get("authorityCode"));
    }

    @Test
    void anotherAuthorityGets404ForTheContactAndCannotDeleteIt() {
        String id = kentAddsAContact();
        assertEquals(404, api.get("/api/v1/contacts/" + id, surrey).status());
        assertEquals(404, api.send(HttpRequest.DELETE("/api/v1/contacts/" + id).bearerAuth(surrey)).status());
        assertEquals(200, api.get("/api/v1/contacts/" + id, kent).status(), "Kent's contact is still there");
    }

    @Test
    void anotherAuthoritysListDoesNotIncludeTheContact() {
        kentAddsAContact();
        Api.Answer list = api.send(HttpRequest.GET("/api/v1/contacts").bearerAuth(surrey));
        assertEquals("[]", list.body());
    }

    @Test
    void theOwnerCanRemoveItsContactAndTheRemovalIsFinal() {
        String id = kentAddsAContact();
        assertEquals(204, api.send(HttpRequest.DELETE("/api/v1/contacts/" + id).bearerAuth(kent)).status());
        assertEquals(404, api.get("/api/v1/contacts/" + id, kent).status());
    }

    @Test
    void theRegionSeesItsMembersContactsAndAnotherRegionDoesNot() {
        kentAddsAContact();
        String southEast = Tokens.regionalUser("se-admin", "E12000008", Role.REGIONAL_VIEWER);
        String london = Tokens.regionalUser("ldn-admin", "E12000007", Role.REGIONAL_VIEWER);
        assertTrue(api.get("/api/v1/region/contacts", southEast).body().contains("jo.bloggs@kent.gov.uk"));
        assertEquals("[]", api.get("/api/v1/region/contacts", london).body());
    }

    @Test
    void aCouncilUserCannotUseTheRegionalView() {
        Api.Answer viewer = api.get("/api/v1/region/contacts", Tokens.authorityUser("x", KENT, Role.AUTHORITY_VIEWER));
        assertEquals(403, viewer.status());
        Api.Answer answer = api.get("/api/v1/region/contacts", Tokens.authorityUser("x", KENT, Role.REGIONAL_VIEWER));
        assertEquals(401, answer.status(), "a council token with a regional role is refused outright");
        assertTrue(answer.get("detail").toString().contains("cannot hold the regional roles"), answer.body());
    }

    @Test
    void aContactWithoutRequiredFieldsIsRefusedWith422NamingEachField() {
        Api.Answer answer = api.post("/api/v1/contacts", kent, Map.of("email", "not-an-address"));
        assertEquals(422, answer.status());
        @SuppressWarnings("unchecked") List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
        assertEquals(List.of("email", "name", "responsibility"), errors.stream().map(e -> e.get("field")).toList());
        assertEquals("[]", api.get("/api/v1/contacts", kent).body(), "nothing was stored");
    }

    @Test
    void anUnknownResponsibilityIsRefusedNot500() {
        Api.Answer answer = api.post("/api/v1/contacts", kent, Map.of("name", "Jo", "email", "jo@kent.gov.uk",
                "responsibility", "CHIEF_EXECUTIVE"));
        assertTrue(answer.status() == 400 || answer.status() == 422, answer.body());
    }
}
