package exchange.workforce.forecast;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Planning scenarios: the only SQL about them. Row-level security keeps each to its owner (the planner's authority, or
 * the region for a regional planner), so these statements need no owner condition to be safe; they carry one anyway
 * to say what they mean.
 */
@Singleton
class ScenarioDao {

    private static final String COLUMNS = """
            id, name, turnover_reduction_points, extra_newly_qualified_fte, agency_conversion_percent, caseload_target,
            coalesce(authority_code, region_code) as owner, created_by, created_at""";
    private static final String INSERT = """
            insert into forecast_scenario (id, authority_code, region_code, name, turnover_reduction_points,
                                           extra_newly_qualified_fte, agency_conversion_percent, caseload_target, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String OWNED = "select " + COLUMNS + " from forecast_scenario where coalesce(authority_code, region_code) = ? order by created_at, name";
    private static final String ONE = "select " + COLUMNS + " from forecast_scenario where id = ? and coalesce(authority_code, region_code) = ?";

    private final JdbcOperations jdbc;

    ScenarioDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(String authority, String region, NewScenario scenario, String createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authority);
            statement.setString(3, region);
            statement.setString(4, scenario.name().trim());
            statement.setBigDecimal(5, orZero(scenario.turnoverReductionPoints()));
            statement.setBigDecimal(6, orZero(scenario.extraNewlyQualifiedFte()));
            statement.setBigDecimal(7, orZero(scenario.agencyConversionPercent()));
            statement.setBigDecimal(8, scenario.caseloadTarget());
            statement.setString(9, createdBy);
            return statement.executeUpdate();
        });
        return id;
    }

    List<Scenario> owned(String owner) {
        return jdbc.prepareStatement(OWNED, statement -> {
            statement.setString(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                List<Scenario> scenarios = new ArrayList<>();
                while (rows.next()) {
                    scenarios.add(read(rows));
                }
                return scenarios;
            }
        });
    }

    Optional<Scenario> find(UUID id, String owner) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setObject(1, id);
            statement.setString(2, owner);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.<Scenario>empty();
            }
        });
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Scenario read(ResultSet rows) throws SQLException {
        return new Scenario(rows.getObject("id", UUID.class), rows.getString("name"), rows.getBigDecimal("turnover_reduction_points"),
                rows.getBigDecimal("extra_newly_qualified_fte"), rows.getBigDecimal("agency_conversion_percent"),
                rows.getBigDecimal("caseload_target"), rows.getString("owner"), rows.getString("created_by"),
                rows.getTimestamp("created_at").toInstant());
    }
}
