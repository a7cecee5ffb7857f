package exchange.workforce.benchmark;

import exchange.workforce.adapters.dfe.EesFile;
import exchange.workforce.adapters.dfe.PublishedRow;
import exchange.workforce.adapters.dfe.PublishedValue;
import exchange.workforce.identity.Role;
import exchange.workforce.published.PublishedStatisticsImporter;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demand as DfE's dashboard shows it: referrals, children in need and child protection plans per 10,000 children,
 * each year's count over ONS's estimate of children aged 0 to 17 at 30 June before the year began. The expected
 * figures here are computed from the raw files, independently of the catalogue's formula.
 */
@MicronautTest(transactional = false)
class RatesPerTenThousandChildrenTest extends PlatformTest {

    static final Map<String, String> RATES = Map.of("referral_rate", "referral_count", "at31_rate", "at31_episodes", "cpp_rate", "cpp_at31");
    static final String POPULATION = "population_0_to_17_2012_to_2024.csv";
    static final List<String> DEMAND = List.of("cin_referrals_2013_to_2024.csv", "children_in_need_2013_to_2024.csv",
            "child_protection_plans_2013_to_2024.csv");

    final String regionalViewer = Tokens.regionalUser("analyst", "E12000008", Role.REGIONAL_VIEWER);
    final String kentViewer = Tokens.authorityUser("viewer", "E10000016", Role.AUTHORITY_VIEWER);
    /** Each file's rows by "period|area code" and measure, as the file has them. */
    final Map<String, Map<String, PublishedValue>> rows = new HashMap<>();

    @BeforeEach
    void demandAndPopulationImported() throws Exception {
        for (String name : concat(DEMAND, List.of(POPULATION))) {
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/" + name));
                 Connection owner = TestDatabase.shared().asOwner()) {
                byte[] file = in.readAllBytes();
                PublishedStatisticsImporter.Report report = PublishedStatisticsImporter.importFile(owner, name, file);
                if (name.equals(POPULATION)) {
                    assertTrue(report.summary().contains("stored against the children-in-need year that begins after it"), report.summary());
                }
                for (PublishedRow row : EesFile.read(new ByteArrayInputStream(file)).rows()) {
                    String area = row.level().equals("National") ? "E92000001" : row.areaCode();
                    row.values().forEach(v -> rows.computeIfAbsent((name.equals(POPULATION) ? "pop" : "") + row.timePeriod() + "|" + area,
                            k -> new HashMap<>()).put(v.measure(), v));
                }
            }
        }
    }

    @Test
    void kentsChildrenInNeedRateIsItsCountOverTheChildrenOfTheJuneBefore() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> population = json.readValue(api.get("/api/v1/published-statistics?area=E10000016&measure=population_estimate&period=2024",
                kentViewer).body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(new BigDecimal("350198"), new BigDecimal(population.get(0).get("value").toString()),
                "the year to 31 March 2024 has ONS's mid-2023 estimate for Kent");
        for (Map.Entry<String, String> rate : RATES.entrySet()) {
            Map<String, Object> kent = member(benchmark("region:E12000008", "2024", rate.getKey(), kentViewer), "E10000016");
            BigDecimal count = rows.get("2024|E10000016").get(rate.getValue()).value();
            BigDecimal expected = count.multiply(BigDecimal.valueOf(10000)).divide(new BigDecimal("350198"), 1, RoundingMode.HALF_UP);
            assertEquals(expected, new BigDecimal(kent.get("value").toString()), rate.getKey());
        }
    }

    @Test
    void everyRegionsAndEnglandsRateIsItsPublishedCountOverItsPopulationWithinDfesRounding() throws Exception {
        List<String> groups = new ArrayList<>(List.of("england"));
        for (int r = 1; r <= 9; r++) {
            groups.add("region:E1200000" + r);
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String year : List.of("2014", "2019", "2022", "2023", "2024")) {
            for (String group : groups) {
                String area = group.equals("england") ? "E92000001" : group.substring("region:".length());
                Map<String, Object> answer = api.get("/api/v1/benchmarks?group=" + group + "&period=" + year + "&measures="
                        + String.join(",", RATES.keySet()), regionalViewer).json();
                for (Map<String, Object> m : measures(answer)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> recomputed = (Map<String, Object>) m.get("recomputed");
                    if (Boolean.TRUE.equals(recomputed.get("partial"))) {
                        continue;
                    }
                    compared++;
                    BigDecimal count = rows.get(year + "|" + area).get(RATES.get((String) m.get("measure"))).value();
                    int previousMidYear = Integer.parseInt(year) - 1;
                    BigDecimal children = rows.get("pop" + previousMidYear + "|" + area).get("population_estimate").value();
                    double expected = 10000 * count.doubleValue() / children.doubleValue();
                    // DfE rounds the region's and England's counts to the nearest 10 (not the authorities'): the
                    // authorities' sum may differ from the published regional count by up to 5
                    double allowed = 10000.0 * 5 / children.doubleValue() + 0.05;
                    double actual = Double.parseDouble(m.get("value").toString());
                    if (Math.abs(actual - expected) > allowed) {
                        failures.add(year + " " + group + " " + m.get("measure") + ": " + actual + " but DfE's count over ONS's children gives "
                                + expected + " (allowed " + allowed + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(compared > 100, "compared " + compared);
    }

    @Test
    void aCouncilCreatedIn2023HasItsOwnPopulationFromTheYearItBegan() throws Exception {
        String northWest = Tokens.regionalUser("analyst", "E12000002", Role.REGIONAL_VIEWER);
        Map<String, Object> answer2024 = benchmark("region:E12000002", "2024", "at31_rate", northWest);
        Map<String, Object> cumberland = member(answer2024, "E06000063");
        BigDecimal expected = rows.get("2024|E06000063").get("at31_episodes").value().multiply(BigDecimal.valueOf(10000))
                .divide(rows.get("pop2023|E06000063").get("population_estimate").value(), 1, RoundingMode.HALF_UP);
        assertEquals(expected, new BigDecimal(cumberland.get("value").toString()));
        Map<String, Object> cumbria = member(benchmark("region:E12000002", "2023", "at31_rate", northWest), "E10000006");
        assertTrue(cumbria.get("value") != null, "Cumbria, before it was split, has its rate from its own mid-2022 population: " + cumbria);
    }

    @Test
    void theCouncilPageShowsDemandAsCountsBesideRatesPer10000Children() throws Exception {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/csww_indicators_2017_to_2024.csv"));
             Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.importFile(owner, "csww_indicators_2017_to_2024.csv", in.readAllBytes());
        }
        String page = api.send(io.micronaut.http.HttpRequest.GET("/council").accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session(kentViewer)))).body();
        assertTrue(page.contains("Demand for children&#39;s social care") || page.contains("Demand for children's social care"), page);
        String kentRate = member(benchmark("region:E12000008", "2024", "at31_rate", kentViewer), "E10000016").get("value").toString();
        assertTrue(page.contains(kentRate + " per 10,000 children"), "Kent's rate, in words: " + kentRate + " in " + page.substring(page.indexOf("id=\"demand\"")));
        assertTrue(page.contains("year to 31 March 2024"), "the year it covers");
        String england = String.format(java.util.Locale.UK, "%,.1f", 10000.0 * rows.get("2024|E92000001").get("at31_episodes").value().doubleValue()
                / rows.get("pop2023|E92000001").get("population_estimate").value().doubleValue());
        assertTrue(page.contains(england + " per 10,000 children"), "England's rate, from DfE's national count over ONS's national "
                + "population: " + england);
    }

    @Test
    void aPlannerForecastsTheRateOfChildrenInNeedAsWellAsTheCount() throws Exception {
        String planner = Tokens.authorityUser("planner", "E10000016", Role.PLANNER);
        Api.Answer answer = api.get("/api/v1/forecasts?area=E10000016&measure=at31_rate&horizon=2", planner);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("2024", answer.get("origin"));
        @SuppressWarnings("unchecked")
        Map<String, Object> measure = (Map<String, Object>) answer.get("measure");
        assertEquals("per-10000-children", measure.get("unit"));
        @SuppressWarnings("unchecked")
        Map<String, Object> backtest = (Map<String, Object>) answer.get("backtest");
        assertTrue(backtest.get("pooledOver").toString().endsWith("authorities"), "learnt from every authority's rate: " + backtest);
    }

    private Map<String, Object> benchmark(String group, String period, String measure, String token) throws Exception {
        Api.Answer answer = api.get("/api/v1/benchmarks?group=" + group + "&period=" + period + "&measures=" + measure, token);
        assertEquals(200, answer.status(), answer.body());
        return measures(answer.json()).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> measures(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("measures");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> measure, String code) {
        return ((List<Map<String, Object>>) measure.get("authorities")).stream().filter(a -> code.equals(a.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not among " + measure.get("authorities")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
