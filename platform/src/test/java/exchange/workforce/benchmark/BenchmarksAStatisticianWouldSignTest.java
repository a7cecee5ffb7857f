package exchange.workforce.benchmark;

import exchange.workforce.identity.Role;
import exchange.workforce.published.PublishedStatisticsImporter;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each figure the statistical review of the benchmarks found wrong, as a test of the corrected answer (issue 9), with
 * DfE's bundled 2017–2023 workforce file (and its children-in-need files where demand is asked for).
 */
@MicronautTest(transactional = false)
class BenchmarksAStatisticianWouldSignTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";
    final String analyst = Tokens.regionalUser("analyst", "E12000002", Role.REGIONAL_VIEWER);
    final String kentSubmitter = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
    final String surreySubmitter = Tokens.authorityUser("surrey-lead", SURREY, Role.AUTHORITY_SUBMITTER);
    final String surreyViewer = Tokens.authorityUser("surrey-dcs", SURREY, Role.AUTHORITY_VIEWER);
    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
    final String nwAdmin = Tokens.regionalUser("nw-admin", "E12000002", Role.REGION_ADMIN);
    /** Outside the South East memorandum: a Cumberland officer (North West). */
    final String outsider = Tokens.authorityUser("cumberland-dcs", "E06000063", Role.AUTHORITY_VIEWER);

    private void publish(String... files) throws Exception {
        try (Connection owner = TestDatabase.shared().asOwner()) {
            for (String file : files) {
                try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/" + file))) {
                    PublishedStatisticsImporter.importFile(owner, file, in.readAllBytes());
                }
            }
        }
    }

    private void publishWorkforce() throws Exception {
        publish("csww_indicators_2017_to_2023.csv");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> measure(String token, String query) {
        Api.Answer answer = api.get("/api/v1/benchmarks?" + query, token);
        assertEquals(200, answer.status(), answer.body());
        return ((List<Map<String, Object>>) answer.get("measures")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> members(Map<String, Object> measure) {
        return (List<Map<String, Object>>) measure.get("authorities");
    }

    private static Map<String, Object> member(Map<String, Object> measure, String code) {
        return members(measure).stream().filter(m -> code.equals(m.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not among " + members(measure)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recomputed(Map<String, Object> measure) {
        return (Map<String, Object>) measure.get("recomputed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> coverage(Map<String, Object> measure) {
        return (Map<String, Object>) measure.get("coverage");
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void cumbriasSuccessorsReplaceItFromTheYearTheyReportAndTheNorthWestIsCompleteAgain() throws Exception {
        publishWorkforce();
        Map<String, Object> y2023 = measure(analyst, "group=region:E12000002&period=2023&measures=inpost_fte");
        List<Object> codes = members(y2023).stream().map(m -> m.get("code")).toList();
        assertTrue(codes.contains("E06000063") && codes.contains("E06000064"), "Cumberland and Westmorland and Furness");
        assertFalse(codes.contains("E10000006"), "Cumbria was abolished on 1 April 2023");
        assertEquals(false, recomputed(y2023).get("partial"), coverage(y2023).get("note").toString());
        Map<String, Object> y2022 = measure(analyst, "group=region:E12000002&period=2022&measures=inpost_fte");
        assertTrue(members(y2022).stream().anyMatch(m -> "E10000006".equals(m.get("code"))), "Cumbria in 2022");
        assertEquals(false, recomputed(y2022).get("partial"));
        Map<String, Object> england = measure(analyst, "group=england&period=2023&measures=inpost_fte");
        assertEquals(false, recomputed(england).get("partial"), coverage(england).get("note").toString());
    }

    @Test
    void neighboursThatOnlyChangedCodeKeepTheirFiguresInEveryYear() throws Exception {
        publishWorkforce();
        List<String> noData = new ArrayList<>();
        // every authority of DfE's neighbour model (North Yorkshire 815 and Somerset 933 changed code in 2023; Cumberland,
        // Westmorland and Furness, the Northamptonshires, Dorset, BCP and Buckinghamshire had predecessors)
        for (String authority : neighbourModelAuthorities()) {
            // asked by the regional users of the authority's own memorandum, who may ask for its neighbours
            String region = exchange.workforce.tenancy.ReferenceAuthorities.load().authorities().stream()
                    .filter(row -> row.dfeNumber().equals(authority) && row.active()).findFirst().orElseThrow().regionCode();
            String regional = Tokens.regionalUser("analyst", region, Role.REGIONAL_VIEWER);
            for (int year = 2017; year <= 2023; year++) {
                Map<String, Object> m = measure(regional, "group=neighbours:" + authority + "&period=" + year + "&measures=inpost_fte");
                for (Map<String, Object> missing : this.<List<Map<String, Object>>>cast(coverage(m).get("missing"))) {
                    if ("NO_DATA".equals(missing.get("reason"))) {
                        noData.add(authority + " " + year + " " + missing.get("name"));
                    }
                }
            }
        }
        assertEquals(List.of(), noData);
    }

    private List<String> neighbourModelAuthorities() throws Exception {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/statistical_neighbours_2025.csv"))) {
            List<String> numbers = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",")[0].replace("\uFEFF", "").trim()).toList();
            assertTrue(numbers.size() > 140);
            return numbers;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object value) {
        return (T) value;
    }

    @Test
    void anAuthoritysOwnRateIsDfesPublishedRateWithItsMarkerAndAMarkedRateIsNotRanked() throws Exception {
        publishWorkforce();
        String westMidlands = Tokens.regionalUser("wm-analyst", "E12000005", Role.REGIONAL_VIEWER);
        Map<String, Object> cover = measure(westMidlands, "group=region:E12000005&period=2023&measures=agency_cover_rate_fte");
        Map<String, Object> birmingham = member(cover, "E08000025");
        assertNull(birmingham.get("value"), "DfE publishes no number: 101.8 was recomputed from rounded counts");
        assertEquals("u", birmingham.get("symbol"));
        assertNull(birmingham.get("rank"));
        // every member rate is DfE's published one, digit for digit
        Map<String, Object> turnover = measure(surreyViewer, "group=england&period=2023&measures=turnover_rate_fte");
        Map<String, Object> kent = member(turnover, KENT);
        assertEquals(0, new BigDecimal("19.4").compareTo(new BigDecimal(kent.get("value").toString())), "Kent's 2023 turnover as DfE published it");
    }

    @Test
    void aComponentDfeMarksLowCountsAsZeroSoTheNorthEastIsDfesNinePointNine() throws Exception {
        publishWorkforce();
        String northEast = Tokens.regionalUser("ne-analyst", "E12000001", Role.REGIONAL_VIEWER);
        Map<String, Object> agency = measure(northEast, "group=region:E12000001&period=2023&measures=agency_rate_fte");
        assertEquals(9.9, number(agency.get("value")), 1e-9);
        assertEquals(9.9, number(recomputed(agency).get("value")), 1e-9, "Sunderland's agency FTE is 'low', not missing");
        assertEquals(false, recomputed(agency).get("partial"));
        assertEquals(1, recomputed(agency).get("lowCountedAsZero"));
        assertEquals("low", member(agency, "E08000024").get("symbol"));
    }

    @Test
    void whereDfeHasPublishedTheRegionItsCompleteFigureIsTheHeadlineBesideAPartialRecomputation() throws Exception {
        publishWorkforce();
        Map<String, Object> london = measure(analyst, "group=region:E12000007&period=2023&measures=agency_rate_fte");
        assertEquals(23.2, number(london.get("value")), 1e-9);
        assertEquals(false, london.get("partial"));
        assertTrue(london.get("headline").toString().startsWith("DfE's published figure"), london.get("headline").toString());
        assertEquals(true, recomputed(london).get("partial"), "a London borough's agency FTE is unavailable");
        assertTrue(coverage(london).get("note").toString().startsWith("DfE's published figure covers every authority"));
    }

    @Test
    void aFileOfAuthorityRowsAloneStillYieldsEveryRegionAndEngland() throws Exception {
        String file;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/csww_indicators_2017_to_2023.csv"))) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.contains(",National,") && !line.contains(",Regional,")).collect(Collectors.joining("\n"));
        }
        try (Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.importFile(owner, "authorities-only.csv", file.getBytes(StandardCharsets.UTF_8));
        }
        for (String group : List.of("england", "region:E12000001", "region:E12000002", "region:E12000007", "region:E12000009")) {
            Map<String, Object> inpost = measure(analyst, "group=" + group + "&period=2023&measures=inpost_fte");
            assertNotNull(inpost.get("value"), group);
            assertTrue(inpost.get("headline").toString().startsWith("recomputed"), group + ": " + inpost.get("headline"));
            assertEquals(inpost.get("value"), recomputed(inpost).get("value"));
        }
        Map<String, Object> ne = measure(analyst, "group=region:E12000001&period=2023&measures=inpost_fte");
        assertEquals(2159.9, number(ne.get("value")), 0.05 * 12, "DfE's 2159.9 to within the rounding of 12 authorities' FTEs");
    }

    @Test
    void aMaximumIsTheLargestMembersAndDaysToHireAreAMeanWeightedByAppointments() {
        List<Map<String, Object>> kent = kentFigures();
        kent.addAll(List.of(figure("max_caseload", 24), figure("time_to_hire_days", 60), figure("appointments", 10)));
        List<Map<String, Object>> surrey = kentFigures();
        surrey.addAll(List.of(figure("max_caseload", 22), figure("time_to_hire_days", 45), figure("appointments", 5)));
        assertEquals(201, api.post("/api/v1/returns", kentSubmitter, censusReturn("2024", kent)).status());
        assertEquals(201, api.post("/api/v1/returns", surreySubmitter, censusReturn("2024", surrey)).status());
        Map<String, Object> max = measure(surreyViewer, "group=region:E12000008&period=2024&measures=max_caseload");
        assertEquals(24, number(recomputed(max).get("value")), 1e-9, "not 24 + 22");
        Map<String, Object> days = measure(surreyViewer, "group=region:E12000008&period=2024&measures=time_to_hire_days");
        assertEquals(55.0, number(recomputed(days).get("value")), 1e-9, "(60 × 10 + 45 × 5) / 15, not 60 + 45");
        assertTrue(recomputed(days).get("aggregation").toString().contains("weighted by appointments"));
    }

    @Test
    void englandInAYearOfReturnsAloneCountsEveryAuthorityThatExisted() {
        assertEquals(201, api.post("/api/v1/returns", kentSubmitter, censusReturn("2024", kentFigures())).status());
        Map<String, Object> england = measure(surreyViewer, "group=england&period=2024&measures=inpost_fte");
        assertEquals(1, coverage(england).get("covered"));
        assertTrue((Integer) coverage(england).get("members") > 140, "every authority that existed on 30 September 2024, not '1 of 1'");
        assertEquals(true, england.get("partial"));
    }

    @Test
    void theHeadlineSaysWhatDfesFigureHoldsThatTheAuthorityRowsDoNot() throws Exception {
        publishWorkforce();
        String southEast2021 = measure(analyst, "group=region:E12000008&period=2021&measures=leavers_fte").get("headline").toString();
        assertTrue(southEast2021.contains("with a figure of DfE's own, which it does not publish, for 1 authority whose figure is unavailable"),
                southEast2021);
        assertFalse(southEast2021.contains("suppressed"), "no authority's figure was suppressed (c), one was unavailable (x): " + southEast2021);
        String southWest2017 = measure(analyst, "group=region:E12000009&period=2017&measures=working_days_lost_fte").get("headline").toString();
        assertTrue(southWest2017.contains("including 2 whose own figures DfE suppressed"), southWest2017);
        String complete = measure(analyst, "group=region:E12000001&period=2023&measures=inpost_fte").get("headline").toString();
        assertTrue(complete.endsWith("(complete: it covers every authority)"), complete);
    }

    @Test
    void aNeighbourMedianSaysAJointReturnCountsAsOneNeighbourWhereDfesDashboardLeavesItOut() throws Exception {
        publishWorkforce();
        String brighton = measure(Tokens.authorityUser("brighton-dcs", "E06000043", Role.AUTHORITY_VIEWER),
                "group=neighbours:E06000043&period=2023&measures=inpost_fte").get("headline").toString();
        assertTrue(brighton.contains("the joint return of Kingston upon Thames / Richmond upon Thames counts as one neighbour"), brighton);
        String kent = measure(Tokens.authorityUser("kent-dcs", KENT, Role.AUTHORITY_VIEWER),
                "group=neighbours:" + KENT + "&period=2023&measures=inpost_fte").get("headline").toString();
        assertFalse(kent.contains("joint return"), "no joint return among Kent's neighbours: " + kent);
    }

    @Test
    void theNeighbourHeadlineIsTheMedianAndTheAuthorityIsRankedAmongItsNeighbours() throws Exception {
        publishWorkforce();
        Map<String, Object> turnover = measure(Tokens.authorityUser("kent-dcs", KENT, Role.AUTHORITY_VIEWER),
                "group=neighbours:" + KENT + "&period=2023&measures=turnover_rate_fte");
        assertEquals(15.9, number(turnover.get("value")), 1e-9, "(15.9 + 15.9) / 2 over the ten");
        assertTrue(turnover.get("headline").toString().startsWith("median of the 10 statistical neighbours"));
        assertNotNull(recomputed(turnover).get("value"), "the pooled figure beside it");
        assertEquals(11, members(turnover).size(), "the ten and Kent");
        Map<String, Object> kent = member(turnover, KENT);
        assertEquals(true, kent.get("subject"));
        assertEquals(9, kent.get("rank"), "Kent's 19.4 is the ninth lowest turnover of the eleven (Bedford 20.4 and Devon 22.9 higher)");
    }

    @Test
    void noTargetIsSeededAndARegionsOwnTargetIsShownOnlyForThatRegion() throws Exception {
        publishWorkforce();
        assertNull(measure(analyst, "group=region:E12000008&period=2023&measures=permanent_share_of_posts_fte").get("target"));
        Map<String, Object> target = new HashMap<>(Map.of("measure", "permanent_share_of_posts_fte", "comparison", "AT_LEAST",
                "value", 85, "source", "Kent County Council workforce strategy: 85% of posts filled by permanent staff",
                "effectiveFrom", "2015-01-01"));
        Api.Answer set = api.post("/api/v1/region/targets", seAdmin, target);
        assertEquals(201, set.status(), set.body());
        assertNull(measure(analyst, "group=region:E12000008&period=2023&measures=permanent_share_of_posts_fte").get("target"),
                "the South East's target is its own: not shown to the North West");
        String seAnalyst = Tokens.regionalUser("se-analyst", "E12000008", Role.REGIONAL_VIEWER);
        Map<String, Object> se = measure(seAnalyst, "group=region:E12000008&period=2023&measures=permanent_share_of_posts_fte");
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) se.get("target");
        assertEquals("at least", shown.get("comparison"));
        assertEquals(se.get("value") != null && number(se.get("value")) >= 85, shown.get("met"));
        assertNull(measure(analyst, "group=region:E12000002&period=2023&measures=permanent_share_of_posts_fte").get("target"),
                "the North West has not set it");
        assertNull(measure(seAnalyst, "group=region:E12000008&period=2023&measures=agency_rate_fte").get("target"),
                "a target is on its own measure, not the agency rate");
        Api.Answer foreign = api.post("/api/v1/region/targets/" + set.get("id") + "/withdraw", nwAdmin, Map.of());
        assertEquals(404, foreign.status(), "another region's administrator cannot withdraw it");
        Api.Answer typo = api.post("/api/v1/region/targets", seAdmin, Map.of("measure", "permanent_share_of_post_fte",
                "comparison", "AT_LEAST", "value", 85, "source", "s", "effectiveFrom", "2025-01-01"));
        assertEquals(422, typo.status());
        assertTrue(typo.body().contains("did you mean permanent_share_of_posts_fte"), typo.body());
    }

    @Test
    void demandIsBenchmarkedFromTheChildrenInNeedYearEndingBeforeCensusDay() throws Exception {
        publish("cin_referrals_2013_to_2023.csv", "child_protection_plans_2013_to_2023.csv", "children_in_need_2013_to_2023.csv");
        Map<String, Object> referrals = measure(analyst, "group=region:E12000001&period=2023&measures=referral_count");
        assertEquals(34790, number(referrals.get("value")), 1e-9, "DfE's North East referrals in the year to 31 March 2023");
        assertTrue(referrals.get("periodLabel").toString().contains("31 March 2023"), referrals.get("periodLabel").toString());
        assertEquals(false, recomputed(referrals).get("partial"));
        assertEquals(34790, number(recomputed(referrals).get("value")), 10, "DfE rounds its regional counts to the nearest 10");
        Map<String, Object> plans = measure(analyst, "group=region:E12000002&period=2023&measures=cpp_at31");
        assertTrue(members(plans).stream().anyMatch(m -> "E10000006".equals(m.get("code"))),
                "on 31 March 2023 Cumbria still existed, and the children-in-need year describes that day");
    }

    @Test
    void aFigureThatBreaksContinuityIsFlaggedAndNotRanked() throws Exception {
        publishWorkforce();
        List<Map<String, Object>> figures = kentFigures();
        figures.removeIf(f -> f.get("measure").toString().startsWith("leavers_"));
        figures.addAll(List.of(figure("leavers_headcount", 0), figure("leavers_fte", 0)));
        Api.Answer accepted = api.post("/api/v1/returns", kentSubmitter, censusReturn("2024", figures));
        assertEquals(201, accepted.status(), accepted.body());
        Map<String, Object> leavers = measure(surreyViewer, "group=region:E12000008&period=2024&measures=leavers_headcount");
        Map<String, Object> kent = member(leavers, KENT);
        assertNull(kent.get("rank"), "0 leavers after a year with dozens is not the best in the region");
        @SuppressWarnings("unchecked")
        Map<String, Object> flag = (Map<String, Object>) kent.get("flag");
        assertEquals("CONTINUITY", flag.get("rule"));
        assertTrue(flag.get("reason").toString().startsWith("0 where 2023 had"), flag.toString());
    }

    @Test
    void aPublicationIsKnownByItsColumnsNotItsFileName() throws Exception {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/csww_indicators_2017_to_2023.csv"));
             Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.Report report = PublishedStatisticsImporter.importFile(owner, "download (3).csv", in.readAllBytes());
            assertEquals("csww_indicators", report.publication());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PublishedStatisticsImporter.importFile(owner,
                    "csww_indicators_2024.csv", ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                            + "region_name,old_la_code,new_la_code,la_name,pupils\n2023,Reporting year,National,E92000001,England,,,,,,1\n")
                            .getBytes(StandardCharsets.UTF_8)));
            assertTrue(refused.getMessage().startsWith("This is not a DfE file the platform knows"), refused.getMessage());
        }
        assertEquals(2159.9, number(measure(analyst, "group=region:E12000001&period=2023&measures=inpost_fte").get("value")), 1e-9);
    }

    @Test
    void monthlyReturnsAreBenchmarkedForTheirOwnMonths() {
        for (String[] month : new String[][] {{"2025-02", "80.0"}, {"2025-03", "90.0"}}) {
            for (String token : List.of(kentSubmitter, surreySubmitter)) {
                Map<String, Object> body = new HashMap<>(censusReturn(month[0], List.of(figure("agency_fte", Double.parseDouble(month[1])),
                        figure("inpost_fte", 400.0))));
                body.put("periodType", "MONTH");
                Api.Answer answer = api.post("/api/v1/returns", token, body);
                assertEquals(201, answer.status(), answer.body());
            }
        }
        Map<String, Object> march = measure(surreyViewer, "group=region:E12000008&period=2025-03&measures=agency_rate_fte");
        assertEquals(18.4, number(recomputed(march).get("value")), 1e-9, "100 × 180 / (180 + 800)");
        assertTrue(march.get("periodLabel").toString().startsWith("month 2025-03"), march.get("periodLabel").toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) march.get("timeSeries");
        assertEquals(List.of("2025-02", "2025-03"), series.stream().map(p -> p.get("period")).toList(), "months only, not census years");
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = (Map<String, Object>) march.get("previous");
        assertEquals("2025-02", previous.get("label"));
        Api.Answer wrong = api.get("/api/v1/benchmarks?group=region:E12000008&period=2025-13&measures=agency_rate_fte", surreyViewer);
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("a month as YYYY-MM"), wrong.body());
    }
}
