package exchange.workforce.retention;

import exchange.workforce.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention of what the data-sharing agreement keeps for a period (seeded terms: returns and audit 84 months): a census
 * year that ended eight years ago goes with its figures and release entry, last year's stays; an assignment that ended
 * eight years ago goes (every version), a current one stays; a leaver of two years ago goes, last month's stays; an
 * upload record of two months ago goes; an audit event of eight years ago goes, last year's stays — and the audit trail
 * is still append-only outside the purge (the owner, who could drop the trigger anyway, is refused by accident; the
 * application role has no delete grant at all). Two runs at once: one purges, the other does nothing.
 */
class RetentionOfEveryRecordTest {

    static final String KENT = "E10000016";
    private final TestDatabase database = TestDatabase.shared();

    @BeforeEach
    void oldAndRecentRecordsOfEveryKind() throws SQLException {
        database.clean();
        try (Connection owner = database.asOwner(); Statement s = owner.createStatement()) {
            s.execute("delete from released_return");
            s.execute("delete from period_release");
            for (String[] r : new String[][] {{"00000000-0000-0000-0000-0000000000b1", "2017", "1"}, {"00000000-0000-0000-0000-0000000000b2", "2017", "2"},
                    {"00000000-0000-0000-0000-0000000000b3", String.valueOf(java.time.LocalDate.now().getYear() - 1), "1"}}) {
                s.execute("insert into workforce_return (id, authority_code, period_type, period, version, source, submitted_by, reason) values ('"
                        + r[0] + "', '" + KENT + "', 'CENSUS_YEAR', '" + r[1] + "', " + r[2] + ", 'API', 't', " + (r[2].equals("1") ? "null" : "'fix'") + ")");
                s.execute("insert into return_value (return_id, authority_code, measure, value) values ('" + r[0] + "', '" + KENT + "', 'inpost_fte', 450)");
            }
            s.execute("insert into period_release (id, region_code, period_type, period, revision, released_by) overriding system value "
                    + "values (900, 'E12000008', 'CENSUS_YEAR', '2017', 1, 't')");
            s.execute("insert into released_return (release_id, authority_code, version, revised) values (900, '" + KENT + "', 2, true)");
            assignment(s, "00000000-0000-0000-0000-0000000000c1", 1, "current_date - interval '9 years'", "current_date - interval '8 years'");
            assignment(s, "00000000-0000-0000-0000-0000000000c1", 2, "current_date - interval '9 years'", "current_date - interval '8 years'");
            assignment(s, "00000000-0000-0000-0000-0000000000c2", 1, "current_date - interval '1 month'", "current_date + interval '2 months'");
            s.execute("insert into agency_leaver (id, authority_code, worker_pseudonym, key_version, left_on, role, recorded_by) values "
                    + "(gen_random_uuid(), '" + KENT + "', 'p-old', 1, current_date - interval '2 years', 'SOCIAL_WORKER', 't'), "
                    + "(gen_random_uuid(), '" + KENT + "', 'p-new', 1, current_date - interval '1 month', 'SOCIAL_WORKER', 't')");
            s.execute("insert into agency_upload (id, authority_code, idempotency_key, fingerprint, source, result, uploaded_by, uploaded_at) values "
                    + "(gen_random_uuid(), '" + KENT + "', 'old-key-0001', 'f', 'CSV', '{}', 't', now() - interval '2 months'), "
                    + "(gen_random_uuid(), '" + KENT + "', 'new-key-0001', 'f', 'CSV', '{}', 't', now() - interval '1 day')");
            s.execute("insert into audit_event (occurred_at, actor, authority_code, region_code, action, target_type) values "
                    + "(now() - interval '8 years', 'retention-test-old', '" + KENT + "', 'E12000008', 'RETENTION_TEST', 'test'), "
                    + "(now() - interval '1 year', 'retention-test-new', '" + KENT + "', 'E12000008', 'RETENTION_TEST', 'test'), "
                    + "(now() - interval '8 years', 'retention-test-operator', null, null, 'RETENTION_TEST', 'test')");
            s.execute("insert into return_draft (authority_code, period_type, period, answers, started_by, updated_by, updated_at) values "
                    + "('" + KENT + "', 'CENSUS_YEAR', '2024', '{}', 't', 't', now() - interval '7 months'), "
                    + "('" + KENT + "', 'CENSUS_YEAR', '2025', '{}', 't', 't', now() - interval '5 months')");
        }
    }

    private static void assignment(Statement s, String id, int version, String start, String end) throws SQLException {
        s.execute("insert into agency_assignment (id, assignment_id, version, authority_code, worker_pseudonym, key_version, role_type, team, "
                + "agency, start_date, planned_end_date, hourly_pay, employer_ni, apprenticeship_levy, holiday_pay, notice_weeks, project_team, "
                + "post_qualifying_months, verdicts, reason, recorded_by) values (gen_random_uuid(), '" + id + "', " + version + ", '" + KENT
                + "', 'p', 1, 'SOCIAL_WORKER', 'Team', 'Agency', " + start + ", " + end + ", 36, 4, 0, 4, 4, false, 60, '[]', "
                + (version == 1 ? "null" : "'corrected'") + ", 't')");
    }

    private long count(String sql) throws SQLException {
        try (Connection owner = database.asOwner(); Statement s = owner.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void whatIsPastItsPeriodGoesAndWhatIsWithinItStays() throws SQLException {
        Map<String, Long> deleted = Retention.purge(database.connection());
        assertEquals(2L, deleted.get("workforce_return (versions, with their figures)"), deleted.toString());
        assertEquals(2L, deleted.get("agency_assignment (versions)"));
        assertEquals(1L, deleted.get("agency_leaver"));
        assertEquals(1L, deleted.get("agency_upload"));
        assertEquals(1L, deleted.get("return_draft"), "a draft nobody changed for six months is abandoned");
        assertTrue(deleted.get("audit_event") >= 2, "at least the old event of a region and the old operator's event (the shared "
                + "test database's trail holds other tests' events too): " + deleted);

        assertEquals(1, count("select count(*) from workforce_return"), "last year's return stays");
        assertEquals(1, count("select count(*) from return_value"), "with its figures only");
        assertEquals(0, count("select count(*) from released_return"), "the release entry of a deleted version goes with it");
        assertEquals(1, count("select count(*) from agency_assignment where assignment_id = '00000000-0000-0000-0000-0000000000c2'"));
        assertEquals(0, count("select count(*) from agency_assignment where assignment_id = '00000000-0000-0000-0000-0000000000c1'"));
        assertEquals(1, count("select count(*) from agency_leaver"));
        assertEquals(1, count("select count(*) from return_draft where period = '2025'"), "one changed five months ago stays");
        assertTrue(count("select count(*) from audit_event where actor = 'retention-test-new'") >= 1, "last year's event stays");
        assertEquals(0, count("select count(*) from audit_event where actor in ('retention-test-old', 'retention-test-operator')"));
        assertTrue(count("select count(*) from audit_event where action = 'RETENTION_PURGE'") >= 1, "the purge itself is audited");
    }

    @Test
    void theAuditTrailStaysAppendOnlyToEveryoneButThePurge() throws SQLException {
        try (Connection owner = database.asOwner(); Statement s = owner.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("delete from audit_event where actor = 'retention-test-old'"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        try (Connection app = database.asApplication(); Statement s = app.createStatement()) {
            SQLException purge = assertThrows(SQLException.class, () -> s.executeQuery("select * from purge_expired_records()"));
            assertEquals("42501", purge.getSQLState(), purge.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.execute("select set_config('wfx.retention', 'purge', false); "
                    + "delete from audit_event"));
            assertEquals("42501", delete.getSQLState(), "the application role may not delete the trail at all: " + delete.getMessage());
        }
    }

    @Test
    void twoRunsAtOnceDeleteOnceBetweenThem() throws Exception {
        CompletableFuture<Map<String, Long>> first = CompletableFuture.supplyAsync(() -> Retention.purge(database.connection()));
        CompletableFuture<Map<String, Long>> second = CompletableFuture.supplyAsync(() -> Retention.purge(database.connection()));
        long returns = 0;
        for (Map<String, Long> run : java.util.List.of(first.get(), second.get())) {
            returns += run.getOrDefault("workforce_return (versions, with their figures)", 0L);
        }
        assertEquals(2L, returns, "the two versions of 2017 are deleted once, by whichever run held the lock (or by the first, then none)");
    }
}
