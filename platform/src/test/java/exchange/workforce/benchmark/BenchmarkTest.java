package exchange.workforce.benchmark;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFixtures;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BenchmarkTest extends PlatformTest {

    final String kentViewer = Tokens.authorityUser("kent-dcs", "E10000016", Role.AUTHORITY_VIEWER);
    final String kentSubmitter = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
    final String surreyViewer = Tokens.authorityUser("surrey-dcs", "E10000030", Role.AUTHORITY_VIEWER);
    final String camdenViewer = Tokens.authorityUser("camden-dcs", "E09000007", Role.AUTHORITY_VIEWER);

    @BeforeEach
    void published() throws Exception {
        TestDatabase.shared().importWorkforceIndicators();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> measure(String token, String query) {
        Api.Answer answer = api.get("/api/v1/benchmarks?" + query, token);
        assertEquals(200, answer.status(), answer.body());
        return ((List<Map<String, Object>>) answer.get("measures")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> authorities(Map<String, Object> measure) {
        return (List<Map<String, Object>>) measure.get("authorities");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kentsStatisticalNeighbourMedianMatchesTheHandWorkedExample() {
        // Worked by hand from DfE's 2023 file: Essex 15.9, East Sussex 8.1, Devon 22.9, Bexley 18.1, Suffolk 11.5,
        // Norfolk 15.9, Nottinghamshire 12.4, West Sussex 15.5, Bedford 20.4, Somerset 17.5 → median (15.9 + 15.9) / 2
        Map<String, Object> turnover = measure(kentViewer, "group=neighbours:E10000016&period=2023&measures=turnover_rate_fte");
        Map<String, Object> distribution = (Map<String, Object>) turnover.get("distribution");
        assertEquals(15.9, ((Number) distribution.get("median")).doubleValue(), 1e-9);
        assertEquals(8.1, ((Number) distribution.get("min")).doubleValue(), 1e-9);
        assertEquals(22.9, ((Number) distribution.get("max")).doubleValue(), 1e-9);
        assertEquals(Map.of("covered", 10, "members", 10, "missing", List.of(), "note", "Covers all 10 members."), turnover.get("coverage"));
        assertEquals(false, turnover.get("partial"));
    }

    @Test
    void aMemberSeesMembersByNameAndANonMemberSeesNone() {
        List<Map<String, Object>> forSurrey = authorities(measure(surreyViewer, "group=region:E12000008&period=2023&measures=turnover_rate_fte"));
        assertTrue(forSurrey.stream().allMatch(a -> a.get("name") != null), "Surrey signed the South East memorandum");
        assertTrue(forSurrey.stream().anyMatch(a -> Boolean.TRUE.equals(a.get("you")) && "Surrey".equals(a.get("name"))));

        Api.Answer forCamden = api.get("/api/v1/benchmarks?group=region:E12000008&period=2023&measures=turnover_rate_fte", camdenViewer);
        assertEquals(false, forCamden.get("namesVisible"));
        assertFalse(forCamden.body().contains("Surrey") || forCamden.body().contains("E10000030"), "no names or codes for a non-member");
        assertTrue(forCamden.body().contains("\"median\""), "the distribution is still there");
    }

    @Test
    void aMembersOwnReturnReplacesItsPublishedFigureAsSoonAsItIsAccepted() {
        Map<String, Object> before = authorities(measure(surreyViewer, "group=region:E12000008&period=2023&measures=inpost_fte")).stream()
                .filter(a -> "E10000016".equals(a.get("code"))).findFirst().orElseThrow();
        assertEquals("dfe", before.get("source"));
        assertEquals(201, api.post("/api/v1/returns", kentSubmitter, censusReturn("2023", ReturnFixtures.kentFigures())).status());
        Map<String, Object> after = authorities(measure(surreyViewer, "group=region:E12000008&period=2023&measures=inpost_fte")).stream()
                .filter(a -> "E10000016".equals(a.get("code"))).findFirst().orElseThrow();
        assertEquals("return", after.get("source"));
        assertEquals(450.5, ((Number) after.get("value")).doubleValue(), 1e-9);
        assertEquals(1, after.get("returnVersion"));
    }

    /** Kent's 2024 return with 63 leavers by reason (50 resigned, 3 retired, 10 dismissed), as a Surrey viewer sees the cells. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> kentLeaversByReasonAsSurreySeesThem() {
        List<Map<String, Object>> figures = ReturnFixtures.kentFigures();
        figures.add(figure("leavers_headcount", "leaving_reason", "RESIGNATION", 50));
        figures.add(figure("leavers_headcount", "leaving_reason", "RETIREMENT", 3));
        figures.add(figure("leavers_headcount", "leaving_reason", "DISMISSAL", 10));
        assertEquals(201, api.post("/api/v1/returns", kentSubmitter, censusReturn("2024", figures)).status());
        String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
        assertEquals(201, api.post("/api/v1/region/releases/CENSUS_YEAR/2024", seAdmin, Map.of()).status());
        Map<String, Object> leavers = measure(surreyViewer, "group=region:E12000008&period=2024&measures=leavers_headcount&breakdown=leaving_reason");
        Map<String, Map<String, Object>> cells = new java.util.HashMap<>();
        ((List<Map<String, Object>>) leavers.get("breakdown")).forEach(c -> cells.put((String) c.get("breakdown"), c));
        return cells;
    }

    @Test
    void theMemorandumsOwnThresholdDecidesWhatIsSuppressedHereThreeInsteadOfFive() {
        String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
        Map<String, Object> terms = new java.util.HashMap<>(exchange.workforce.support.Fixtures.newTerms(java.time.LocalDate.now().toString(), 3));
        terms.put("smallCountThreshold", 3);
        assertEquals(201, api.post("/api/v1/region/terms", seAdmin, terms).status());
        Map<String, Map<String, Object>> cells = kentLeaversByReasonAsSurreySeesThem();
        assertEquals(3, ((Number) cells.get("leaving_reason=RETIREMENT").get("value")).intValue(),
                "3 people is not below this memorandum's threshold of 3 (under the default 5 it is suppressed: the next test)");
        assertEquals(10, ((Number) cells.get("leaving_reason=DISMISSAL").get("value")).intValue(), "nothing needs protecting");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBreakdownCellOfThreePeopleIsSuppressedWithTheCellThatWouldRevealIt() {
        Map<String, Map<String, Object>> cells = kentLeaversByReasonAsSurreySeesThem();
        assertEquals("c", cells.get("leaving_reason=RETIREMENT").get("symbol"));
        assertNull(cells.get("leaving_reason=RETIREMENT").get("value"));
        assertEquals("c", cells.get("leaving_reason=DISMISSAL").get("symbol"), "63 − 50 − 10 would reveal the 3");
        assertEquals(50, ((Number) cells.get("leaving_reason=RESIGNATION").get("value")).intValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFigureThatDoesNotCoverEveryMemberIsPartialAndSaysWhoIsMissingAndWhy() {
        assertEquals(201, api.post("/api/v1/returns", kentSubmitter, censusReturn("2024", ReturnFixtures.kentFigures())).status());
        Map<String, Object> y2024 = measure(surreyViewer, "group=region:E12000008&period=2024&measures=turnover_rate_fte");
        assertEquals(true, y2024.get("partial"));
        Map<String, Object> coverage = (Map<String, Object>) y2024.get("coverage");
        assertEquals(1, coverage.get("covered"), "only Kent has 2024 figures");
        List<Map<String, Object>> missing = (List<Map<String, Object>>) coverage.get("missing");
        assertEquals(18, missing.size());
        assertTrue(missing.stream().anyMatch(m -> "E10000030".equals(m.get("code")) && "NO_DATA".equals(m.get("reason"))));
        assertNull(y2024.get("value"), "Kent's figure is not the South East's");
        assertTrue(y2024.get("headline").toString().contains("Kent alone (1 of 19 members)"), y2024.get("headline").toString());
        assertEquals(13.3, ((Number) ((Map<String, Object>) y2024.get("recomputed")).get("value")).doubleValue(), 1e-9,
                "Kent's alone, never shrunk silently: it says so");
        String note = coverage.get("note").toString();
        assertTrue(note.startsWith("Partial: covers 1 of 19 members; missing ") && note.contains("Surrey (no data)"),
                "a person notices a figure covering 1 of 19: " + note);
        List<Map<String, Object>> members = (List<Map<String, Object>>) y2024.get("authorities");
        assertTrue(members.stream().filter(m -> m.get("value") == null).noneMatch(m -> "dfe".equals(m.get("source"))),
                "a council with no data at all is not labelled as DfE's figure: " + members);
    }

    @Test
    void anUnknownGroupOrMeasureIsExplained() {
        Api.Answer group = api.get("/api/v1/benchmarks?group=county:Kent&period=2023", kentViewer);
        assertEquals(422, group.status());
        assertTrue(group.get("detail").toString().contains("region:<ONS code>"));
        Api.Answer measure = api.get("/api/v1/benchmarks?group=england&period=2023&measures=turnover_rate", kentViewer);
        assertEquals(422, measure.status());
        assertTrue(measure.body().contains("did you mean turnover_rate_fte?"), measure.body());
    }

    @Test
    void theCsvExportIsSafeToOpenInASpreadsheet() {
        String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
        Api.Answer created = api.post("/api/v1/region/groups", seAdmin,
                Map.of("name", "=HYPERLINK(\"http://evil.example\",\"x\")", "authorityCodes", List.of("E10000016", "E10000030")));
        assertEquals(201, created.status(), created.body());
        Api.Answer csv = api.get("/api/v1/benchmarks?group=custom:" + created.get("id") + "&period=2023&measures=inpost_fte&format=csv", seAdmin);
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("'=HYPERLINK"), csv.body());
        assertFalse(csv.body().contains(",=HYPERLINK") || csv.body().contains(",\"=HYPERLINK"));
        assertTrue(csv.body().contains("E10000016,Kent,"), "the region's own administrator sees its members named");
        String londonAdmin = Tokens.regionalUser("ldn-admin", "E12000007", Role.REGION_ADMIN);
        assertEquals("[]", api.get("/api/v1/region/groups", londonAdmin).body());
    }

    @Test
    void anEesRowForAnUnnamedCouncilHoldsThatCouncilsValueAloneNeverAnotherCouncilsBesideIt() throws Exception {
        String essexViewer = Tokens.authorityUser("essex-viewer", "E10000012", Role.AUTHORITY_VIEWER);
        Api.Answer ees = api.get("/api/v1/benchmarks?group=region:E12000008&period=2023&measures=inpost_fte,turnover_rate_fte&format=ees", essexViewer);
        assertEquals(200, ees.status());
        var records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(ees.body().replace("\uFEFF", ""))).getRecords();
        var unnamed = records.stream().filter(r -> r.get("geographic_level").equals("Local authority")).toList();
        assertEquals(38, unnamed.size(), "19 members' values for each of 2 measures, each on its own row");
        for (var row : unnamed) {
            assertEquals("", row.get("new_la_code"), "Essex is outside the South East memorandum: no council is named");
            long values = List.of("inpost_fte", "turnover_rate_fte").stream().filter(m -> !row.get(m).equals("x")).count();
            assertTrue(values <= 1, "one council's value per unnamed row, never two councils' joined: " + row);
        }
    }

    @Test
    void theEesExportLoadsBesideDfesOwnFiles() throws Exception {
        Api.Answer ees = api.get("/api/v1/benchmarks?group=region:E12000008&period=2023&measures=inpost_fte,turnover_rate_fte&format=ees", surreyViewer);
        assertEquals(200, ees.status());
        var contents = exchange.workforce.adapters.dfe.EesFile.read(new java.io.ByteArrayInputStream(ees.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of("inpost_fte", "turnover_rate_fte"), contents.measures());
        assertTrue(contents.rows().stream().anyMatch(r -> r.areaCode().equals("E10000016") && r.level().equals("Local authority")));
        assertTrue(contents.rows().stream().anyMatch(r -> r.areaCode().equals("E92000001") && r.level().equals("National")));
        assertTrue(contents.rows().stream().anyMatch(r -> r.areaCode().equals("E12000008") && r.level().equals("Regional")),
                "the region itself, at DfE's regional level");
        assertEquals(21, contents.rows().size(), "19 members, the region and England, read back by the platform's own DfE reader");
        assertEquals(List.of(), contents.skipped(), "every row is in DfE's layout");
    }

    /**
     * DfE's data-file rules for explore-education-statistics, checked on an export with a breakdown: the mandatory
     * columns first; only its geographic levels, each with the codes its level needs; a filter column with a value on
     * every row ("Total" for totals); no blank indicator cell (a symbol instead); and a .meta.csv naming every filter
     * and indicator column, and nothing else, with units and decimal places.
     */
    @Test
    void theEesDataAndMetaFilesKeepDfesDataFileRules() throws Exception {
        kentLeaversByReasonAsSurreySeesThem();
        String query = "/api/v1/benchmarks?group=region:E12000008&period=2024&measures=leavers_headcount,inpost_fte,turnover_rate_fte"
                + "&breakdown=leaving_reason";
        Api.Answer data = api.get(query + "&format=ees", surreyViewer);
        assertEquals(200, data.status(), data.body());
        var parsed = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(data.body()));
        List<String> header = parsed.getHeaderNames();
        var records = parsed.getRecords();
        assertEquals(List.of("time_period", "time_identifier", "geographic_level", "country_code", "country_name"), header.subList(0, 5));
        for (var row : records) {
            String level = row.get("geographic_level");
            assertTrue(List.of("National", "Regional", "Local authority").contains(level), level);
            assertEquals("E92000001", row.get("country_code"));
            if (level.equals("Regional")) {
                assertEquals("E12000008", row.get("region_code"));
                assertEquals("South East", row.get("region_name"));
            }
            if (level.equals("Local authority") && !row.get("new_la_code").isEmpty()) {
                assertTrue(row.get("new_la_code").matches("E[0-9]{8}") && row.get("old_la_code").matches("[0-9]{3}") && !row.get("la_name").isEmpty(), row.toString());
            }
            assertFalse(row.get("leaving_reason").isEmpty(), "a filter value on every row: " + row);
            for (String indicator : List.of("leavers_headcount", "inpost_fte", "turnover_rate_fte")) {
                assertFalse(row.get(indicator).isEmpty(), "no blank indicator cell: " + row);
            }
        }
        var regional = records.stream().filter(r -> r.get("geographic_level").equals("Regional")).toList();
        assertEquals("Total", regional.get(0).get("leaving_reason"));
        var resigned = regional.stream().filter(r -> r.get("leaving_reason").equals("RESIGNATION")).findFirst().orElseThrow();
        assertEquals("z", resigned.get("inpost_fte"), "a measure with no such breakdown: not applicable");

        Api.Answer meta = api.get(query + "&format=ees-meta", surreyViewer);
        assertEquals(200, meta.status(), meta.body());
        var metaRows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(meta.body())).getRecords();
        assertEquals(header.subList(10, header.size()), metaRows.stream().map(r -> r.get("col_name")).toList(),
                "every filter and indicator column, in order, and no descriptive one");
        var byName = new java.util.HashMap<String, org.apache.commons.csv.CSVRecord>();
        metaRows.forEach(r -> byName.put(r.get("col_name"), r));
        assertEquals("Filter", byName.get("leaving_reason").get("col_type"));
        assertEquals("Reason for leaving", byName.get("leaving_reason").get("label"));
        assertEquals("Indicator", byName.get("turnover_rate_fte").get("col_type"));
        assertEquals("%", byName.get("turnover_rate_fte").get("indicator_unit"));
        assertEquals("1", byName.get("turnover_rate_fte").get("indicator_dp"));
        assertEquals("0", byName.get("leavers_headcount").get("indicator_dp"));
    }

    /**
     * An authority that was reorganised keeps the codes it had in the year: DfE publishes Buckinghamshire's 2019 figures
     * under the county council (E10000002) and its 2023 figures under the unitary council that replaced it (E06000060),
     * both with the DfE number 825; an EES file of either year carries those codes, never blanks. A joint return carries
     * each council's codes as DfE writes them ("940 / 941", North and West Northamptonshire since 2021). Every region, four
     * years, as its own viewer sees them named.
     */
    @Test
    void aReorganisedAuthorityKeepsTheCodesItHadInTheYearInAnEesFile() throws Exception {
        for (Map.Entry<String, String> year : Map.of("2019", "E10000002", "2023", "E06000060").entrySet()) {
            Api.Answer data = api.get("/api/v1/benchmarks?group=region:E12000008&period=" + year.getKey() + "&measures=inpost_fte&format=ees",
                    surreyViewer);
            assertEquals(200, data.status(), data.body());
            var records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(data.body())).getRecords();
            var buckinghamshire = records.stream().filter(r -> r.get("la_name").equals("Buckinghamshire")).toList();
            assertEquals(1, buckinghamshire.size(), data.body());
            assertEquals(year.getValue(), buckinghamshire.get(0).get("new_la_code"), year.getKey());
            assertEquals("825", buckinghamshire.get(0).get("old_la_code"), year.getKey());
            assertEquals("E12000008", buckinghamshire.get(0).get("region_code"), year.getKey());
        }
        for (String region : List.of("E12000001", "E12000002", "E12000003", "E12000004", "E12000005", "E12000006", "E12000007",
                "E12000008", "E12000009")) {
            String regionalViewer = Tokens.regionalUser("viewer-" + region, region, Role.REGIONAL_VIEWER);
            int named = 0;
            for (String year : List.of("2017", "2019", "2021", "2023")) {
                Api.Answer data = api.get("/api/v1/benchmarks?group=region:" + region + "&period=" + year + "&measures=inpost_fte&format=ees",
                        regionalViewer);
                assertEquals(200, data.status(), data.body());
                var rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new java.io.StringReader(data.body())).getRecords();
                for (var row : rows) {
                    if (row.get("geographic_level").equals("Local authority")) {
                        named++;
                        assertTrue(row.get("new_la_code").matches("E[0-9]{8}( / E[0-9]{8})*") && row.get("old_la_code").matches("[0-9]{3}( / [0-9]{3})*")
                                && row.get("region_code").equals(region), "every council in " + region + " " + year + " has its codes: " + row);
                    }
                }
            }
            assertTrue(named > 20, region + ": its own viewer sees its councils named (" + named + " rows)");
        }
    }

    @Test
    void malformedQueriesGetA4xxNeverA500() {
        for (String query : List.of("", "group=region:E12000008", "period=2023", "group=region:&period=2023",
                "group=region:E12000008&period=twenty", "group=region:E12000008&period=99999", "group=neighbours:E99999999&period=2023",
                "group=custom:not-a-uuid&period=2023", "group=custom:" + java.util.UUID.randomUUID() + "&period=2023",
                "group=region:E12000008&period=2023&breakdown=shoe_size", "group=region:E12000008&period=2023&measures=%27%3B%20drop",
                "group=" + "x".repeat(5000) + "&period=2023")) {
            Api.Answer answer = api.get("/api/v1/benchmarks?" + query, kentViewer);
            assertTrue(answer.status() >= 400 && answer.status() < 500, query + " -> " + answer.status() + " " + answer.body());
            assertEquals("application/problem+json", answer.contentType(), query);
        }
        assertEquals(200, api.get("/api/v1/benchmarks?group=region:E12000008&period=2099&measures=inpost_fte", kentViewer).status(),
                "a year with no data is an answer: unavailable, with every member listed as missing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAuthorityThatLeavesTheMemorandumStopsSeeingNamesAtOnce() {
        String query = "group=region:E12000008&period=2023&measures=turnover_rate_fte";
        assertEquals(true, api.get("/api/v1/benchmarks?" + query, surreyViewer).get("namesVisible"));
        String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);
        assertEquals(200, api.post("/api/v1/region/members/E10000030/end", seAdmin,
                Map.of("effectiveTo", java.time.LocalDate.now().toString())).status());
        Api.Answer after = api.get("/api/v1/benchmarks?" + query, surreyViewer);
        assertTrue(authorities(((List<Map<String, Object>>) after.get("measures")).get(0)).stream()
                .filter(a -> !Boolean.TRUE.equals(a.get("you"))).allMatch(a -> a.get("name") == null), "the cached answer was not reused");
    }
}
