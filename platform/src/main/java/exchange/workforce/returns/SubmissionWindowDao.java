package exchange.workforce.returns;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Regions' submission windows (when each period's return is due) and their members' returns for a period. */
@Singleton
public class SubmissionWindowDao {

    private static final String SET_WINDOW = """
            insert into submission_window (region_code, period_type, period, due_on, set_by) values (?, ?, ?, ?, ?)
            on conflict (region_code, period_type, period) do update set due_on = excluded.due_on, set_by = excluded.set_by, set_at = now()""";
    private static final String WINDOWS = """
            select period_type, period, due_on, set_by, set_at from submission_window where region_code = ?
             order by period_type, period desc""";
    private static final String DUE_ON = "select due_on from submission_window where region_code = ? and period_type = ? and period = ?";
    /**
     * Today's members (the region chases those it has now, even for an earlier period), each with the latest
     * version of its return for the period and when version 1 came.
     */
    private static final String MEMBERS_RETURNS = """
            select a.gss_code, a.name, latest.version, latest.submitted_at, first.submitted_at as first_submitted_at
              from memorandum_membership m
              join authority a on a.gss_code = m.authority_code
              left join lateral (select version, submitted_at from workforce_return r
                                  where r.authority_code = a.gss_code and r.period_type = ? and r.period = ?
                                  order by version desc limit 1) latest on true
              left join lateral (select submitted_at from workforce_return r
                                  where r.authority_code = a.gss_code and r.period_type = ? and r.period = ? and r.version = 1) first on true
             where m.region_code = ? and membership_in_force(m.effective_from, m.effective_to, ?)
             order by a.name""";

    /** A due date as set, by whom and when. */
    public record Window(PeriodType periodType, String period, LocalDate dueOn, String setBy, Instant setAt) {
    }

    /** A member and its return for the period: no version if it has not submitted. */
    public record MemberReturn(String authorityCode, String authorityName, Integer version, Instant latestAt, Instant firstAt) {
    }

    private final JdbcOperations jdbc;

    public SubmissionWindowDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void set(String region, Period period, LocalDate dueOn, String user) {
        jdbc.prepareStatement(SET_WINDOW, statement -> {
            statement.setString(1, region);
            statement.setString(2, period.type().name());
            statement.setString(3, period.label());
            statement.setDate(4, Date.valueOf(dueOn));
            statement.setString(5, user);
            return statement.executeUpdate();
        });
    }

    public List<Window> windows(String region) {
        return jdbc.prepareStatement(WINDOWS, statement -> {
            statement.setString(1, region);
            List<Window> windows = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    windows.add(new Window(PeriodType.valueOf(rows.getString("period_type")), rows.getString("period"), rows.getDate("due_on").toLocalDate(),
                            rows.getString("set_by"), rows.getTimestamp("set_at").toInstant()));
                }
            }
            return windows;
        });
    }

    public Optional<LocalDate> dueOn(String region, Period period) {
        return jdbc.prepareStatement(DUE_ON, statement -> {
            statement.setString(1, region);
            statement.setString(2, period.type().name());
            statement.setString(3, period.label());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getDate(1).toLocalDate()) : Optional.<LocalDate>empty();
            }
        });
    }

    /** The region's members on the day, each with its return for the period. */
    public List<MemberReturn> membersReturns(String region, Period period, LocalDate on) {
        return jdbc.prepareStatement(MEMBERS_RETURNS, statement -> {
            statement.setString(1, period.type().name());
            statement.setString(2, period.label());
            statement.setString(3, period.type().name());
            statement.setString(4, period.label());
            statement.setString(5, region);
            statement.setDate(6, Date.valueOf(on));
            List<MemberReturn> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp latest = rows.getTimestamp("submitted_at");
                    Timestamp first = rows.getTimestamp("first_submitted_at");
                    found.add(new MemberReturn(rows.getString("gss_code"), rows.getString("name"), (Integer) rows.getObject("version"),
                            latest == null ? null : latest.toInstant(), first == null ? null : first.toInstant()));
                }
            }
            return found;
        });
    }
}
