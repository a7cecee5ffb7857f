package exchange.workforce.benchmark;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads the benchmark data and keeps the last load in memory for as long as the database's data version is the
 * same. Each request asks the database for the version (one cheap query), so every replica serves what is in
 * PostgreSQL: an accepted return or an import changes the version, and the next request reloads.
 */
@Singleton
public class BenchmarkDataSource {

    private static final String VERSION = "select benchmark_data_version()";
    private static final String PUBLISHED = """
            select publication, time_period, geographic_level, area_code, measure, value, symbol from published_statistic""";
    /** The publication whose years are census years (to 30 September): the workforce census. */
    static final String WORKFORCE = "csww_indicators";

    private final JdbcOperations jdbc;
    private final BenchmarkReader reader;
    private final AtomicReference<BenchmarkData> cached = new AtomicReference<>();

    private final exchange.workforce.tenancy.Regions regions;
    private final CustomGroupDao customGroups;

    public BenchmarkDataSource(JdbcOperations jdbc, BenchmarkReader reader, exchange.workforce.tenancy.Regions regions,
                               CustomGroupDao customGroups) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.regions = regions;
        this.customGroups = customGroups;
    }

    @ReadOnly
    public BenchmarkData current() {
        String version = jdbc.prepareStatement(VERSION, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
        BenchmarkData data = cached.get();
        if (data != null && data.version().equals(version)) {
            return data;
        }
        BenchmarkData loaded = load(version);
        cached.set(loaded);
        return loaded;
    }

    private BenchmarkData load(String version) {
        Map<String, Map<String, Map<String, BenchmarkData.Figure>>> published = new HashMap<>();
        Map<String, Map<String, java.util.Set<String>>> reported = new HashMap<>();
        Map<String, String> publicationOf = new HashMap<>();
        java.util.Set<String> censusPeriods = new java.util.TreeSet<>();
        jdbc.prepareStatement(PUBLISHED, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String publication = rows.getString("publication");
                    String period = rows.getString("time_period");
                    String area = rows.getString("area_code");
                    String measure = rows.getString("measure");
                    published.computeIfAbsent(period, p -> new HashMap<>()).computeIfAbsent(area, a -> new HashMap<>())
                            .put(measure, new BenchmarkData.Figure(rows.getBigDecimal("value"), rows.getString("symbol"), "dfe", null));
                    publicationOf.putIfAbsent(measure, publication);
                    if ("Local authority".equals(rows.getString("geographic_level"))) {
                        reported.computeIfAbsent(publication, p -> new HashMap<>()).computeIfAbsent(period, p -> new java.util.HashSet<>()).add(area);
                    }
                    if (WORKFORCE.equals(publication)) {
                        censusPeriods.add(period);
                    }
                }
            }
            return null;
        });
        Map<String, Map<String, Map<String, BenchmarkData.Figure>>> returns = new HashMap<>();
        reader.latestReturns(rows -> collect(rows, returns));
        Map<String, Map<String, Map<String, BenchmarkData.Figure>>> released = new HashMap<>();
        reader.releasedReturns(rows -> collect(rows, released));
        return new BenchmarkData(version, published, reported, publicationOf, censusPeriods, returns, released,
                new exchange.workforce.tenancy.AuthorityHistory(regions.authorities("")), List.copyOf(customGroups.all()));
    }

    private static void collect(ResultSet rows, Map<String, Map<String, Map<String, BenchmarkData.Figure>>> into) throws java.sql.SQLException {
        while (rows.next()) {
            into.computeIfAbsent(rows.getString("period"), p -> new HashMap<>())
                    .computeIfAbsent(rows.getString("authority_code"), a -> new HashMap<>())
                    .put(rows.getString("measure") + "|" + rows.getString("breakdown"), new BenchmarkData.Figure(
                            rows.getBigDecimal("value"), rows.getString("symbol"), "return", rows.getInt("version")));
        }
    }
}
