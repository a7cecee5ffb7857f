package exchange.workforce.tenancy;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform ships England's regions and authorities with their real codes. */
@MicronautTest(transactional = false)
class ReferenceDataTest extends PlatformTest {


    final String anyone = Tokens.authorityUser("v", "E10000016", Role.AUTHORITY_VIEWER);

    @Test
    void everyMigrationAppliedToTheEmptyTestDatabase() {
        var database = TestDatabase.shared().connection();
        var info = org.flywaydb.core.Flyway.configure()
                .dataSource(database.url(), database.owner().user(), database.owner().password())
                .locations("classpath:db/migration").load().info();
        assertEquals(0, info.pending().length, "no migration left to apply");
        assertTrue(info.applied().length >= 7, "applied: " + info.applied().length);
        assertTrue(java.util.Arrays.stream(info.applied()).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed()));
    }

    @Test
    void theNineRegionsOfEnglandAreSeededWithTheirOnsCodes() throws IOException {
        List<Map<String, Object>> regions = json.readValue(api.get("/api/v1/regions", anyone).body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(9, regions.size());
        assertTrue(regions.stream().anyMatch(r -> r.get("code").equals("E12000008") && r.get("name").equals("South East")));
        assertTrue(regions.stream().anyMatch(r -> r.get("code").equals("E12000007") && r.get("name").equals("London")));
    }

    @Test
    void anAuthorityIsFoundByOnsCodeOrByDfeNumber() {
        Api.Answer byNumber = api.get("/api/v1/authorities/886", anyone);
        assertEquals("E10000016", byNumber.get("code"));
        assertEquals("Kent", byNumber.get("name"));
        assertEquals("E12000008", byNumber.get("regionCode"));
        assertEquals("Kent", api.get("/api/v1/authorities/e10000016", anyone).get("name"));
    }

    @Test
    void aDfeNumberReusedAfterReorganisationNamesTheCurrentAuthority() {
        Api.Answer buckinghamshire = api.get("/api/v1/authorities/825", anyone);
        assertEquals("E06000060", buckinghamshire.get("code"));
        Api.Answer old = api.get("/api/v1/authorities/E10000002", anyone);
        assertEquals(false, old.get("active"), "the county council before 2020 stays resolvable but inactive");
    }

    @Test
    void authoritiesThatReturnJointlyAreEachKnownAndSayWhichJointReturnTheyAreIn() {
        Api.Answer richmond = api.get("/api/v1/authorities/E09000027", anyone);
        assertEquals("Richmond upon Thames", richmond.get("name"));
        assertEquals("E09000021 / E09000027", richmond.get("jointReturnCode"));
        assertEquals("Outer London", richmond.get("subRegion"));
        assertEquals(404, api.get("/api/v1/authorities/E09000021 %2F E09000027".replace(" ", "%20"), anyone).status());
    }

    @Test
    void reorganisedAuthoritiesStayKnownButInactive() {
        assertEquals(false, api.get("/api/v1/authorities/E10000021", anyone).get("active"), "Northamptonshire");
        assertEquals(true, api.get("/api/v1/authorities/E06000061", anyone).get("active"), "North Northamptonshire");
    }

    @Test
    void aRegionsAuthoritiesAreListedAndAnUnknownRegionIsExplained() {
        String london = api.get("/api/v1/authorities?region=E12000007", anyone).body();
        assertTrue(london.contains("Camden") && london.contains("Richmond upon Thames"));
        assertFalse(london.contains("Kent"));
        Api.Answer unknown = api.get("/api/v1/authorities?region=E12000099", anyone);
        assertEquals(404, unknown.status());
        assertTrue(unknown.get("detail").toString().contains("E12000008"));
    }
}
