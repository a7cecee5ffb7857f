package exchange.workforce.memorandum;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A memorandum's targets. Writes run in the region administrator's tenant transaction (row-level security). */
@Singleton
public class TargetDao {

    private static final String COLUMNS = """
            id, region_code, measure, comparison, value, source, effective_from, effective_to, recorded_by, recorded_at, withdrawn_at""";
    private static final String OF_REGION = "select " + COLUMNS + " from memorandum_target where region_code = ? "
            + "order by measure, effective_from desc, recorded_at desc";
    private static final String INSERT = """
            insert into memorandum_target (region_code, measure, comparison, value, source, effective_from, effective_to, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""";
    private static final String WITHDRAW = """
            update memorandum_target set withdrawn_at = now() where id = ? and region_code = ? and withdrawn_at is null""";

    private final JdbcOperations jdbc;

    public TargetDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<MemorandumTarget> ofRegion(String region) {
        return jdbc.prepareStatement(OF_REGION, statement -> {
            statement.setString(1, region);
            List<MemorandumTarget> targets = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    targets.add(target(rows));
                }
            }
            return targets;
        });
    }

    /** The region's target for the measure in force on the day, if it has one (the latest set wins). */
    public java.util.Optional<MemorandumTarget> inForce(String region, String measure, LocalDate day) {
        return ofRegion(region).stream().filter(t -> t.measure().equals(measure) && t.inForceOn(day)).findFirst();
    }

    public UUID insert(String region, NewTarget target, String user) {
        return jdbc.prepareStatement(INSERT, statement -> {
            int i = 1;
            statement.setString(i++, region);
            statement.setString(i++, target.measure().trim());
            statement.setString(i++, target.comparison());
            statement.setBigDecimal(i++, target.value());
            statement.setString(i++, target.source().trim());
            statement.setObject(i++, target.effectiveFrom());
            statement.setObject(i++, target.effectiveTo());
            statement.setString(i, user);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        });
    }

    public boolean withdraw(String region, UUID id) {
        return jdbc.prepareStatement(WITHDRAW, statement -> {
            statement.setObject(1, id);
            statement.setString(2, region);
            return statement.executeUpdate() == 1;
        });
    }

    private static MemorandumTarget target(ResultSet rows) throws SQLException {
        return new MemorandumTarget(rows.getObject("id", UUID.class), rows.getString("region_code"), rows.getString("measure"),
                rows.getString("comparison"), rows.getBigDecimal("value"), rows.getString("source"),
                rows.getObject("effective_from", LocalDate.class), rows.getObject("effective_to", LocalDate.class),
                rows.getString("recorded_by"), rows.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(),
                rows.getObject("withdrawn_at") == null ? null : rows.getObject("withdrawn_at", java.time.OffsetDateTime.class).toInstant());
    }
}
