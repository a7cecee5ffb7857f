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
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recomputing every region (London as Inner plus Outer) and England from the authority rows of DfE's workforce file
 * reproduces every published rate to one decimal place, and every count and FTE within the rounding of the
 * figures it sums, wherever all members reported; where a member's component is missing, the figure is partial and
 * names the member.
 */
@MicronautTest(transactional = false)
class ReproducesDfeRegionalFiguresTest extends PlatformTest {

    static final List<String> RATES = List.of("turnover_rate_fte", "agency_rate_fte", "vacancy_rate_fte", "agency_cover_rate_fte",
            "vacancy_agency_cover_rate_fte", "caseload_fte", "absence_rate_fte");
    static final List<String> COUNTS = List.of("inpost_fte", "inpost_headcount", "starters_fte", "leavers_fte", "agency_fte",
            "agency_cover_fte", "vacancy_fte", "case_holders_fte", "cases", "working_days_lost_fte");

    final String regionalViewer = Tokens.regionalUser("analyst", "E12000008", Role.REGIONAL_VIEWER);
    byte[] file;

    void published(String name) throws Exception {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/" + name));
             Connection owner = TestDatabase.shared().asOwner()) {
            file = in.readAllBytes();
            PublishedStatisticsImporter.importFile(owner, name, file);
        }
    }

    /** Rate formulas as DfE states them (../shared/data/dfe/README.md), written out here independently of the catalogue. */
    record Formula(List<String> numerator, List<String> denominator, double scale) {
    }

    static final Map<String, Formula> FORMULAS = Map.of(
            "turnover_rate_fte", new Formula(List.of("leavers_fte"), List.of("inpost_fte"), 100),
            "agency_rate_fte", new Formula(List.of("agency_fte"), List.of("agency_fte", "inpost_fte"), 100),
            "vacancy_rate_fte", new Formula(List.of("vacancy_fte"), List.of("vacancy_fte", "inpost_fte"), 100),
            "agency_cover_rate_fte", new Formula(List.of("agency_cover_fte"), List.of("agency_fte"), 100),
            "vacancy_agency_cover_rate_fte", new Formula(List.of("agency_cover_fte"), List.of("vacancy_fte"), 100),
            "caseload_fte", new Formula(List.of("cases"), List.of("case_holders_fte"), 1),
            "absence_rate_fte", new Formula(List.of("working_days_lost_fte"), List.of("inpost_fte"), 100.0 / 253));

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"csww_indicators_2017_to_2023.csv", "csww_indicators_2017_to_2024.csv"})
    @SuppressWarnings("unchecked")
    void everyRegionalAndNationalFigureIsReproducedWhereAllMembersReported(String name) throws Exception {
        published(name);
        String latest = name.substring(name.length() - 8, name.length() - 4);
        Map<String, Map<String, PublishedValue>> publishedAreas = new HashMap<>();
        Map<String, List<Map<String, PublishedValue>>> authorityRows = new HashMap<>();
        for (PublishedRow row : EesFile.read(new ByteArrayInputStream(file)).rows()) {
            Map<String, PublishedValue> values = new HashMap<>();
            row.values().forEach(v -> values.put(v.measure(), v));
            if (!row.level().equals("Local authority")) {
                publishedAreas.put(row.timePeriod() + "|" + row.areaCode(), values);
            } else {
                String region = row.regionCode().startsWith("E13") ? "E12000007" : row.regionCode();
                authorityRows.computeIfAbsent(row.timePeriod() + "|" + region, k -> new ArrayList<>()).add(values);
                authorityRows.computeIfAbsent(row.timePeriod() + "|E92000001", k -> new ArrayList<>()).add(values);
            }
        }
        List<String> groups = new ArrayList<>(List.of("england"));
        for (int r = 1; r <= 9; r++) {
            groups.add("region:E1200000" + r);
        }
        int compared = 0;
        int rates = 0;
        int exact = 0;
        int partial = 0;
        List<String> failures = new ArrayList<>();
        for (String year : java.util.stream.IntStream.rangeClosed(2017, Integer.parseInt(latest)).mapToObj(String::valueOf).toList()) {
            for (String group : groups) {
                Api.Answer answer = api.get("/api/v1/benchmarks?group=" + group + "&period=" + year, regionalViewer);
                assertEquals(200, answer.status(), answer.body());
                String area = group.equals("england") ? "E92000001" : group.substring("region:".length());
                Map<String, PublishedValue> published = publishedAreas.get(year + "|" + area);
                List<Map<String, PublishedValue>> members = authorityRows.get(year + "|" + area);
                for (Map<String, Object> m : (List<Map<String, Object>>) answer.get("measures")) {
                    String measure = (String) m.get("measure");
                    PublishedValue expected = published.get(measure);
                    if (expected == null || expected.value() == null) {
                        continue;
                    }
                    Map<String, Object> recomputed = (Map<String, Object>) m.get("recomputed");
                    assertEquals(expected.value(), new BigDecimal(m.get("value").toString()), "the headline is DfE's published figure");
                    assertEquals(false, m.get("partial"), "DfE's published figure is complete");
                    boolean everyMemberReported = members.stream().allMatch(row -> inputs(measure).stream()
                            .allMatch(c -> row.get(c) != null && (row.get(c).value() != null || "low".equals(symbol(row.get(c))))));
                    assertEquals(!everyMemberReported, recomputed.get("partial"), year + " " + group + " " + measure
                            + ": the recomputation is complete exactly where every authority that existed reported");
                    if ((Boolean) recomputed.get("partial")) {
                        partial++;
                        List<Map<String, Object>> missing = (List<Map<String, Object>>) ((Map<String, Object>) m.get("coverage")).get("missing");
                        assertFalse(missing.isEmpty());
                        missing.forEach(x -> assertTrue(x.get("code") != null && x.get("reason") != null, "a partial figure names its missing members"));
                        continue;
                    }
                    compared++;
                    if (recomputed.get("differsFromDfe") != null) {
                        failures.add(year + " " + group + " " + measure + ": flagged as differing although complete: " + recomputed.get("differsFromDfe"));
                    }
                    double actual = Double.parseDouble(recomputed.get("value").toString());
                    double publishedValue = expected.value().doubleValue();
                    if (FORMULAS.containsKey(measure)) {
                        rates++;
                        if (Math.abs(actual - publishedValue) > 0.1 + 1e-9) {
                            failures.add(year + " " + group + " " + measure + ": " + actual + " is not DfE's " + publishedValue + " to one decimal");
                        }
                        exact += Math.abs(actual - publishedValue) < 1e-9 ? 1 : 0;
                    }
                    String problem = FORMULAS.containsKey(measure)
                            ? rateProblem(FORMULAS.get(measure), members, actual, publishedValue,
                                    // DfE's README gives absence as approximately this formula: its working days are not always 253
                                    measure.equals("absence_rate_fte") ? 0.1 : 0.05)
                            : countProblem(measure, members, actual, publishedValue);
                    if (problem != null) {
                        failures.add(year + " " + group + " " + measure + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(compared > 800, "compared " + compared + " figures");
        assertTrue(exact >= rates * 0.95, exact + " of " + rates + " rates identical to DfE's to the last digit");
        assertTrue(partial > 0, "some figures are partial (members with suppressed or unavailable components)");
        System.out.printf("Reproduced %d published regional and national figures (%d rates, %d of them identical to the digit; "
                + "every other figure within the rounding of the authority figures); %d partial figures named their missing members.%n",
                compared, rates, exact, partial);
    }

    /**
     * The platform's rate must be exactly the rate of the summed authority components rounded half up to one place; and
     * DfE's published rate (itself rounded) must be reachable when each summed FTE is off by up to 0.05 per authority.
     */
    private static String rateProblem(Formula formula, List<Map<String, PublishedValue>> members, double actual, double published,
                                      double publishedRounding) {
        double n = 0;
        double d = 0;
        double nSlack = 0;
        double dSlack = 0;
        for (Map<String, PublishedValue> member : members) {
            for (String c : formula.numerator()) {
                n += number(member.get(c));
                nSlack += c.endsWith("_fte") ? 0.05 : 0;
            }
            for (String c : formula.denominator()) {
                d += number(member.get(c));
                dSlack += c.endsWith("_fte") ? 0.05 : 0;
            }
        }
        double recomputed = new BigDecimal(Double.toString(formula.scale() * n / d)).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
        if (Math.abs(actual - recomputed) > 0.051) {
            return "platform " + actual + " but the summed authority rows give " + recomputed;
        }
        boolean sameSign = formula.numerator().stream().anyMatch(formula.denominator()::contains);
        double low = formula.scale() * (n - nSlack) / (d + dSlack + (sameSign ? -nSlack : 0));
        double high = formula.scale() * (n + nSlack) / Math.max(1e-9, d - dSlack + (sameSign ? nSlack : 0));
        if (sameSign) {
            low = Math.min(low, formula.scale() * (n - nSlack) / (d - nSlack));
        }
        if (published + publishedRounding < Math.min(low, high) - 1e-9 || published - publishedRounding > Math.max(low, high) + 1e-9) {
            return "published " + published + " is outside the rounding interval [" + low + ", " + high + "] of the authority rows";
        }
        return null;
    }

    /** A published figure as a number; DfE's low (rounds to 0, is not 0) as 0, as DfE's regional sums include it. */
    private static double number(PublishedValue value) {
        return value.value() == null ? 0 : value.value().doubleValue();
    }

    private static String symbol(PublishedValue value) {
        return value.symbol() == null ? null : value.symbol().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> inputs(String measure) {
        Formula formula = FORMULAS.get(measure);
        if (formula == null) {
            return List.of(measure);
        }
        List<String> all = new ArrayList<>(formula.numerator());
        formula.denominator().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    private static String countProblem(String measure, List<Map<String, PublishedValue>> members, double actual, double published) {
        double slack = measure.endsWith("_fte") ? 0.05 * members.size() + 0.05 : 0.5;
        return Math.abs(actual - published) <= slack ? null : "computed " + actual + ", published " + published + " (allowed " + slack + ")";
    }
}
