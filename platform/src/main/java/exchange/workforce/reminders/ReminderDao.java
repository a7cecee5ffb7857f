package exchange.workforce.reminders;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The reminder schedule and outbox tables. Row-level security limits each call to the tenant bound. */
@Singleton
public class ReminderDao {

    private static final String SCHEDULE = """
            select region_code, enabled, return_due_days_before, return_overdue_days_after, reference_due_days_before,
                   assignment_end_days_before, set_by, set_at
              from reminder_schedule where region_code = ?""";
    private static final String SET_SCHEDULE = """
            insert into reminder_schedule (region_code, enabled, return_due_days_before, return_overdue_days_after,
                                           reference_due_days_before, assignment_end_days_before, set_by, set_at)
            values (?, ?, ?, ?, ?, ?, ?, now())
            on conflict (region_code) do update set enabled = excluded.enabled,
                return_due_days_before = excluded.return_due_days_before,
                return_overdue_days_after = excluded.return_overdue_days_after,
                reference_due_days_before = excluded.reference_due_days_before,
                assignment_end_days_before = excluded.assignment_end_days_before,
                set_by = excluded.set_by, set_at = excluded.set_at""";
    private static final String QUEUE = """
            insert into reminder (region_code, authority_code, kind, about, recipient_name, recipient_email, subject, body)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (kind, about, authority_code, recipient_email) do nothing""";
    private static final String COLUMNS = """
            r.id, r.region_code, r.authority_code, a.name, r.kind, r.about, r.recipient_name, r.recipient_email, r.subject,
            r.body, r.queued_at, r.sent_at, r.cancelled_at, r.cancel_reason, r.failure, r.attempts""";
    /** Unsent and not cancelled, locked so that two replicas never send the same one. */
    private static final String PENDING = "select " + COLUMNS + """
             from reminder r join authority a on a.gss_code = r.authority_code
            where r.sent_at is null and r.cancelled_at is null and r.kind = any (?) and r.attempts < 5
            order by r.queued_at
            for update of r skip locked
            limit 200""";
    private static final String OUTBOX = "select " + COLUMNS + """
             from reminder r join authority a on a.gss_code = r.authority_code
            where r.region_code = ? and r.kind = any (?)
            order by r.queued_at desc, a.name
            limit ?""";
    private static final String SENT = "update reminder set sent_at = now(), failure = null, attempts = attempts + 1 where id = ?";
    private static final String CANCELLED = "update reminder set cancelled_at = now(), cancel_reason = ? where id = ?";
    private static final String FAILED = "update reminder set failure = ?, attempts = attempts + 1 where id = ?";

    private final JdbcOperations jdbc;

    public ReminderDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReminderSchedule> schedule(String region) {
        return jdbc.prepareStatement(SCHEDULE, statement -> {
            statement.setString(1, region);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp at = rows.getTimestamp("set_at");
                return Optional.of(new ReminderSchedule(rows.getString("region_code"), rows.getBoolean("enabled"),
                        rows.getInt("return_due_days_before"), rows.getInt("return_overdue_days_after"),
                        rows.getInt("reference_due_days_before"), rows.getInt("assignment_end_days_before"),
                        rows.getString("set_by"), at == null ? null : at.toInstant()));
            }
        });
    }

    void setSchedule(String region, ReminderSchedule.Change change, String user) {
        jdbc.prepareStatement(SET_SCHEDULE, statement -> {
            statement.setString(1, region);
            statement.setBoolean(2, change.enabled());
            statement.setInt(3, change.returnDueDaysBefore());
            statement.setInt(4, change.returnOverdueDaysAfter());
            statement.setInt(5, change.referenceDueDaysBefore());
            statement.setInt(6, change.assignmentEndDaysBefore());
            statement.setString(7, user);
            return statement.executeUpdate();
        });
    }

    /** Queues the reminder unless the same one (kind, subject, council, recipient) was ever queued: true if it is new. */
    boolean queue(Reminder.Draft draft) {
        return jdbc.prepareStatement(QUEUE, statement -> {
            statement.setString(1, draft.regionCode());
            statement.setString(2, draft.authorityCode());
            statement.setString(3, draft.kind().name());
            statement.setString(4, draft.about());
            statement.setString(5, draft.recipientName());
            statement.setString(6, draft.recipientEmail());
            statement.setString(7, draft.subject());
            statement.setString(8, draft.body());
            return statement.executeUpdate() == 1;
        });
    }

    List<Reminder> pending(List<ReminderKind> kinds) {
        return jdbc.prepareStatement(PENDING, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", kinds.stream().map(Enum::name).toArray()));
            return list(statement);
        });
    }

    List<Reminder> outbox(String region, List<ReminderKind> kinds, int limit) {
        return jdbc.prepareStatement(OUTBOX, statement -> {
            statement.setString(1, region);
            statement.setArray(2, statement.getConnection().createArrayOf("text", kinds.stream().map(Enum::name).toArray()));
            statement.setInt(3, limit);
            return list(statement);
        });
    }

    void sent(UUID id) {
        update(SENT, statement -> statement.setObject(1, id));
    }

    void cancelled(UUID id, String reason) {
        update(CANCELLED, statement -> {
            statement.setString(1, reason);
            statement.setObject(2, id);
        });
    }

    void failed(UUID id, String failure) {
        update(FAILED, statement -> {
            statement.setString(1, failure.length() > 500 ? failure.substring(0, 500) : failure);
            statement.setObject(2, id);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    private static List<Reminder> list(PreparedStatement statement) throws SQLException {
        List<Reminder> reminders = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp sent = rows.getTimestamp("sent_at");
                Timestamp cancelled = rows.getTimestamp("cancelled_at");
                reminders.add(new Reminder(rows.getObject("id", UUID.class), rows.getString("region_code"), rows.getString("authority_code"),
                        rows.getString("name"), ReminderKind.valueOf(rows.getString("kind")), rows.getString("about"),
                        rows.getString("recipient_name"), rows.getString("recipient_email"), rows.getString("subject"), rows.getString("body"),
                        rows.getTimestamp("queued_at").toInstant(), sent == null ? null : sent.toInstant(),
                        cancelled == null ? null : cancelled.toInstant(), rows.getString("cancel_reason"), rows.getString("failure"),
                        rows.getInt("attempts")));
            }
        }
        return reminders;
    }
}
