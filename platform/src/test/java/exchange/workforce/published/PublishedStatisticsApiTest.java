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
    void aFigureALaterPublicationRevisedSaysSoAndWhatItWas() throws Exception {
        List<Map<String, Object>> before = figures("area=E10000016&measure=inpost_fte&period=2022");
        assertEquals(false, before.get(0).get("revised"));
        assertEquals(List.of(), before.get(0).get("revisions"));
        String header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
                + "old_la_code,new_la_code,la_name,inpost_fte\n";
        try (java.sql.Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.importFile(owner, "csww_indicators_2017_to_2024.csv", (header
                    + "2022,Reporting year,Regional,E92000001,England,E12000008,South East,,,,4000.0\n"
                    + "2022,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,c\n"
                    + "2024,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,1020.0\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, Object> after = figures("area=E10000016&measure=inpost_fte&period=2022").get(0);
        assertEquals(true, after.get("revised"));
        assertEquals("c", after.get("symbol"));
        @SuppressWarnings("unchecked")
        Map<String, Object> earlier = ((List<Map<String, Object>>) after.get("revisions")).get(0);
        assertEquals(before.get(0).get("value"), earlier.get("value"), "what it was");
        assertEquals("csww_indicators_2017_to_2023.csv", earlier.get("publication"));
        @SuppressWarnings("unchecked")
        Map<String, Object> benchmark = ((List<Map<String, Object>>) api.get("/api/v1/benchmarks?group=region:E12000008&period=2022&measures=inpost_fte",
                anyone).get("measures")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> kent = ((List<Map<String, Object>>) benchmark.get("authorities")).stream().filter(m -> "E10000016".equals(m.get("code")))
                .findFirst().orElseThrow();
        assertEquals(before.get(0).get("value").toString(), kent.get("revisedFrom").toString(), "the benchmark marks it too, with what it was");
        assertTrue(benchmark.get("headline").toString().contains("revised by DfE: it published "), "and a revised regional "
                + "headline says so: " + benchmark.get("headline"));
        Object turnoverBefore = figures("area=E10000016&measure=turnover_rate_fte&period=2022").get(0).get("value");
        try (java.sql.Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.importFile(owner, "csww_indicators_2017_to_2024.csv", header.replace("inpost_fte", "turnover_rate_fte")
                    .concat("2022,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,99.9\n")
                    .concat("2024,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,15.0\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String page = api.send(io.micronaut.http.HttpRequest.GET("/council").accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session(anyone)))).body();
        assertTrue(page.contains("revised by DfE; it published " + turnoverBefore + " before"), "and the council's page: " + page);
        assertTrue(earlier.get("importedAt").toString().matches("\\d{4}-\\d{2}-\\d{2}T.*"), earlier.toString());
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
