package exchange.workforce.operations;

import exchange.workforce.client.ApiClient;
import exchange.workforce.client.ApiException;
import exchange.workforce.client.api.BenchmarksApi;
import exchange.workforce.client.api.IdentityApi;
import exchange.workforce.client.api.MeasuresApi;
import exchange.workforce.client.api.ReturnsApi;
import exchange.workforce.client.model.BenchmarkResponse;
import exchange.workforce.client.model.MeControllerMe;
import exchange.workforce.client.model.PeriodType;
import exchange.workforce.client.model.Problem;
import exchange.workforce.client.model.ReturnControllerFigure;
import exchange.workforce.client.model.ReturnControllerReturnBody;
import exchange.workforce.client.model.SubmittedReturn;
import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An integrator's Java client, generated at build time from the committed spec (openapi-generator, library native),
 * against the running service: who am I, the catalogue, a benchmark, a return stored with 201, and one refused with
 * 422 read as a problem. A spec that misdescribes what the service answers fails here.
 */
@MicronautTest(transactional = false)
class GeneratedClientTest extends PlatformTest {

    @Inject
    EmbeddedServer server;

    @BeforeEach
    void published() throws Exception {
        TestDatabase.shared().importWorkforceIndicators();
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static ReturnControllerFigure figure(String measure, String value) {
        return new ReturnControllerFigure().measure(measure).value(value);
    }

    @Test
    void anIntegratorsGeneratedClientReadsAndWritesThroughTheSpec() throws Exception {
        ApiClient kent = client(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER));

        MeControllerMe me = new IdentityApi(kent).meMe();
        assertEquals("E10000016", me.getAuthority().getCode());

        Object catalogue = new MeasuresApi(kent).measuresCatalogue();
        assertTrue(catalogue instanceof Map<?, ?> map && map.get("measures") instanceof List<?> list && !list.isEmpty(), "the catalogue, as JSON");

        BenchmarkResponse benchmark = new BenchmarksApi(kent).benchmarksBenchmark("region:E12000008", "2023", "turnover_rate_fte", null, null);
        assertEquals("turnover_rate_fte", benchmark.getMeasures().get(0).getMeasure());
        assertTrue(benchmark.getMeasures().get(0).getValue() != null, "the South East's published turnover");

        ReturnsApi returns = new ReturnsApi(kent);
        SubmittedReturn stored = returns.returnsSubmit(new ReturnControllerReturnBody().periodType(PeriodType.CENSUS_YEAR).period("2024")
                .values(List.of(figure("inpost_fte", "450.5"), figure("inpost_headcount", "480"))), false, null);
        assertEquals(1, stored.getVersion());
        assertFalse(Boolean.TRUE.equals(stored.getDryRun()));

        ApiException refused = assertThrows(ApiException.class, () -> returns.returnsSubmit(new ReturnControllerReturnBody()
                .periodType(PeriodType.CENSUS_YEAR).period("2023").values(List.of(figure("inpost_fte", "four hundred"))), false, null));
        assertEquals(422, refused.getCode());
        Problem problem = kent.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("RETURN_REJECTED", problem.getCode());
        assertEquals("NOT_A_NUMBER", problem.getErrors().get(0).getCode());
    }

    /**
     * Every file the service offers, fetched through the generated client's typed operations: CSV as text, spreadsheets,
     * Word documents and PDFs as bytes. A spec that gave a file one operation with a JSON type (as format=csv once did)
     * would fail here.
     */
    @Test
    void anIntegratorsGeneratedClientFetchesEveryFileTheServiceOffers() throws Exception {
        String lead = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER, Role.REFERENCE_OFFICER);
        ApiClient kent = client(lead);
        ReturnsApi returns = new ReturnsApi(kent);
        assertTrue(text(returns.returnTemplatesCsv(PeriodType.CENSUS_YEAR, "2024")).contains("E10000016,CENSUS_YEAR,2024,inpost_fte"), "the CSV template");
        assertSpreadsheet(java.nio.file.Files.readAllBytes(returns.returnTemplatesWorkbook(PeriodType.CENSUS_YEAR, "2024").toPath()));

        exchange.workforce.client.api.AgencyApi agency = new exchange.workforce.client.api.AgencyApi(kent);
        assertTrue(text(agency.agencyAssignmentsTemplateCsv()).contains("registration_number"));
        assertSpreadsheet(java.nio.file.Files.readAllBytes(agency.agencyAssignmentsTemplateWorkbook().toPath()));
        assertTrue(text(agency.agencyLeaversTemplateCsv()).contains("registration_number"));
        assertTrue(text(agency.agencyQuarterlyReturn("2026-Q3")).contains("registration_number"), "DfE's quarterly return as CSV");
        assertTrue(!text(agency.agencyMonthlySpend("2026-Q3")).isBlank());
        assertSpreadsheet(java.nio.file.Files.readAllBytes(agency.agencyQuarterlyReturnWorkbook("2026-Q3").toPath()));

        assertTrue(text(new BenchmarksApi(kent).benchmarksCsv("region:E12000008", "2023", "turnover_rate_fte", null)).contains("turnover_rate_fte"));
        exchange.workforce.client.api.ForecastsApi forecasts = new exchange.workforce.client.api.ForecastsApi(kent);
        assertTrue(text(forecasts.forecastsCsv("E10000016", "inpost_fte", null, 3, null)).lines().count() > 3, "a row a year");
        assertTrue(text(forecasts.forecastsPlanCsv("E10000016", null, 3, null)).lines().count() > 3);
        String planner = Tokens.authorityUser("kent-planner", "E10000016", Role.PLANNER);
        Object scenario = api.post("/api/v1/forecasts/scenarios", planner, Map.of("name", "Turnover down", "turnoverReductionPoints", 3)).get("id");
        assertTrue(text(new exchange.workforce.client.api.ForecastsApi(client(planner)).forecastsCompareCsv("E10000016", scenario.toString(), null, 3))
                .contains("Turnover down"));

        String surrey = Tokens.authorityUser("surrey-hr", "E10000030", Role.REFERENCE_OFFICER);
        Object engagement = ((Map<?, ?>) api.post("/api/v1/references/engagements", lead,
                exchange.workforce.support.ReferenceFixtures.engagement("SW123456")).get("engagement")).get("id");
        Object request = api.post("/api/v1/references/requests", lead, exchange.workforce.support.ReferenceFixtures.request(engagement, "E10000030")).get("id");
        assertEquals(201, api.post("/api/v1/references/requests/" + request + "/reference", surrey, exchange.workforce.support.ReferenceFixtures
                .provide("SW123456", exchange.workforce.support.ReferenceFixtures.reference())).status());
        byte[] copy = java.nio.file.Files.readAllBytes(new exchange.workforce.client.api.ReferencesApi(kent)
                .referenceRequestsExportPdf(java.util.UUID.fromString(request.toString())).toPath());
        assertEquals("%PDF", new String(copy, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), "the worker's copy as a PDF");

        ApiClient region = client(Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN));
        exchange.workforce.client.api.MemorandumApi memorandum = new exchange.workforce.client.api.MemorandumApi(region);
        byte[] report = java.nio.file.Files.readAllBytes(memorandum.regionBoardReport(null).toPath());
        assertEquals("%PDF", new String(report, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), "the board report");
        assertSpreadsheet(java.nio.file.Files.readAllBytes(memorandum.regionGovernancePackDocument().toPath())); // a Word document is a zip too
    }

    /** A downloaded text file, as UTF-8. */
    private static String text(java.io.File file) throws java.io.IOException {
        return java.nio.file.Files.readString(file.toPath(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An Office Open XML file (a workbook or a Word document): a zip, so it starts PK. */
    private static void assertSpreadsheet(byte[] file) {
        assertTrue(file.length > 100 && file[0] == 'P' && file[1] == 'K', "an Office Open XML file, not " + file.length + " bytes of something else");
    }
}
