package exchange.workforce.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one way the service reads other councils' census figures: as the benchmark reader role, which may call
 * {@code latest_returns()}, {@code released_returns()}, their {@code _of} forms for some periods, the data version and its
 * counters, and nothing else (ADR 0002). It has its own small pool, so no other code path,
 * all of which run as the application role, can reach those figures.
 */
@Singleton
public class BenchmarkReaderDao implements AutoCloseable {

    public interface Rows {
        void accept(ResultSet rows) throws SQLException;
    }

    private static final String LATEST = "select authority_code, period, version, measure, breakdown, value, symbol from latest_returns()";
    private static final String RELEASED = "select authority_code, period, version, measure, breakdown, value, symbol from released_returns()";
    private static final String LATEST_OF = "select authority_code, period, version, measure, breakdown, value, symbol from latest_returns_of(?, ?, ?)";
    private static final String RELEASED_OF = "select authority_code, period, version, measure, breakdown, value, symbol from released_returns_of(?, ?, ?)";
    private static final String VERSION = "select benchmark_data_version()";
    private static final String CHANGES = "select scope, n from benchmark_data_changes()";
    private static final String SHARING = "select authority_code from team_figures_shared()";
    private static final String PERIODS_CHANGED = "select authority_code, period_type, period from benchmark_periods_changed(?, ?, ?)";

    private final HikariDataSource pool;

    public BenchmarkReaderDao(BenchmarkReaderSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("benchmark-reader");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(Math.max(1, settings.poolSize())); // WFX_DATABASE_BENCHMARK_POOL_SIZE (docs/operations.md, "Scaling")
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1); // the database may be restarting; connect on first use
        this.pool = new HikariDataSource(config);
    }

    /** Which returns to read, decided from the version and the counters: every one, or those changed in some scopes (maybe none). */
    public record Reload(boolean everything, java.util.Set<ReturnsOf> scopes) {
    }

    /** An authority's returns of one period type (CENSUS_YEAR, QUARTER, MONTH), changed since its counter was {@code since}. */
    public record ReturnsOf(String authority, String periodType, long since) {
    }

    /** One period of an authority's returns: what is read again when it changed. */
    public record PeriodOf(String authority, String periodType, String period) {
    }

    /**
     * One snapshot (repeatable read): the data version and every counter (scope → changes so far), handed to
     * {@code decide}; then every return, or the periods changed in the scopes it names (handed to {@code changed}) and
     * their latest and released returns, so the figures are exactly those the counters stand for; on a whole reload, the
     * councils sharing their team figures with their memorandum too ({@code sharing}).
     */
    public void refresh(java.util.function.BiFunction<String, java.util.Map<String, Long>, Reload> decide,
                        java.util.function.Consumer<java.util.List<PeriodOf>> changed, Rows latest, Rows released, Rows sharing) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                String version;
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(VERSION)) {
                    rows.next();
                    version = rows.getString(1);
                }
                java.util.Map<String, Long> counters = new java.util.HashMap<>();
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(CHANGES)) {
                    while (rows.next()) {
                        counters.put(rows.getString(1), rows.getLong(2));
                    }
                }
                Reload reload = decide.apply(version, counters);
                if (reload.everything()) {
                    read(connection, LATEST, null, latest);
                    read(connection, RELEASED, null, released);
                    read(connection, SHARING, null, sharing);
                } else if (!reload.scopes().isEmpty()) {
                    java.util.List<ReturnsOf> scopes = java.util.List.copyOf(reload.scopes());
                    java.util.List<PeriodOf> periods = new java.util.ArrayList<>();
                    read(connection, PERIODS_CHANGED, new java.sql.Array[] {
                            connection.createArrayOf("text", scopes.stream().map(ReturnsOf::authority).toArray()),
                            connection.createArrayOf("text", scopes.stream().map(ReturnsOf::periodType).toArray()),
                            connection.createArrayOf("bigint", scopes.stream().map(ReturnsOf::since).toArray())}, rows -> {
                        while (rows.next()) {
                            periods.add(new PeriodOf(rows.getString(1), rows.getString(2), rows.getString(3)));
                        }
                    });
                    changed.accept(periods);
                    if (!periods.isEmpty()) {
                        java.sql.Array[] wanted = {
                                connection.createArrayOf("text", periods.stream().map(PeriodOf::authority).toArray()),
                                connection.createArrayOf("text", periods.stream().map(PeriodOf::periodType).toArray()),
                                connection.createArrayOf("text", periods.stream().map(PeriodOf::period).toArray())};
                        read(connection, LATEST_OF, wanted, latest);
                        read(connection, RELEASED_OF, wanted, released);
                    }
                }
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException("Could not read the census figures for benchmarks: " + e.getMessage(), e);
        }
    }

    private static void read(Connection connection, String query, java.sql.Array[] parameters, Rows rows) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; parameters != null && i < parameters.length; i++) {
                statement.setArray(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                rows.accept(result);
            }
        }
    }

    @PreDestroy
    @Override
    public void close() {
        pool.close();
    }
}
