package exchange.workforce.reference;

import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The memorandum's retention period for references is 72 months (seeded terms). What is older goes; what
 * is younger, or part of a case with recent activity, stays.
 */
@MicronautTest(transactional = false)
class ReferenceRetentionTest extends PlatformTest {

    @Inject
    exchange.workforce.retention.RetentionJob job;

    @Test
    void theApplicationRoleCannotRunThePurgeAndTheRetentionCommandRunsItAsTheOwner() throws SQLException {
        try (Connection app = TestDatabase.shared().asApplication(); Statement statement = app.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> statement.executeQuery("select * from purge_expired_references()"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
        Map<String, Long> deleted = exchange.workforce.retention.Retention.purge(TestDatabase.shared().connection());
        assertEquals(1L, deleted.get("placement_review"));
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("select detail::text from audit_event where action = 'RETENTION_PURGE' "
                     + "order by id desc limit 1")) {
            rows.next();
            org.junit.jupiter.api.Assertions.assertTrue(rows.getString(1).contains("\"placement_review\": 1"), rows.getString(1));
        }
    }

    @BeforeEach
    void oldAndRecentRecords() throws SQLException {
        TestDatabase.shared().clean();
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
            // an old case, all of it past 72 months
            engagement(statement, "00000000-0000-0000-0000-000000000001", "now() - interval '8 years'");
            request(statement, "00000000-0000-0000-0000-0000000000a1", "00000000-0000-0000-0000-000000000001", "now() - interval '8 years'");
            statement.execute("insert into reference (request_id, referee_authority, requester_authority, worker_pseudonym, "
                    + "key_version, template_version, content, provided_by, provided_at) values "
                    + "('00000000-0000-0000-0000-0000000000a1', 'E10000030', 'E10000016', 'p-old', 1, '1.0', '{}', 't', now() - interval '8 years')");
            // an old engagement whose request was answered recently: the case is still live
            engagement(statement, "00000000-0000-0000-0000-000000000002", "now() - interval '8 years'");
            request(statement, "00000000-0000-0000-0000-0000000000a2", "00000000-0000-0000-0000-000000000002", "now() - interval '1 month'");
            // a recent case
            engagement(statement, "00000000-0000-0000-0000-000000000003", "now() - interval '2 years'");
            review(statement, "00000000-0000-0000-0000-0000000000b1", "now() - interval '7 years'");
            review(statement, "00000000-0000-0000-0000-0000000000b2", "now() - interval '5 years'");
            // holder look-ups count for the rate limit only: kept a day
            statement.execute("insert into holder_lookup (authority_code, looked_up_by, looked_up_at) values "
                    + "('E10000016', 'old', now() - interval '2 days'), ('E10000016', 'recent', now() - interval '1 hour')");
        }
    }

    @Test
    void theJobDeletesWhatIsPastRetentionAndNothingElse() throws SQLException {
        Map<String, Long> deleted = job.purge();
        assertEquals(1L, deleted.get("placement_review"));
        assertEquals(1L, deleted.get("engagement (with its requests and references)"));
        assertEquals(List.of("00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003"), ids("engagement"));
        assertEquals(List.of("00000000-0000-0000-0000-0000000000a2"), ids("reference_request"));
        assertEquals(List.of(), ids("reference"));
        assertEquals(List.of("00000000-0000-0000-0000-0000000000b2"), ids("placement_review"));
        assertEquals(1L, deleted.get("holder_lookup"), "the look-up of two days ago goes, the recent one stays");
    }

    @Test
    void whileAnotherReplicaPurgesThisOneDoesNothing() throws SQLException {
        try (Connection other = TestDatabase.shared().asOwner()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(hashtext('reference-retention'))");
            }
            assertEquals(Map.of(), job.purge());
            other.rollback();
        }
        assertEquals(3, ids("engagement").size(), "nothing was deleted");
    }

    private static void engagement(Statement statement, String id, String createdAt) throws SQLException {
        statement.execute("insert into engagement (id, authority_code, worker_pseudonym, key_version, role, engagement_type, "
                + "created_by, created_at) values ('" + id + "', 'E10000016', 'p-" + id + "', 1, 'SOCIAL_WORKER', 'AGENCY', 't', " + createdAt + ")");
    }

    private static void request(Statement statement, String id, String engagement, String at) throws SQLException {
        statement.execute("insert into reference_request (id, engagement_id, requester_authority, referee_authority, "
                + "worker_pseudonym, key_version, role_applied_for, engagement_type, consent_given_on, consent_method, due_on, "
                + "requested_by, requested_at, status, answered_by, answered_at) values ('" + id + "', '" + engagement
                + "', 'E10000016', 'E10000030', 'p-old', 1, 'SOCIAL_WORKER', 'AGENCY', current_date, 'form', current_date, 't', "
                + at + ", 'PROVIDED', 't', " + at + ")");
    }

    private static void review(Statement statement, String id, String at) throws SQLException {
        statement.execute("insert into placement_review (id, engaging_authority, worker_pseudonym, key_version, template_version, "
                + "content, recorded_by, recorded_at) values ('" + id + "', 'E10000016', 'p-r', 1, '1.0', '{}', 't', " + at + ")");
    }

    private static List<String> ids(String table) throws SQLException {
        String column = table.equals("reference") ? "request_id" : "id";
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("select " + column + "::text from " + table + " order by 1")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}
