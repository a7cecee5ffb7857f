package exchange.workforce.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads a region's audit trail, newest first, a page at a time (keyset on id). */
@Singleton
public class AuditDao {

    private static final String REGION_PAGE = """
            select id, occurred_at, actor, authority_code, region_code, action, target_type, target_id, request_id,
                   detail::text as detail
              from audit_event
             where region_code = ? and id < ?
             order by id desc
             limit ?""";

    /** Reads of worker-level records in the region's trail since a day: by council, action and how many people. */
    private static final String WORKER_RECORD_READS = """
            select coalesce(e.authority_code, '') as authority_code, e.action, count(*) as events, count(distinct e.actor) as people
              from audit_event e
             where e.region_code = ? and e.occurred_at >= ? and e.action = any (?)
             group by 1, 2 order by 1, 2""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public AuditDao(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One council's reads of one kind of worker-level record. */
    private static final String APPEND = """
            insert into audit_event (actor, authority_code, region_code, action, target_type, target_id, request_id, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    /** Appends one event; its detail is JSON already. */
    void append(String actor, String authorityCode, String regionCode, String action, String targetType, String targetId,
                String requestId, String detailJson) {
        jdbc.prepareStatement(APPEND, statement -> {
            statement.setString(1, actor);
            statement.setString(2, authorityCode);
            statement.setString(3, regionCode);
            statement.setString(4, action);
            statement.setString(5, targetType);
            statement.setString(6, targetId);
            statement.setString(7, requestId);
            statement.setString(8, detailJson);
            return statement.executeUpdate();
        });
    }

    public record WorkerRecordReads(String authorityCode, String action, long events, long people) {
    }

    public List<WorkerRecordReads> workerRecordReads(String regionCode, java.time.Instant since, List<String> actions) {
        return jdbc.prepareStatement(WORKER_RECORD_READS, statement -> {
            statement.setString(1, regionCode);
            statement.setTimestamp(2, java.sql.Timestamp.from(since));
            statement.setArray(3, statement.getConnection().createArrayOf("text", actions.toArray()));
            List<WorkerRecordReads> reads = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reads.add(new WorkerRecordReads(rows.getString("authority_code"), rows.getString("action"), rows.getLong("events"),
                            rows.getLong("people")));
                }
            }
            return reads;
        });
    }

    public List<AuditEvent> regionPage(String regionCode, long beforeId, int limit) {
        return jdbc.prepareStatement(REGION_PAGE, statement -> {
            statement.setString(1, regionCode);
            statement.setLong(2, beforeId);
            statement.setInt(3, limit);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new AuditEvent(rows.getLong("id"), rows.getTimestamp("occurred_at").toInstant(),
                            rows.getString("actor"), rows.getString("authority_code"), rows.getString("region_code"),
                            rows.getString("action"), rows.getString("target_type"), rows.getString("target_id"),
                            rows.getString("request_id"), detail(rows.getString("detail"))));
                }
            }
            return events;
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> detail(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An audit event's detail is not JSON", e);
        }
    }
}
