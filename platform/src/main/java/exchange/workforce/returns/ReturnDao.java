package exchange.workforce.returns;

import exchange.workforce.measures.Symbol;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Versions of returns and their values. Every statement names the authority; row-level security agrees. */
@Singleton
public class ReturnDao {

    private static final String COLUMNS = "id, authority_code, period_type, period, version, source, submitted_by, submitted_at, reason";
    /** Serialises submissions for one authority and period: versions are numbered without gaps or clashes. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('return:' || ? || ':' || ? || ':' || ?))";
    private static final String BY_KEY = "select " + COLUMNS + " from workforce_return where authority_code = ? and idempotency_key = ?";
    private static final String VERSIONS = "select " + COLUMNS
            + " from workforce_return where authority_code = ? and period_type = ? and period = ? order by version desc";
    private static final String LATEST_EARLIER = "select " + COLUMNS + " " + """
             from workforce_return where authority_code = ? and period_type = ? and period < ?
             order by period desc, version desc limit 1""";
    private static final String CURRENT_OF_EACH = "select distinct on (period_type, period) " + COLUMNS
            + " from workforce_return where authority_code = ? order by period_type, period desc, version desc";
    private static final String INSERT = """
            insert into workforce_return (id, authority_code, period_type, period, version, source, submitted_by, reason, idempotency_key,
                                          request_fingerprint)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String FINGERPRINT = "select request_fingerprint from workforce_return where id = ? and authority_code = ?";
    private static final String INSERT_VALUE = """
            insert into return_value (return_id, authority_code, measure, breakdown, value, symbol) values (?, ?, ?, ?, ?, ?)""";
    private static final String VALUES = """
            select measure, breakdown, value, symbol from return_value
             where return_id = ? and authority_code = ? order by measure, breakdown""";

    private final JdbcOperations jdbc;

    public ReturnDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void lock(String authority, Period period) {
        jdbc.prepareStatement(LOCK, statement -> {
            statement.setString(1, authority);
            statement.setString(2, period.type().name());
            statement.setString(3, period.label());
            return statement.execute();
        });
    }

    public Optional<ReturnVersion> byIdempotencyKey(String authority, String key) {
        return first(BY_KEY, statement -> {
            statement.setString(1, authority);
            statement.setString(2, key);
        });
    }

    public List<ReturnVersion> versions(String authority, Period period) {
        return list(VERSIONS, statement -> {
            statement.setString(1, authority);
            statement.setString(2, period.type().name());
            statement.setString(3, period.label());
        });
    }

    public Optional<ReturnVersion> latestBefore(String authority, Period period) {
        return first(LATEST_EARLIER, statement -> {
            statement.setString(1, authority);
            statement.setString(2, period.type().name());
            statement.setString(3, period.label());
        });
    }

    public List<ReturnVersion> currentOfEachPeriod(String authority) {
        return list(CURRENT_OF_EACH, statement -> statement.setString(1, authority));
    }

    /** The fingerprint of the request that made the version, if it was recorded (versions since V13). */
    public Optional<String> fingerprint(ReturnVersion version) {
        return jdbc.prepareStatement(FINGERPRINT, statement -> {
            statement.setObject(1, version.id());
            statement.setString(2, version.authorityCode());
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    public void insert(ReturnVersion version, String idempotencyKey, String fingerprint, List<ReturnValue> values) {
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, version.id());
            statement.setString(2, version.authorityCode());
            statement.setString(3, version.periodType().name());
            statement.setString(4, version.period());
            statement.setInt(5, version.version());
            statement.setString(6, version.source());
            statement.setString(7, version.submittedBy());
            statement.setString(8, version.reason());
            statement.setString(9, idempotencyKey);
            statement.setString(10, fingerprint);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement(INSERT_VALUE, statement -> {
            for (ReturnValue value : values) {
                statement.setObject(1, version.id());
                statement.setString(2, version.authorityCode());
                statement.setString(3, value.measure());
                statement.setString(4, value.breakdown());
                statement.setBigDecimal(5, value.value());
                statement.setString(6, Symbol.codeOf(value.symbol()));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    public List<ReturnValue> values(UUID returnId, String authority) {
        return jdbc.prepareStatement(VALUES, statement -> {
            statement.setObject(1, returnId);
            statement.setString(2, authority);
            List<ReturnValue> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(new ReturnValue(rows.getString("measure"), rows.getString("breakdown"),
                            rows.getBigDecimal("value"), Symbol.stored(rows.getString("symbol"))));
                }
            }
            return values;
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<ReturnVersion> first(String sql, Binder binder) {
        return list(sql, binder).stream().findFirst();
    }

    private List<ReturnVersion> list(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<ReturnVersion> versions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.add(new ReturnVersion(rows.getObject("id", UUID.class), rows.getString("authority_code"),
                            PeriodType.valueOf(rows.getString("period_type")), rows.getString("period"), rows.getInt("version"),
                            rows.getString("source"), rows.getString("submitted_by"),
                            rows.getTimestamp("submitted_at").toInstant(), rows.getString("reason")));
                }
            }
            return versions;
        });
    }
}
