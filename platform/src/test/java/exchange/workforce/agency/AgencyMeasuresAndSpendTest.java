package exchange.workforce.agency;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.AssignmentRows;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agency measures: counted from the register, offered in the return template, read by benchmarks once submitted;
 * the monthly spend in the quarterly return; the region's compliance with spend, and a council's view of it with the
 * other members unnamed and their small counts suppressed.
 */
@MicronautTest(transactional = false)
class AgencyMeasuresAndSpendTest extends PlatformTest {

    static final String SURREY = "E10000030";
    final String surrey = Tokens.authorityUser("surrey-lead", SURREY, Role.AUTHORITY_SUBMITTER);
    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
    final String camden = Tokens.authorityUser("camden-lead", "E09000007", Role.AUTHORITY_SUBMITTER);
    final String seGroup = Tokens.regionalUser("se-group", "E12000008", Role.REGIONAL_VIEWER);

    @BeforeEach
    void surreyRecordsTwoAssignmentsInTheThirdQuarterOneOverTheCap() {
        assertEquals(201, api.post("/api/v1/agency/caps", Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN),
                Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 45.00, "effectiveFrom", "2025-04-01", "source", "South East RIIA")).status());
        StringBuilder csv = new StringBuilder(String.join(",", AssignmentRows.HEADER)).append("\r\n");
        for (List<String> row : List.of(AssignmentRows.withinCap("SW900123"), AssignmentRows.overCapSignedOff("SW900124"))) {
            csv.append(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList())).append("\r\n");
        }
        MultipartBody body = MultipartBody.builder().addPart("file", "q3.csv", MediaType.TEXT_PLAIN_TYPE,
                csv.toString().getBytes(StandardCharsets.UTF_8)).build();
        Api.Answer uploaded = api.send(HttpRequest.POST("/api/v1/agency/assignments/uploads", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(surrey));
        assertEquals(201, uploaded.status(), uploaded.body());
    }

    private static Map<String, Object> ret(String type, String period, List<Map<String, Object>> figures) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodType", type);
        body.put("period", period);
        body.put("values", figures);
        return body;
    }

    @Test
    void theRegistersFiguresComeFilledInTheReturnTemplateAndOnceSubmittedBenchmarksReadThem() {
        Api.Answer figures = api.get("/api/v1/agency/figures?periodType=QUARTER&period=2026-Q3", surrey);
        assertEquals(200, figures.status(), figures.body());
        String body = figures.body();
        assertTrue(body.contains("{\"measure\":\"agency_assignments\",\"breakdown\":\"\",\"value\":2}"), body);
        assertTrue(body.contains("{\"measure\":\"agency_assignments\",\"breakdown\":\"role=SOCIAL_WORKER\",\"value\":2}"), body);
        assertTrue(body.contains("{\"measure\":\"agency_assignments\",\"breakdown\":\"role=IRO_CP_CHAIR\",\"value\":0}"), body);
        assertTrue(body.contains("{\"measure\":\"agency_assignments_over_cap\",\"breakdown\":\"\",\"value\":1}"), body);
        assertTrue(body.contains("{\"measure\":\"agency_average_hourly_charge\",\"breakdown\":\"\",\"value\":49.50}"), "(47 + 52) / 2: " + body);
        Api.Answer nothingYet = api.get("/api/v1/agency/figures?periodType=QUARTER&period=2025-Q1", surrey);
        assertTrue(nothingYet.body().contains("{\"measure\":\"agency_average_hourly_charge\",\"breakdown\":\"\",\"symbol\":\"z\"}"),
                "no assignments: no average, never 0: " + nothingYet.body());
        Api.Answer badPeriod = api.get("/api/v1/agency/figures?periodType=QUARTER&period=2026-13", surrey);
        assertEquals(422, badPeriod.status());
        assertTrue(badPeriod.body().contains("period: give a quarter as YYYY-Qn, e.g. 2025-Q1; '2026-13' is not one."), badPeriod.body());
        Api.Answer noType = api.get("/api/v1/agency/figures?period=2026-Q3", surrey);
        assertEquals(422, noType.status());
        assertTrue(noType.body().contains("periodType: give MONTH, QUARTER or CENSUS_YEAR, with period"), noType.body());
        String kents = api.get("/api/v1/agency/figures?periodType=QUARTER&period=2026-Q3", kent).body();
        assertTrue(kents.contains("\"assignments\":0,\"registerEmpty\":true"), "Kent's register is its own: " + kents);
        assertTrue(api.get("/api/v1/returns/templates/QUARTER.csv?period=2026-Q3", kent).body().contains(",agency_assignments,,\r\n"),
                "nothing pre-filled for a council that keeps no register here");

        String template = api.get("/api/v1/returns/templates/QUARTER.csv?period=2026-Q3", surrey).body();
        assertTrue(template.contains("E10000030,QUARTER,2026-Q3,agency_assignments,,2\r\n")
                && template.contains("E10000030,QUARTER,2026-Q3,agency_assignments,role=SOCIAL_WORKER,2\r\n")
                && template.contains("E10000030,QUARTER,2026-Q3,agency_average_hourly_charge,,49.50\r\n")
                && template.contains("E10000030,QUARTER,2026-Q3,agency_spend,,\r\n"), template);

        List<Map<String, Object>> values = new ArrayList<>(List.of(figure("agency_assignments", 2), figure("agency_assignments", "role", "SOCIAL_WORKER", 2),
                figure("agency_assignments_over_cap", 1), figure("agency_average_hourly_charge", 49.50), figure("agency_spend", 118250.75)));
        Api.Answer stored = api.post("/api/v1/returns", surrey, ret("QUARTER", "2026-Q3", values));
        assertEquals(201, stored.status(), stored.body());
        assertTrue(stored.body().contains("\"measure\":\"agency_share_over_cap\",\"breakdown\":\"\",\"value\":50"), "derived: " + stored.body());
        Api.Answer benchmark = api.get("/api/v1/benchmarks?group=region:E12000008&period=2026-Q3&measures=agency_share_over_cap,agency_spend", seGroup);
        assertEquals(200, benchmark.status(), benchmark.body());
        assertTrue(benchmark.body().contains("\"value\":50") && benchmark.body().contains("\"value\":118250.75"), benchmark.body());
    }

    @Test
    void theQuarterlyReturnCarriesTheMonthlySpendFromTheMonthlyReturnsAndTheRegionSeesIt() throws Exception {
        assertEquals(201, api.post("/api/v1/returns", surrey, ret("MONTH", "2026-07", List.of(figure("agency_spend", 41000.5)))).status());
        assertEquals(201, api.post("/api/v1/returns", surrey, ret("MONTH", "2026-08", List.of(figure("agency_spend", "x")))).status());
        Api.Answer spend = api.get("/api/v1/agency/returns/2026-Q3/monthly-spend.csv", surrey);
        assertEquals(200, spend.status(), spend.body());
        assertEquals("quarter,local_authority,month,agency_spend,source\r\n"
                + "2026-Q3,E10000030,2026-07,41000.50,\"Monthly return for 2026-07, version 1\"\r\n"
                + "2026-Q3,E10000030,2026-08,x,\"Monthly return for 2026-08, version 1\"\r\n"
                + "2026-Q3,E10000030,2026-09,,No monthly return for 2026-09: submit one with agency_spend\r\n", spend.body());
        byte[] workbook = http.toBlocking().exchange(HttpRequest.GET("/api/v1/agency/returns/2026-Q3.xlsx").bearerAuth(surrey), byte[].class).body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet("Monthly spend 2026-Q3");
            Sheet summary = book.getSheetAt(0);
            int last = summary.getLastRowNum();
            assertEquals("agency spend given (pounds)", summary.getRow(last).getCell(1).getStringCellValue());
            assertEquals(41000.5, summary.getRow(last).getCell(2).getNumericCellValue(), 1e-9, "the summary totals the months given");
            assertEquals(1, summary.getRow(last - 1).getCell(2).getNumericCellValue(), 1e-9, "one month given (August's is x)");
            assertEquals(41000.5, sheet.getRow(1).getCell(3).getNumericCellValue(), 1e-9, "money as a number");
            assertEquals("x", sheet.getRow(2).getCell(3).getStringCellValue(), "a symbol stays a symbol");
        }
        assertFalse(api.get("/api/v1/agency/returns/2026-Q3/monthly-spend.csv", kent).body().contains("41000"), "Kent reads its own only");

        Api.Answer region = api.get("/api/v1/region/agency/compliance?quarter=2026-Q3", seGroup);
        assertTrue(region.body().contains("\"authorityCode\":\"E10000030\"") && region.body().contains("\"agencySpend\":41000.5")
                && region.body().contains("\"agencySpendMonths\":1"), region.body());
    }

    @Test
    void aCouncilReadsItsRegionsComplianceWithOnlyItselfNamedAndOthersSmallCountsSuppressed() {
        Api.Answer kents = api.get("/api/v1/agency/compliance?quarter=2026-Q3", kent);
        assertEquals(200, kents.status(), kents.body());
        String body = kents.body();
        assertFalse(body.contains(SURREY) || body.contains("Surrey"), "Surrey is not named to Kent: " + body);
        assertTrue(body.contains("\"member\":\"Another member A\",\"you\":false,\"assignments\":{\"symbol\":\"c\"}"),
                "2 workers, under the threshold of 5: suppressed, never the number: " + body);
        assertTrue(body.contains("\"region\":{\"member\":\"The region\",\"you\":false,\"assignments\":{\"symbol\":\"c\"}"),
                "the total would give Surrey's count away: suppressed too: " + body);
        Api.Answer surreys = api.get("/api/v1/agency/compliance?quarter=2026-Q3", surrey);
        assertTrue(surreys.body().contains("\"member\":\"Your council (Surrey)\",\"you\":true,\"assignments\":{\"value\":2}"), surreys.body());
        Api.Answer camdens = api.get("/api/v1/agency/compliance?quarter=2026-Q3", camden);
        assertEquals(200, camdens.status(), camdens.body());
        assertTrue(camdens.body().contains("\"members\":[]"), "London reads nothing of the South East: " + camdens.body());
        assertEquals(403, api.get("/api/v1/agency/compliance?quarter=2026-Q3", seGroup).status(), "the region reads the named view instead");
    }
}
