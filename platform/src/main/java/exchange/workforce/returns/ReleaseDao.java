package exchange.workforce.returns;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Releases of a region's returns to those outside each submitting authority (V20). In the caller's tenant transaction. */
@Singleton
public class ReleaseDao {

    private static final String RELEASE = "select release_id, revision, authorities, revised from release_period(?, ?, ?)";
    private static final String RELEASES = """
            select r.id, r.period_type, r.period, r.revision, r.released_at, r.released_by,
                   count(x.authority_code) as authorities,
                   coalesce(array_agg(a.name order by a.name) filter (where x.revised), '{}') as revised
              from period_release r
              left join released_return x on x.release_id = r.id
              left join authority a on a.gss_code = x.authority_code
             where r.region_code = ?
             group by r.id order by r.period_type, r.period, r.revision""";
    private static final String CLOSED_WINDOWS = """
            select period_type, period, due_on from submission_window
             where region_code = ? and due_on < current_date order by period_type, period""";

    /** What a release holds: its revision, how many authorities' returns, and which were revised since the one before. */
    public record Made(long id, int revision, int authorities, int revised) {
    }

    public record Stored(long id, PeriodType periodType, String period, int revision, Instant releasedAt, String releasedBy,
                         int authorities, List<String> revised) {
    }

    public record ClosedWindow(PeriodType periodType, String period, LocalDate dueOn) {
    }

    private final JdbcOperations jdbc;

    public ReleaseDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Made release(Period period, String actor) {
        return jdbc.prepareStatement(RELEASE, statement -> {
            statement.setString(1, period.type().name());
            statement.setString(2, period.label());
            statement.setString(3, actor);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Made(rows.getLong(1), rows.getInt(2), rows.getInt(3), rows.getInt(4));
            }
        });
    }

    public List<Stored> releases(String region) {
        return jdbc.prepareStatement(RELEASES, statement -> {
            statement.setString(1, region);
            List<Stored> releases = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    releases.add(new Stored(rows.getLong("id"), PeriodType.valueOf(rows.getString("period_type")), rows.getString("period"),
                            rows.getInt("revision"), rows.getObject("released_at", java.time.OffsetDateTime.class).toInstant(),
                            rows.getString("released_by"), rows.getInt("authorities"),
                            List.of((String[]) rows.getArray("revised").getArray())));
                }
            }
            return releases;
        });
    }

    public List<ClosedWindow> closedWindows(String region) {
        return jdbc.prepareStatement(CLOSED_WINDOWS, statement -> {
            statement.setString(1, region);
            List<ClosedWindow> closed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    closed.add(new ClosedWindow(PeriodType.valueOf(rows.getString(1)), rows.getString(2), rows.getObject(3, LocalDate.class)));
                }
            }
            return closed;
        });
    }
}
