package exchange.workforce.agency;

import exchange.workforce.worker.Pseudonym;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Leavers, caps and the look-ups the agency rules need: the only SQL about them. Row-level security applies to every statement. */
@Singleton
class AgencyDao {

    private static final String INSERT_LEAVER = """
            insert into agency_leaver (id, authority_code, worker_pseudonym, key_version, left_on, role, exemption, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String LEAVERS = """
            select id, left_on, role, exemption, recorded_by, recorded_at from agency_leaver
             where authority_code = ? order by left_on desc, recorded_at desc""";
    private static final String COOLING_OFF = "select cooling_off_until(?, ?)";
    private static final String LOCK_LEAVER = "select pg_advisory_xact_lock(hashtext('agency_leaver:' || ?))";
    private static final String SAME_LEAVER = """
            select id from agency_leaver where authority_code = ? and worker_pseudonym = ? and left_on = ? and role = ? limit 1""";
    private static final String LEAVER_COVERAGE = "select * from agency_leaver_coverage(?)";
    private static final String AGAINST_CENSUS = "select * from agency_leavers_against_census(?)";
    private static final String CAP_COLUMNS = "id, region_code, role_type, hourly_cap, effective_from, source, set_by, set_at";
    private static final String INSERT_CAP = """
            insert into agency_price_cap (id, region_code, role_type, hourly_cap, effective_from, source, set_by)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String CAPS = "select " + CAP_COLUMNS + " from agency_price_cap where region_code = ? order by role_type, effective_from desc";
    private static final String CAP_IN_FORCE = "select " + CAP_COLUMNS + " " + """
             from agency_price_cap where region_code = ? and role_type = ? and effective_from <= ?
             order by effective_from desc limit 1""";
    /** References provided for the caller's engagement of the same worker (row-level security keeps it to the caller's). */
    private static final String REFERENCES_PROVIDED = """
            select (select count(*) from reference_request r where r.engagement_id = e.id and r.status = 'PROVIDED')
                 + (select count(*) from external_reference x where x.engagement_id = e.id)
              from engagement e where e.id = ? and e.worker_pseudonym = ?""";

    /** A leaver as its council reads it back: never the worker's number or pseudonym. */
    @io.micronaut.serde.annotation.Serdeable
    public record Leaver(UUID id, LocalDate leftOn, RoleType role, @io.micronaut.core.annotation.Nullable String exemption,
                         String recordedBy, java.time.Instant recordedAt) {
    }

    private final JdbcOperations jdbc;

    AgencyDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insertLeaver(UUID id, String authority, Pseudonym worker, LocalDate leftOn, RoleType role, String exemption, String by) {
        jdbc.prepareStatement(INSERT_LEAVER, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authority);
            statement.setString(3, worker.value());
            statement.setInt(4, worker.keyVersion());
            statement.setObject(5, leftOn);
            statement.setString(6, role.name());
            statement.setString(7, exemption);
            statement.setString(8, by);
            return statement.executeUpdate();
        });
    }

    /** Inside a write transaction: holds this leaving until it commits, and finds it if the council already recorded it. */
    Optional<UUID> sameLeaver(String authority, Pseudonym worker, LocalDate leftOn, RoleType role) {
        jdbc.prepareStatement(LOCK_LEAVER, statement -> {
            statement.setString(1, authority + "|" + worker.value() + "|" + leftOn + "|" + role.name());
            statement.execute();
            return null;
        });
        return jdbc.prepareStatement(SAME_LEAVER, statement -> {
            statement.setString(1, authority);
            statement.setString(2, worker.value());
            statement.setObject(3, leftOn);
            statement.setString(4, role.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /** A member's leavers recorded in a census year beside the census's count (security definer: the caller's region only). */
    record AgainstCensus(String authorityCode, long recorded, BigDecimal census, String censusSource) {
    }

    List<AgainstCensus> leaversAgainstCensus(int year) {
        return jdbc.prepareStatement(AGAINST_CENSUS, statement -> {
            statement.setInt(1, year);
            try (ResultSet rows = statement.executeQuery()) {
                List<AgainstCensus> members = new ArrayList<>();
                while (rows.next()) {
                    members.add(new AgainstCensus(rows.getString("authority_code"), rows.getLong("recorded"), rows.getBigDecimal("census"),
                            rows.getString("census_source")));
                }
                return members;
            }
        });
    }

    /** How far the engaging council's region has recorded its leavers, to {@code today}; empty with no census figure for it. */
    Optional<LeaversKnown> leaversKnown(LocalDate today) {
        return jdbc.prepareStatement(LEAVER_COVERAGE, statement -> {
            statement.setObject(1, today);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new LeaversKnown(rows.getInt("census_year"), rows.getBigDecimal("census"),
                        rows.getInt("councils"), rows.getLong("recorded"), today)) : Optional.empty();
            }
        });
    }

    List<Leaver> leavers(String authority) {
        return jdbc.prepareStatement(LEAVERS, statement -> {
            statement.setString(1, authority);
            try (ResultSet rows = statement.executeQuery()) {
                List<Leaver> leavers = new ArrayList<>();
                while (rows.next()) {
                    leavers.add(new Leaver(rows.getObject("id", UUID.class), rows.getObject("left_on", LocalDate.class),
                            RoleType.valueOf(rows.getString("role")), rows.getString("exemption"), rows.getString("recorded_by"),
                            rows.getTimestamp("recorded_at").toInstant()));
                }
                return leavers;
            }
        });
    }

    Optional<LocalDate> coolingOffUntil(Pseudonym worker, LocalDate start) {
        return jdbc.prepareStatement(COOLING_OFF, statement -> {
            statement.setString(1, worker.value());
            statement.setObject(2, start);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(rows.getObject(1, LocalDate.class));
            }
        });
    }

    void insertCap(UUID id, String region, RoleType role, BigDecimal cap, LocalDate from, String source, String by) {
        jdbc.prepareStatement(INSERT_CAP, statement -> {
            statement.setObject(1, id);
            statement.setString(2, region);
            statement.setString(3, role.name());
            statement.setBigDecimal(4, cap);
            statement.setObject(5, from);
            statement.setString(6, source);
            statement.setString(7, by);
            return statement.executeUpdate();
        });
    }

    List<PriceCap> caps(String region) {
        return jdbc.prepareStatement(CAPS, statement -> {
            statement.setString(1, region);
            try (ResultSet rows = statement.executeQuery()) {
                List<PriceCap> caps = new ArrayList<>();
                while (rows.next()) {
                    caps.add(cap(rows));
                }
                return caps;
            }
        });
    }

    Optional<PriceCap> capInForce(String region, RoleType role, LocalDate on) {
        return jdbc.prepareStatement(CAP_IN_FORCE, statement -> {
            statement.setString(1, region);
            statement.setString(2, role.name());
            statement.setObject(3, on);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(cap(rows)) : Optional.<PriceCap>empty();
            }
        });
    }

    /** References provided for the engagement, if it is the caller's and of this worker; empty otherwise. */
    Optional<Integer> referencesProvided(UUID engagement, Pseudonym worker) {
        return jdbc.prepareStatement(REFERENCES_PROVIDED, statement -> {
            statement.setObject(1, engagement);
            statement.setString(2, worker.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getInt(1)) : Optional.<Integer>empty();
            }
        });
    }

    private static PriceCap cap(ResultSet rows) throws SQLException {
        return new PriceCap(rows.getObject("id", UUID.class), rows.getString("region_code"), RoleType.valueOf(rows.getString("role_type")),
                rows.getBigDecimal("hourly_cap"), rows.getObject("effective_from", LocalDate.class), rows.getString("source"),
                rows.getString("set_by"), rows.getTimestamp("set_at").toInstant());
    }
}
