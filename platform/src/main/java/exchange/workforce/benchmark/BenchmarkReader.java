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
 * {@code latest_returns()} and {@code released_returns()} and nothing else (ADR 0002). It has its own small pool, so no other code path,
 * all of which run as the application role, can reach those figures.
 */
@Singleton
public class BenchmarkReader implements AutoCloseable {

    public interface Rows {
        void accept(ResultSet rows) throws SQLException;
    }

    private static final String LATEST = "select authority_code, period, version, measure, breakdown, value, symbol from latest_returns()";
    private static final String RELEASED = "select authority_code, period, version, measure, breakdown, value, symbol from released_returns()";

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

    /** Every council's latest figures of every period (census years, quarters, months), one row per figure. */
    public void latestReturns(Rows rows) {
        read(LATEST, rows);
    }

    /** Every council's figures as released to those outside it (V20, V21: a release, or the window's close). */
    public void releasedReturns(Rows rows) {
        read(RELEASED, rows);
    }

    private void read(String query, Rows rows) {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            rows.accept(result);
        } catch (SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException("Could not read the census figures for benchmarks: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        pool.close();
    }
}
