package exchange.workforce.reference;

import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.WorkerDetails;
import exchange.workforce.worker.WorkerDetailsCipher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reference requests. Every statement names the caller's authority as a party; row-level security agrees. */
@Singleton
public class RequestDao {

    private static final String COLUMNS = """
            r.id, r.engagement_id, r.requester_authority, r.referee_authority, r.role_applied_for as role, r.engagement_type,
            r.consent_given_on, r.consent_method, r.due_on, r.status, r.decline_reason, r.requested_by,
            r.requested_at, r.answered_by, r.answered_at, r.worker_details, r.details_key_version""";
    /** The request carries the role and type of the engagement: the referee may not see the requester's engagement. */
    private static final String FROM = " from reference_request r ";
    private static final String OPEN_OR_ANSWERED = """
            select exists (select 1 from reference_request
                            where engagement_id = ? and referee_authority = ? and status in ('REQUESTED', 'PROVIDED'))""";
    private static final String INSERT = """
            insert into reference_request (id, engagement_id, requester_authority, referee_authority, worker_pseudonym,
                key_version, consent_given_on, consent_method, due_on, requested_by, role_applied_for, engagement_type,
                worker_details, details_key_version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ONE = "select " + COLUMNS + FROM
            + "where r.id = ? and ? in (r.requester_authority, r.referee_authority)";
    private static final String INCOMING = "select " + COLUMNS + FROM
            + "where r.referee_authority = ? and (? = false or (r.status = 'REQUESTED' and r.due_on < ?)) order by r.due_on, r.requested_at";
    private static final String INCOMING_FOR_WORKER = "select " + COLUMNS + FROM
            + "where r.referee_authority = ? and r.worker_pseudonym = ? order by r.due_on";
    private static final String OUTGOING = "select " + COLUMNS + FROM
            + "where r.requester_authority = ? and (? = false or (r.status = 'REQUESTED' and r.due_on < ?)) order by r.due_on, r.requested_at";
    private static final String OF_ENGAGEMENT = "select " + COLUMNS + FROM
            + "where r.engagement_id = ? and r.requester_authority = ? order by r.requested_at";
    /** Answers only a request still open: of two concurrent answers, exactly one changes the row. */
    private static final String ANSWER = """
            update reference_request set status = ?, decline_reason = ?, answered_by = ?, answered_at = now()
             where id = ? and referee_authority = ? and status = 'REQUESTED'""";
    private static final String WORKER_OF = "select worker_pseudonym, key_version from reference_request where id = ? and referee_authority = ?";

    private final JdbcOperations jdbc;
    private final WorkerDetailsCipher cipher;

    public RequestDao(JdbcOperations jdbc, WorkerDetailsCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores a request; the worker's stated details, if given, sealed before they reach the database. */
    public void insert(UUID id, Engagement engagement, String referee, Pseudonym worker, LocalDate consentGivenOn,
                       String consentMethod, LocalDate dueOn, String requestedBy, WorkerDetails details) {
        WorkerDetailsCipher.Sealed sealed = details == null ? null : cipher.seal(details, id);
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, id);
            statement.setObject(2, engagement.id());
            statement.setString(3, engagement.authorityCode());
            statement.setString(4, referee);
            statement.setString(5, worker.value());
            statement.setInt(6, worker.keyVersion());
            statement.setDate(7, Date.valueOf(consentGivenOn));
            statement.setString(8, consentMethod);
            statement.setDate(9, Date.valueOf(dueOn));
            statement.setString(10, requestedBy);
            statement.setString(11, engagement.role());
            statement.setString(12, engagement.engagementType());
            statement.setBytes(13, sealed == null ? null : sealed.bytes());
            if (sealed == null) {
                statement.setNull(14, java.sql.Types.INTEGER);
            } else {
                statement.setInt(14, sealed.keyVersion());
            }
            return statement.executeUpdate();
        });
    }

    public Optional<ReferenceRequest> find(UUID id, String party, LocalDate today) {
        List<ReferenceRequest> found = list(ONE, today, statement -> {
            statement.setObject(1, id);
            statement.setString(2, party);
        });
        return found.stream().findFirst();
    }

    public List<ReferenceRequest> incoming(String referee, boolean overdueOnly, LocalDate today) {
        return list(INCOMING, today, statement -> {
            statement.setString(1, referee);
            statement.setBoolean(2, overdueOnly);
            statement.setDate(3, Date.valueOf(today));
        });
    }

    public List<ReferenceRequest> incomingFor(String referee, Pseudonym worker, LocalDate today) {
        return list(INCOMING_FOR_WORKER, today, statement -> {
            statement.setString(1, referee);
            statement.setString(2, worker.value());
        });
    }

    public List<ReferenceRequest> outgoing(String requester, boolean overdueOnly, LocalDate today) {
        return list(OUTGOING, today, statement -> {
            statement.setString(1, requester);
            statement.setBoolean(2, overdueOnly);
            statement.setDate(3, Date.valueOf(today));
        });
    }

    /** Whether the engagement has a request to the referee that is still open or was answered with a reference. */
    public boolean hasOpenOrAnswered(UUID engagementId, String referee) {
        return jdbc.prepareStatement(OPEN_OR_ANSWERED, statement -> {
            statement.setObject(1, engagementId);
            statement.setString(2, referee);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    public List<ReferenceRequest> ofEngagement(UUID engagementId, String requester, LocalDate today) {
        return list(OF_ENGAGEMENT, today, statement -> {
            statement.setObject(1, engagementId);
            statement.setString(2, requester);
        });
    }

    public Optional<String> workerOf(UUID id, String referee) {
        return jdbc.prepareStatement(WORKER_OF, statement -> {
            statement.setObject(1, id);
            statement.setString(2, referee);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        });
    }

    /** @return false if the request was no longer open (already answered by someone else) */
    public boolean answer(UUID id, String referee, RequestStatus status, String declineReason, String answeredBy) {
        return jdbc.prepareStatement(ANSWER, statement -> {
            statement.setString(1, status.name());
            statement.setString(2, declineReason);
            statement.setString(3, answeredBy);
            statement.setObject(4, id);
            statement.setString(5, referee);
            return statement.executeUpdate() == 1;
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<ReferenceRequest> list(String sql, LocalDate today, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<ReferenceRequest> requests = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    requests.add(request(rows, today));
                }
            }
            return requests;
        });
    }

    private ReferenceRequest request(ResultSet rows, LocalDate today) throws SQLException {
        LocalDate due = rows.getDate("due_on").toLocalDate();
        RequestStatus status = RequestStatus.valueOf(rows.getString("status"));
        Timestamp answeredAt = rows.getTimestamp("answered_at");
        return new ReferenceRequest(rows.getObject("id", UUID.class), rows.getObject("engagement_id", UUID.class),
                rows.getString("requester_authority"), rows.getString("referee_authority"), rows.getString("role"),
                rows.getString("engagement_type"), rows.getDate("consent_given_on").toLocalDate(),
                rows.getString("consent_method"), due, status, status.open() && due.isBefore(today),
                rows.getString("decline_reason"), rows.getString("requested_by"),
                rows.getTimestamp("requested_at").toInstant(), rows.getString("answered_by"),
                answeredAt == null ? null : answeredAt.toInstant(), details(rows));
    }

    private WorkerDetails details(ResultSet rows) throws SQLException {
        byte[] sealed = rows.getBytes("worker_details");
        return sealed == null ? null : cipher.open(new WorkerDetailsCipher.Sealed(sealed, rows.getInt("details_key_version")),
                rows.getObject("id", UUID.class));
    }

    /** A member's answering of requests due in a period, as its region sees it: counts and the median days to answer. */
    public record Turnaround(String refereeAuthority, long due, long answered, long onTime, long openOverdue,
                             @io.micronaut.core.annotation.Nullable java.math.BigDecimal medianDays) {
    }

    public List<Turnaround> turnaround(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("select * from reference_turnaround(?, ?) order by referee_authority", statement -> {
            statement.setDate(1, Date.valueOf(from));
            statement.setDate(2, Date.valueOf(to));
            List<Turnaround> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(new Turnaround(r.getString("referee_authority"), r.getLong("due"), r.getLong("answered"), r.getLong("on_time"),
                            r.getLong("open_overdue"), r.getBigDecimal("median_days")));
                }
            }
            return rows;
        });
    }
}
