package exchange.workforce.operations;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.Fixtures;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import exchange.workforce.support.TwoReplicas;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas against one database: what one accepts, the other serves. Nothing lives in one replica's memory. */
class TwoInstancesTest {

    @Test
    void twoInstancesAgainstOneDatabaseBothServeTheSameData() {
        TestDatabase.shared().clean();
        try (TwoReplicas replicas = TwoReplicas.start()) {
            Api one = replicas.one;
            Api two = replicas.two;
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
