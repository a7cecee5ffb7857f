package exchange.workforce.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one way the service reads other councils' census figures: as the benchmark reader role, which may call
 * {@code latest_returns()}, {@code released_returns()}, their {@code _of} forms for some authorities, the data version and its
 * counters, and nothing else (ADR 0002). It has its own small pool, so no other code path,
 * all of which run as the application role, can reach those figures.
 */
@Singleton
public class BenchmarkReader implements AutoCloseable {

    public interface Rows {
        void accept(ResultSet rows) throws SQLException;
    }

    private static final String LATEST = "select authority_code, period, version, measure, breakdown, value, symbol from latest_returns()";
    private static final String RELEASED = "select authority_code, period, version, measure, breakdown, value, symbol from released_returns()";
    private static final String LATEST_OF = "select authority_code, period, version, measure, breakdown, value, symbol from latest_returns_of(?)";
    private static final String RELEASED_OF = "select authority_code, period, version, measure, breakdown, value, symbol from released_returns_of(?)";
    private static final String VERSION = "select benchmark_data_version()";
    private static final String CHANGES = "select scope, n from benchmark_data_changes()";

    private final HikariDataSource pool;

    public BenchmarkReader(@Value("${wfx.benchmark-reader.url}") String url,
                           @Value("${wfx.benchmark-reader.username}") String user,
                           @Value("${wfx.benchmark-reader.password}") String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("benchmark-reader");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1); // the database may be restarting; connect on first use
        this.pool = new HikariDataSource(config);
    }

    /** Which returns to read, decided from the version and the counters: every authority's, or some (maybe none). */
    public record Reload(boolean everything, java.util.Set<String> authorities) {
    }

    /**
     * One snapshot (repeatable read): the data version and every counter (scope → changes so far), handed to
     * {@code decide}, then the latest and released returns it asks for, so the figures are exactly those the counters
     * stand for.
     */
    public void refresh(java.util.function.BiFunction<String, java.util.Map<String, Long>, Reload> decide, Rows latest, Rows released) {
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
                } else if (!reload.authorities().isEmpty()) {
                    java.sql.Array codes = connection.createArrayOf("text", reload.authorities().toArray());
                    read(connection, LATEST_OF, codes, latest);
                    read(connection, RELEASED_OF, codes, released);
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

    private static void read(Connection connection, String query, java.sql.Array codes, Rows rows) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(query)) {
            if (codes != null) {
                statement.setArray(1, codes);
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
