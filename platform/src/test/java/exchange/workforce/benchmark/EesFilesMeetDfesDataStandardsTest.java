package exchange.workforce.benchmark;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The explore-education-statistics exports of census years, quarters and months, checked against DfE's rules for
 * its data files, as DfE's standards and its service's own list of time identifiers state them (written here as checks,
 * not copied): the time columns first; time_period a four-digit year for reporting and calendar years, their quarters
 * and months; one time identifier from the service's list per file; a known geographic level; country E92000001;
 * regional rows with a region code and name.
 */
@MicronautTest(transactional = false)
class EesFilesMeetDfesDataStandardsTest extends PlatformTest {

    static final List<String> FIRST_COLUMNS = List.of("time_period", "time_identifier", "geographic_level", "country_code", "country_name");
    static final Set<String> TIME_IDENTIFIERS = Set.of("Reporting year", "Calendar year", "Calendar year Q1", "Calendar year Q2",
            "Calendar year Q3", "Calendar year Q4", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December");
    static final Set<String> LEVELS = Set.of("National", "Regional", "Local authority");
    static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Every way the file breaks DfE's rules, by line; empty if none. */
    static List<String> problems(String csv) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        List<String> problems = new ArrayList<>();
        List<String> header = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords().get(0).toList();
        if (!header.subList(0, Math.min(5, header.size())).equals(FIRST_COLUMNS)) {
            problems.add("the first columns are " + header.subList(0, Math.min(5, header.size())) + ", not " + FIRST_COLUMNS);
        }
        Set<String> identifiers = new HashSet<>();
        for (CSVRecord row : records) {
            String at = "line " + (row.getRecordNumber() + 1) + ": ";
            String identifier = row.get("time_identifier");
            identifiers.add(identifier);
            if (!TIME_IDENTIFIERS.contains(identifier)) {
                problems.add(at + "time_identifier '" + identifier + "' is not one of EES's");
            }
            if (!YEAR.matcher(row.get("time_period")).matches()) {
                problems.add(at + "time_period '" + row.get("time_period") + "' is not a four-digit year, as '" + identifier + "' needs");
            }
            if (!LEVELS.contains(row.get("geographic_level"))) {
                problems.add(at + "geographic_level '" + row.get("geographic_level") + "'");
            }
            if (!"E92000001".equals(row.get("country_code")) || !"England".equals(row.get("country_name"))) {
                problems.add(at + "country is not England (E92000001)");
            }
            if ("Regional".equals(row.get("geographic_level")) && (row.get("region_code").isBlank() || row.get("region_name").isBlank())) {
                problems.add(at + "a regional row without its region's code and name");
            }
        }
        if (identifiers.size() > 1) {
            problems.add("more than one time identifier in one file: " + identifiers);
        }
        return problems;
    }

    @Test
    void theChecksCatchTheLayoutQuartersWereWrittenInBefore() throws IOException {
        String before = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name\n"
                + "2025-Q1,Reporting year,National,E92000001,England,,\n";
        assertEquals(List.of("line 2: time_period '2025-Q1' is not a four-digit year, as 'Reporting year' needs"), problems(before));
    }

    @Test
    void censusYearQuarterAndMonthExportsMeetDfesRules() throws IOException {
        String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
        String seAnalyst = Tokens.regionalUser("se-analyst", "E12000008", Role.REGIONAL_VIEWER);
        assertEquals(201, api.post("/api/v1/returns", kent, censusReturn("2024", kentFigures())).status());
        Map<String, String> expected = Map.of("2024", "Reporting year", "2025-Q3", "Calendar year Q3", "2025-01", "January");
        for (Map.Entry<String, String> period : expected.entrySet()) {
            if (!period.getKey().equals("2024")) {
                Map<String, Object> body = new HashMap<>(censusReturn(period.getKey(), List.of(figure("agency_spend", 741003))));
                body.put("periodType", period.getKey().contains("Q") ? "QUARTER" : "MONTH");
                Api.Answer stored = api.post("/api/v1/returns", kent, body);
                assertEquals(201, stored.status(), stored.body());
            }
            String measures = period.getKey().equals("2024") ? "inpost_fte" : "agency_spend";
            Api.Answer ees = api.get("/api/v1/benchmarks?group=region:E12000008&period=" + period.getKey() + "&measures=" + measures
                    + "&format=ees", seAnalyst);
            assertEquals(200, ees.status(), ees.body());
            assertEquals(List.of(), problems(ees.body()), period.getKey() + ":\n" + ees.body());
            assertEquals(period.getValue(), ees.body().lines().skip(1).findFirst().orElseThrow().split(",")[1], ees.body());
            String regional = ees.body().lines().filter(l -> l.contains(",Regional,")).findFirst().orElseThrow();
            assertFalse(regional.contains("741003") || regional.contains("450.5"),
                    "Kent alone is not the South East's figure in a file either: " + regional);
        }
    }
}
