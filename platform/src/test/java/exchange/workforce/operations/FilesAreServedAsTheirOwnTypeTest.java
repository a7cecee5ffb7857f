package exchange.workforce.operations;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An integrator's client that asks for a file by its own type gets it: a CSV with {@code Accept: text/csv}, a workbook
 * with the spreadsheet type, a benchmark or forecast with either JSON or CSV (issue 32: each was refused with 406,
 * "Supported types: [application/json]", and only {@code Accept: *}{@code /*} worked).
 */
@MicronautTest(transactional = false)
class FilesAreServedAsTheirOwnTypeTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void eachFileComesWithTheTypeTheClientAskedFor() throws Exception {
        TestDatabase.shared().importWorkforceIndicators();
        String kent = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
        String planner = Tokens.authorityUser("kent-planner", KENT, Role.PLANNER);
        String region = Tokens.regionalUser("se-group", "E12000008", Role.REGIONAL_VIEWER);
        String[][] files = {
                {"/api/v1/returns/templates/CENSUS_YEAR.csv", kent, "text/csv"},
                {"/api/v1/returns/templates/CENSUS_YEAR.xlsx", kent, XLSX},
                {"/api/v1/agency/templates/assignments.csv", kent, "text/csv"},
                {"/api/v1/agency/templates/assignments.xlsx", kent, XLSX},
                {"/api/v1/agency/templates/leavers.csv", kent, "text/csv"},
                {"/api/v1/agency/returns/2026-Q3.csv", kent, "text/csv"},
                {"/api/v1/agency/returns/2026-Q3/monthly-spend.csv", kent, "text/csv"},
                {"/api/v1/agency/returns/2026-Q3.xlsx", kent, XLSX},
                {"/api/v1/benchmarks?group=region:E12000008&period=2023&measures=turnover_rate_fte&format=csv", region, "text/csv"},
                {"/api/v1/benchmarks?group=region:E12000008&period=2023&measures=turnover_rate_fte", region, "application/json"},
                {"/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte&format=csv", planner, "text/csv"},
                {"/api/v1/forecasts/plan?area=" + KENT + "&format=csv", planner, "text/csv"},
                {"/api/v1/forecasts?area=" + KENT + "&measure=inpost_fte", planner, "application/json"}};
        List<String> refused = new ArrayList<>();
        for (String[] file : files) {
            Api.Answer answer = api.send(HttpRequest.GET(file[0]).bearerAuth(file[1]).accept(file[2]));
            if (answer.status() != 200 || answer.contentType() == null || !answer.contentType().startsWith(file[2])) {
                refused.add(file[0] + " as " + file[2] + ": " + answer.status() + " " + answer.contentType());
            }
        }
        assertEquals(List.of(), refused);
    }
}
