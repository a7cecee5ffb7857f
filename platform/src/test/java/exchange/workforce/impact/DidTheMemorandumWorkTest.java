package exchange.workforce.impact;

import exchange.workforce.identity.Role;
import exchange.workforce.published.PublishedStatisticsImporter;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regional DCS group asks whether its memorandum moved the agency rate, on DfE's published figures for every council.
 * The South East's members are recorded as having joined a pilot on 1 October 2019, so the years before are 2017 to
 * 2019 and the years after 2020 to 2022; Kent's difference is recomputed here from DfE's files alone (docs/impact.md
 * shows the same sums).
 */
@MicronautTest(transactional = false)
class DidTheMemorandumWorkTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SOUTH_EAST = "E12000008";
    static final String EAST = "E12000006";
    static final String ESSEX = "E10000012";
    final String southEastViewer = Tokens.regionalUser("se-dcs-group", SOUTH_EAST, Role.REGIONAL_VIEWER);

    private void publish() throws Exception {
        try (Connection owner = TestDatabase.shared().asOwner();
             InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/csww_indicators_2017_to_2024.csv"))) {
            PublishedStatisticsImporter.importFile(owner, "csww_indicators_2017_to_2024.csv", in.readAllBytes());
        }
    }

    /**
     * The region's administrator records that its members (or those named) were members of a pilot from the day given
     * until phase 1 began on 1 October 2024, through the API as an administrator would.
     */
    @SuppressWarnings("unchecked")
    private void pilot(String region, String from, String... only) {
        String admin = Tokens.regionalUser("admin-" + region, region, Role.REGION_ADMIN);
        List<Map<String, Object>> members = (List<Map<String, Object>>) ok("/api/v1/regions/" + region + "/memorandum", admin).get("members");
        for (Map<String, Object> member : members) {
            String code = member.get("authorityCode").toString();
            if (only.length > 0 && !List.of(only).contains(code)) {
                continue;
            }
            Api.Answer added = api.post("/api/v1/region/members", admin, Map.of("authorityCode", code, "phase", "pilot",
                    "effectiveFrom", from, "effectiveTo", "2024-10-01"));
            assertEquals(201, added.status(), added.body());
        }
    }

    private Api.Answer ok(String uri, String token) {
        Api.Answer answer = api.get(uri, token);
        assertEquals(200, answer.status(), uri + ": " + answer.body());
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /**
     * DfE's figures of one measure by council (its DfE number, which a council keeps when its ONS code changes, as
     * Somerset's did in 2023) and year, read from the file alone; {@code gssOfNumber} gets each number's latest ONS code.
     */
    private Map<String, Map<Integer, Double>> byHand(String measure, Map<String, String> gssOfNumber, Map<String, String> regionOf) throws Exception {
        Map<String, Map<Integer, Double>> figures = new HashMap<>();
        Map<String, Integer> latest = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/csww_indicators_2017_to_2024.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                if (!row.get("geographic_level").equals("Local authority")) {
                    continue;
                }
                int year = Integer.parseInt(row.get("time_period"));
                if (year >= latest.getOrDefault(row.get("old_la_code"), 0)) {
                    latest.put(row.get("old_la_code"), year);
                    gssOfNumber.put(row.get("old_la_code"), row.get("new_la_code"));
                }
                regionOf.put(row.get("new_la_code"), row.get("region_code"));
                try {
                    figures.computeIfAbsent(row.get("old_la_code"), c -> new TreeMap<>()).put(year,
                            Double.parseDouble(row.get(measure)));
                } catch (NumberFormatException suppressed) {
                    // a symbol (x, z, c) is no figure
                }
            }
        }
        return figures;
    }

    private List<String> neighboursOfKent() throws Exception {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/statistical_neighbours_2025.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                if (row.get(0).replace("\uFEFF", "").trim().equals("886")) {
                    return java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> row.get("SN_" + i).trim()).toList();
                }
            }
        }
        throw new IllegalStateException("Kent is in the neighbours file");
    }

    @Test
    void aRegionSeesItsMembersAgencyRateBeforeAndAfterJoiningAgainstNeighboursThatHadNotJoinedAndKentsDifferenceAddsUpByHand() throws Exception {
        publish();
        pilot(SOUTH_EAST, "2019-10-01");
        Api.Answer answer = ok("/api/v1/region/impact?measure=agency_rate_fte", southEastViewer);
        assertEquals("South East", answer.get("regionName"));
        assertEquals("percentage points", answer.get("unit"));

        Map<String, String> gssOfNumber = new HashMap<>();
        Map<String, String> regionOf = new HashMap<>();
        Map<String, Map<Integer, Double>> figures = byHand("agency_rate_fte", gssOfNumber, regionOf);
        List<Integer> before = List.of(2017, 2018, 2019);
        List<Integer> after = List.of(2020, 2021, 2022);
        java.util.function.ToDoubleFunction<Map<Integer, Double>> change = s -> after.stream().mapToDouble(s::get).average().orElseThrow()
                - before.stream().mapToDouble(s::get).average().orElseThrow();
        List<String> comparison = neighboursOfKent().stream()
                .filter(n -> !SOUTH_EAST.equals(regionOf.get(gssOfNumber.get(n)))) // East and West Sussex were members too
                .filter(n -> figures.containsKey(n) && figures.get(n).keySet().containsAll(before) && figures.get(n).keySet().containsAll(after))
                .toList();
        double kentChange = change.applyAsDouble(figures.get("886"));
        double comparisonChange = comparison.stream().mapToDouble(c -> change.applyAsDouble(figures.get(c))).average().orElseThrow();

        Map<String, Object> kent = list(answer.get("members")).stream().filter(m -> KENT.equals(m.get("code"))).findFirst().orElseThrow();
        assertEquals("2019-10-01", kent.get("joined"));
        assertEquals(List.of("2017", "2018", "2019"), kent.get("yearsBefore"));
        assertEquals(List.of("2020", "2021", "2022"), kent.get("yearsAfter"));
        assertEquals(comparison.stream().map(gssOfNumber::get).toList(), kent.get("comparedWith"));
        assertEquals(8, comparison.size(), "eight of Kent's ten neighbours are outside the South East");
        assertTrue(comparison.contains("933"), "Somerset, whose figures to 2022 are under its old code E10000027");
        assertEquals(kentChange, number(kent.get("change")), 0.005);
        assertEquals(comparisonChange, number(kent.get("comparisonChange")), 0.005);
        assertEquals(kentChange - comparisonChange, number(kent.get("difference")), 0.006);
        assertEquals(3.09, number(kent.get("difference")), 0.001, "the figure docs/impact.md works through");

        // the estimate is the members' mean difference, inside its interval
        List<Map<String, Object>> members = list(answer.get("members"));
        assertTrue(members.size() >= 15, "most South East members have DfE figures both sides: " + members.size());
        double mean = members.stream().mapToDouble(m -> number(m.get("difference"))).average().orElseThrow();
        assertEquals(mean, number(answer.get("estimate")), 0.01);
        assertTrue(number(answer.get("lower95")) < number(answer.get("estimate")) && number(answer.get("estimate")) < number(answer.get("upper95")));
        List<Map<String, Object>> compared = list(answer.get("comparison"));
        Map<String, Object> essex = compared.stream().filter(c -> ESSEX.equals(c.get("code"))).findFirst().orElseThrow();
        assertEquals("Essex", essex.get("name"));
        assertTrue(essex.get("why").toString().contains("a DfE statistical neighbour of ") && essex.get("why").toString().contains("Kent")
                && essex.get("why").toString().endsWith("not a memorandum member until 1 October 2024"), essex.get("why").toString());
        assertTrue(compared.stream().noneMatch(c -> SOUTH_EAST.equals(regionOf.get(c.get("code").toString()))), "no member is its own comparison");
        assertFalse(answer.get("conclusion").toString().isBlank());
        assertTrue(answer.get("conclusion").toString().startsWith("Since joining, members' agency rate changed by "), answer.get("conclusion").toString());
        assertTrue(list(answer.get("series")).size() == 6 && list(answer.get("series")).get(0).get("year").equals("2017"));
        assertTrue(answer.get("source").toString().contains("to 2024"), answer.get("source").toString());
    }

    @Test
    void anAdministratorRecordsAPilotThatEndedButNotOneOverlappingAnotherMembershipNorEndingBeforeItBegan() {
        String admin = Tokens.regionalUser("se-admin", SOUTH_EAST, Role.REGION_ADMIN);
        assertEquals(201, api.post("/api/v1/region/members", admin, Map.of("authorityCode", KENT, "phase", "pilot",
                "effectiveFrom", "2019-10-01", "effectiveTo", "2024-10-01")).status());
        Api.Answer overlapping = api.post("/api/v1/region/members", admin, Map.of("authorityCode", KENT, "phase", "pilot 2",
                "effectiveFrom", "2018-01-01", "effectiveTo", "2020-01-01"));
        assertEquals(409, overlapping.status(), overlapping.body());
        assertTrue(overlapping.body().contains("Kent is already a member of the memorandum for part of 1 January 2018 to 1 January 2020"), overlapping.body());
        Api.Answer backwards = api.post("/api/v1/region/members", admin, Map.of("authorityCode", KENT, "phase", "pilot 0",
                "effectiveFrom", "2017-01-01", "effectiveTo", "2016-01-01"));
        assertEquals(422, backwards.status(), backwards.body());
        assertEquals(201, api.post("/api/v1/region/members", admin, Map.of("authorityCode", KENT, "phase", "pilot 0",
                "effectiveFrom", "2017-01-01", "effectiveTo", "2018-01-01")).status(), "an earlier spell that does not overlap");
    }

    @Test
    void aCouncilThatJoinedAnotherMemorandumBeforeTheYearsAfterEndedIsNoComparison() throws Exception {
        publish();
        pilot(SOUTH_EAST, "2019-10-01");
        pilot(EAST, "2021-04-01", ESSEX);
        Api.Answer answer = ok("/api/v1/region/impact?measure=agency_rate_fte", southEastViewer);
        assertTrue(list(answer.get("comparison")).stream().noneMatch(c -> ESSEX.equals(c.get("code"))), "Essex joined the East's pilot in 2021");
        Map<String, Object> kent = list(answer.get("members")).stream().filter(m -> KENT.equals(m.get("code"))).findFirst().orElseThrow();
        assertFalse(((List<?>) kent.get("comparedWith")).contains(ESSEX));
    }

    @Test
    void withEveryMemberJoiningOnFirstOctober2024ThereIsNoEstimateYetAndItSaysWhenThereWillBe() throws Exception {
        publish();
        Api.Answer answer = ok("/api/v1/region/impact?measure=turnover_rate_fte", southEastViewer);
        assertNull(answer.get("estimate"));
        assertNull(answer.get("lower95"));
        assertTrue(list(answer.get("members")).isEmpty());
        assertEquals("There is no estimate yet: DfE's published figures run to 30 September 2024, and no member has a census year "
                + "wholly after it joined (members joined as late as 1 October 2024). The first estimate will be possible when DfE "
                + "publishes the census year after that.", answer.get("conclusion"));
        Map<String, Object> kent = list(answer.get("notEstimated")).stream().filter(m -> KENT.equals(m.get("code"))).findFirst().orElseThrow();
        assertEquals("no census year after it joined is published yet (the first would be 2025)", kent.get("reason"));
    }

    @Test
    void aCouncilUserOrAnotherRegionCannotAskForTheSouthEastsAndAgencySpendIsRefusedWithTheReason() throws Exception {
        publish();
        pilot(SOUTH_EAST, "2019-10-01");
        assertEquals(403, api.get("/api/v1/region/impact?measure=agency_rate_fte", Tokens.authorityUser("kent-lead", KENT,
                Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER)).status());
        assertEquals(403, api.get("/api/v1/region/impact?measure=agency_rate_fte", Tokens.authorityUser("kent-planner", KENT, Role.PLANNER)).status());
        Api.Answer east = ok("/api/v1/region/impact?measure=agency_rate_fte&region=" + SOUTH_EAST,
                Tokens.regionalUser("east-admin", EAST, Role.REGION_ADMIN));
        assertEquals(EAST, east.get("regionCode"), "the region comes from the token, never the request");
        assertNull(east.get("estimate"), "the East's members joined on 1 October 2024");
        Api.Answer spend = api.get("/api/v1/region/impact?measure=agency_spend", southEastViewer);
        assertEquals(422, spend.status());
        assertTrue(spend.body().contains("Agency spend is not among them"), spend.body());
        Api.Answer nothing = api.get("/api/v1/region/impact", southEastViewer);
        assertEquals(422, nothing.status());
        assertTrue(nothing.body().contains("agency_rate_fte, turnover_rate_fte, vacancy_rate_fte, caseload_fte"), nothing.body());
    }
}
