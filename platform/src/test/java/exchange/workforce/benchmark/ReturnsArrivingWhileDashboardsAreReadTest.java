package exchange.workforce.benchmark;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Role;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFixtures;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import exchange.workforce.support.TwoReplicas;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas against one database while a council's return arrives: the other replica's next dashboard has it,
 * having read again only that council's returns; dashboards of groups without that council are not recomputed.
 */
class ReturnsArrivingWhileDashboardsAreReadTest {

    private static final Caller LONDON_VIEWER = new Caller("camden-dcs", Optional.of("E09000007"), Optional.empty(),
            Optional.of("E12000007"), Set.of(Role.AUTHORITY_VIEWER));
    private static final Caller SOUTH_EAST_GROUP = new Caller("se-group", Optional.empty(), Optional.of("E12000008"),
            Optional.of("E12000008"), Set.of(Role.REGIONAL_VIEWER));

    @Test
    @SuppressWarnings("unchecked")
    void aReturnAcceptedOnOneReplicaIsInTheOthersNextDashboardAndOnlyItsGroupsAreRecomputed() throws Exception {
        TestDatabase.shared().clean();
        TestDatabase.shared().importWorkforceIndicators();
        try (TwoReplicas replicas = TwoReplicas.start()) {
            Api one = replicas.one;
            Api two = replicas.two;
            Benchmarking benchmarking = replicas.secondsBean(Benchmarking.class);
            BenchmarkDataSource source = replicas.secondsBean(BenchmarkDataSource.class);
            String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
            String seGroup = Tokens.regionalUser("se-group", "E12000008", Role.REGIONAL_VIEWER);

            assertEquals("dfe", kentIn(two.get("/api/v1/benchmarks?group=region:E12000008&period=2023&measures=inpost_fte", seGroup)).get("source"));
            BenchmarkResponse londonBefore = benchmarking.benchmark(LONDON_VIEWER, "region:E12000007", "2023", List.of("inpost_fte"), null);
            BenchmarkResponse southEastBefore = benchmarking.benchmark(SOUTH_EAST_GROUP, "region:E12000008", "2023", List.of("inpost_fte"), null);
            BenchmarkData before = source.current();

            Api.Answer accepted = one.post("/api/v1/returns", kent, censusReturn("2023", ReturnFixtures.kentFigures()));
            assertEquals(201, accepted.status(), accepted.body());

            Map<String, Object> kentAfter = kentIn(two.get("/api/v1/benchmarks?group=region:E12000008&period=2023&measures=inpost_fte", seGroup));
            assertEquals("return", kentAfter.get("source"), "the other replica's next request has Kent's return");
            assertEquals(450.5, ((Number) kentAfter.get("value")).doubleValue(), 1e-9);

            BenchmarkData after = source.current();
            assertTrue(after.version().compareTo(before.version()) != 0, "the data version moved");
            assertSame(before.published(), after.published(), "DfE's figures were not read again: only Kent's returns were");
            assertEquals(1, after.returnsCounter("E10000016", PeriodType.CENSUS_YEAR) - before.returnsCounter("E10000016", PeriodType.CENSUS_YEAR));
            assertSame(londonBefore, benchmarking.benchmark(LONDON_VIEWER, "region:E12000007", "2023", List.of("inpost_fte"), null),
                    "London's dashboard does not read Kent's figures, so it is served as it was");
            BenchmarkResponse southEastAfter = benchmarking.benchmark(SOUTH_EAST_GROUP, "region:E12000008", "2023", List.of("inpost_fte"), null);
            assertNotSame(southEastBefore, southEastAfter, "the South East's contains Kent, so it is computed again");

            Map<String, Object> monthly = new HashMap<>(censusReturn("2023", ReturnFixtures.kentFigures()));
            monthly.put("periodType", "MONTH");
            monthly.put("period", "2024-03");
            BenchmarkData forCensusYears = source.current(PeriodType.CENSUS_YEAR);
            Api.Answer march = one.post("/api/v1/returns", kent, monthly);
            assertEquals(201, march.status(), march.body());
            assertSame(forCensusYears, source.current(PeriodType.CENSUS_YEAR), "a census-year reader does not wait for a monthly return to be read");
            assertSame(southEastAfter, benchmarking.benchmark(SOUTH_EAST_GROUP, "region:E12000008", "2023", List.of("inpost_fte"), null),
                    "Kent's monthly return changes no census-year figure, so the census-year dashboard is served as it was");
            assertNotSame(source.current().version(), after.version());
        }
    }

    @Test
    void aReturnPurgedAtTheEndOfItsRetentionLeavesTheNextDashboardAndNothingElseIsReadAgain() throws Exception {
        TestDatabase.shared().clean();
        try (Connection owner = TestDatabase.shared().asOwner(); java.sql.Statement s = owner.createStatement()) {
            // a 2017 census return: the seeded terms keep returns 84 months after the period ends
            s.execute("insert into workforce_return (id, authority_code, period_type, period, version, source, submitted_by) values "
                    + "('00000000-0000-0000-0000-0000000000c1', 'E10000016', 'CENSUS_YEAR', '2017', 1, 'API', 't')");
            s.execute("insert into return_value (return_id, authority_code, measure, value) values "
                    + "('00000000-0000-0000-0000-0000000000c1', 'E10000016', 'inpost_fte', 999)");
        }
        Map<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            BenchmarkDataSource source = server.getApplicationContext().getBean(BenchmarkDataSource.class);
            BenchmarkData before = source.current();
            assertEquals(0, new java.math.BigDecimal("999").compareTo(before.returnOf("2017", "E10000016").get("inpost_fte|").value()));

            Map<String, Long> deleted = exchange.workforce.retention.Retention.purge(TestDatabase.shared().connection());
            assertEquals(1L, deleted.get("workforce_return (versions, with their figures)"), deleted.toString());

            BenchmarkData after = source.current();
            assertEquals(Map.of(), after.returnOf("2017", "E10000016"), "the purged return is no longer a figure");
            assertSame(before.published(), after.published(), "only Kent's 2017 return was read again");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kentIn(Api.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        Map<String, Object> measure = ((List<Map<String, Object>>) answer.get("measures")).get(0);
        return ((List<Map<String, Object>>) measure.get("authorities")).stream()
                .filter(a -> "E10000016".equals(a.get("code"))).findFirst().orElseThrow();
    }
}
