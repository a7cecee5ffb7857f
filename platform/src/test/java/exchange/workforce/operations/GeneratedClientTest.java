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
}
