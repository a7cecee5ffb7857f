package exchange.workforce.benchmark;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashMap;
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
            select time_period, geographic_level, area_code, area_name, region_code, measure, value, symbol
              from published_statistic where publication = 'csww_indicators'""";
    private static final Map<String, String> LONDON_PARTS = Map.of("E13000001", "E12000007", "E13000002", "E12000007");

    private final JdbcOperations jdbc;
    private final BenchmarkReader reader;
    private final AtomicReference<BenchmarkData> cached = new AtomicReference<>();

    public BenchmarkDataSource(JdbcOperations jdbc, BenchmarkReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
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
        Map<String, Map<String, BenchmarkData.Area>> areas = new HashMap<>();
        jdbc.prepareStatement(PUBLISHED, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String period = rows.getString("time_period");
                    String area = rows.getString("area_code");
                    published.computeIfAbsent(period, p -> new HashMap<>()).computeIfAbsent(area, a -> new HashMap<>())
                            .put(rows.getString("measure"), new BenchmarkData.Figure(rows.getBigDecimal("value"), rows.getString("symbol"), "dfe", null));
                    if ("Local authority".equals(rows.getString("geographic_level"))) {
                        String region = rows.getString("region_code");
                        areas.computeIfAbsent(period, p -> new HashMap<>()).putIfAbsent(area,
                                new BenchmarkData.Area(area, rows.getString("area_name"), LONDON_PARTS.getOrDefault(region, region)));
                    }
                }
            }
            return null;
        });
        Map<String, Map<String, Map<String, BenchmarkData.Figure>>> returns = new HashMap<>();
        reader.latestCensusReturns(rows -> {
            while (rows.next()) {
                returns.computeIfAbsent(rows.getString("period"), p -> new HashMap<>())
                        .computeIfAbsent(rows.getString("authority_code"), a -> new HashMap<>())
                        .put(rows.getString("measure") + "|" + rows.getString("breakdown"), new BenchmarkData.Figure(
                                rows.getBigDecimal("value"), rows.getString("symbol"), "return", rows.getInt("version")));
            }
        });
        return new BenchmarkData(version, published, areas, returns);
    }
}
