package exchange.workforce.published;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PublishedStatisticsApiTest extends PlatformTest {

    final String anyone = Tokens.authorityUser("v", "E10000016", Role.AUTHORITY_VIEWER);

    @BeforeEach
    void workforceFileImported() throws Exception {
        TestDatabase.shared().importWorkforceIndicators();
    }

    private List<Map<String, Object>> figures(String query) throws Exception {
        Api.Answer answer = api.get("/api/v1/published-statistics?" + query, anyone);
        assertEquals(200, answer.status(), answer.body());
        return json.readValue(answer.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void kentsPublishedTurnoverIsThereWithItsSource() throws Exception {
        List<Map<String, Object>> kent = figures("area=E10000016&measure=turnover_rate_fte&period=2023");
        assertEquals(1, kent.size());
        assertTrue(kent.get(0).get("source").toString().contains("Open Government Licence"));
        assertTrue(((Number) kent.get(0).get("value")).doubleValue() > 0);
    }

    @Test
    void englandAndRegionsAreComparators() throws Exception {
        List<Map<String, Object>> england = figures("area=E92000001&measure=inpost_fte&period=2023");
        assertEquals(33119.1, ((Number) england.get(0).get("value")).doubleValue(), 0.001);
        assertEquals(7, figures("area=E12000008&measure=inpost_fte").size(), "the South East for each year 2017-2023");
    }

    @Test
    void aSuppressedFigureComesBackAsNullWithItsSymbolNeverZero() throws Exception {
        List<Map<String, Object>> withSymbols = new java.util.ArrayList<>();
        for (String area : List.of("E06000053", "E09000001")) { // Isles of Scilly, City of London: small authorities
            figures("area=" + area).stream().filter(f -> f.get("symbol") != null).forEach(withSymbols::add);
        }
        assertTrue(!withSymbols.isEmpty(), "the small authorities carry symbols");
        withSymbols.forEach(f -> assertNull(f.get("value")));
    }

    @Test
    void anAreaIsRequired() {
        Api.Answer answer = api.get("/api/v1/published-statistics", anyone);
        assertEquals(422, answer.status());
        assertEquals("area", answer.get("field"));
    }
}
