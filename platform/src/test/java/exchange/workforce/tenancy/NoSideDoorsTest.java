package exchange.workforce.tenancy;

import exchange.workforce.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connected straight to PostgreSQL as the application role, as a bug or an injection anywhere in the service
 * would be: with no tenant, as a council of another memorandum, as a council of the same memorandum that is not
 * a party, and as another region, no row of Kent's comes back from any table or any function the role may call,
 * and nothing of Kent's can be changed. Every table and every SECURITY DEFINER function is classified, so a new
 * one cannot slip past this test unexamined.
 */
class NoSideDoorsTest {

    static final String KENT = "E10000016";
    static final String HAMPSHIRE = "E10000014";

    /** Tables holding one authority's own data. */
    static final Set<String> PRIVATE = Set.of("authority_contact", "engagement", "reference_request", "reference",
            "placement_review", "workforce_return", "return_value", "holder_lookup", "audit_event", "forecast_scenario", "agency_leaver", "agency_assignment",
            "external_reference",
            "agency_upload",
            // reminders: a region's to its members' contacts about returns, and a council's own (references, assignments)
            "reminder",
            // whether a council shares its team and office figures with its memorandum: its own business until it does
            "team_figures_sharing",
            // a return being entered online: never a figure, the council's alone until submitted
            "return_draft");
    /** Tables every signed-in user may read by design: reference data, memoranda, DfE's publications, windows, groups. */
    static final Set<String> SHARED = Set.of("region", "authority", "memorandum_membership", "memorandum_terms",
            "published_import", "published_statistic", "published_revision", "submission_window", "custom_group", "flyway_schema_history",
            // targets are a memorandum's public commitments; releases say which version of whose return was released, not its figures
            "memorandum_target", "period_release", "released_return",
            // a region's agreed agency price caps are not secret
            "agency_price_cap",
            // when a region's reminders go: its own and its members' to read (row-level security), no one's data
            "reminder_schedule",
            // a region's list of exit-interview themes: a coding frame its members share, no one's data
            "exit_theme_list");
    /** Tables no application role may touch at all: the owner's functions and triggers are the only ways in. */
    static final Set<String> INTERNAL = Set.of(
            // the change counters (V30): which authority's returns of which period changed how often; read through functions
            "data_change", "data_change_period",
            // browser sessions (V32): found only by the SHA-256 of a cookie's id, through browser_session_use
            "browser_session");
    /** SECURITY DEFINER functions the application role may call, each answering only within its rules. */
    static final Set<String> CALLABLE_DEFINERS = Set.of("reference_holders", "benchmark_data_version",
            "pseudonym_key_versions", "release_period", "cooling_off_until", "agency_compliance", "agency_compliance_anonymised",
            "agency_supplier_scorecard", "agency_leavers_against_census", "agency_leaver_coverage", "reference_turnaround",
            "browser_session_open", "browser_session_use", "browser_session_close");

    /** Who asks: no tenant; Essex (East of England); Surrey (Kent's memorandum, not a party); the East of England region. */
    static final List<String[]> OUTSIDERS = List.of(new String[] {"", ""}, new String[] {"E10000012", ""},
            new String[] {"E10000030", ""}, new String[] {"", "E12000006"});

    private final TestDatabase database = TestDatabase.shared();

    @BeforeEach
    void kentHasDataInEveryPrivateTable() throws SQLException {
        database.clean();
        try (Connection owner = database.asOwner(); Statement statement = owner.createStatement()) {
            statement.execute("delete from holder_lookup");
            statement.execute("insert into authority_contact (authority_code, name, email, responsibility, created_by) "
                    + "values ('" + KENT + "', 'Jo', 'jo@kent.gov.uk', 'REFERENCES', 'side-door-test')");
            statement.execute("insert into engagement (id, authority_code, worker_pseudonym, key_version, role, engagement_type, created_by) "
                    + "values ('00000000-0000-0000-0000-00000000000e', '" + KENT + "', 'kent-worker', 1, 'SOCIAL_WORKER', 'AGENCY', 't')");
            statement.execute("insert into reference_request (id, engagement_id, requester_authority, referee_authority, worker_pseudonym, "
                    + "key_version, role_applied_for, engagement_type, consent_given_on, consent_method, due_on, requested_by) values "
                    + "('00000000-0000-0000-0000-00000000000f', '00000000-0000-0000-0000-00000000000e', '" + KENT + "', '" + HAMPSHIRE
                    + "', 'kent-worker', 1, 'SOCIAL_WORKER', 'AGENCY', current_date, 'form', current_date + 14, 't')");
            statement.execute("insert into external_reference (id, engagement_id, authority_code, referee_organisation, referee_role, "
                    + "provided_on, template, attested_by) values (gen_random_uuid(), '00000000-0000-0000-0000-00000000000e', '" + KENT
                    + "', 'Kent Foster Care Ltd', 'Team manager', current_date, 'OTHER_DETAILED_PRACTICE_BASED', 't')");
            statement.execute("insert into reference (request_id, referee_authority, requester_authority, worker_pseudonym, key_version, "
                    + "template_version, content, provided_by) values ('00000000-0000-0000-0000-00000000000f', '" + HAMPSHIRE + "', '"
                    + KENT + "', 'kent-worker', 1, '1.0', '{}', 't')");
            statement.execute("insert into placement_review (id, engaging_authority, worker_pseudonym, key_version, template_version, "
                    + "content, recorded_by) values (gen_random_uuid(), '" + KENT + "', 'kent-worker', 1, '1.0', '{}', 't')");
            statement.execute("insert into workforce_return (id, authority_code, period_type, period, version, source, submitted_by) "
                    + "values ('00000000-0000-0000-0000-0000000000a1', '" + KENT + "', 'CENSUS_YEAR', '2024', 1, 'API', 't')");
            statement.execute("insert into return_value (return_id, authority_code, measure, value) "
                    + "values ('00000000-0000-0000-0000-0000000000a1', '" + KENT + "', 'inpost_fte', 450.5)");
            statement.execute("insert into holder_lookup (authority_code, looked_up_by) values ('" + KENT + "', 't')");
            statement.execute("insert into forecast_scenario (id, authority_code, name, turnover_reduction_points, created_by) "
                    + "values (gen_random_uuid(), '" + KENT + "', 'Kent retention', 3, 't')");
            statement.execute("insert into agency_leaver (id, authority_code, worker_pseudonym, key_version, left_on, role, recorded_by) "
                    + "values (gen_random_uuid(), '" + KENT + "', 'kent-worker', 1, current_date - 10, 'SOCIAL_WORKER', 't')");
            statement.execute("insert into agency_assignment (id, assignment_id, version, authority_code, worker_pseudonym, key_version, "
                    + "role_type, team, agency, start_date, hourly_pay, employer_ni, apprenticeship_levy, holiday_pay, notice_weeks, "
                    + "project_team, post_qualifying_months, verdicts, recorded_by) values (gen_random_uuid(), gen_random_uuid(), 1, '" + KENT
                    + "', 'kent-worker', 1, 'SOCIAL_WORKER', 'Kent CP team', 'Agency Ltd', current_date, 36, 4, 0, 4, 4, false, 60, '[]', 't')");
            statement.execute("insert into agency_upload (id, authority_code, idempotency_key, fingerprint, source, result, uploaded_by) "
                    + "values (gen_random_uuid(), '" + KENT + "', 'kent-key-0001', 'abc', 'CSV', '{}', 't')");
            statement.execute("insert into audit_event (actor, authority_code, region_code, action, target_type) "
                    + "values ('t', '" + KENT + "', 'E12000008', 'SIDE_DOOR_TEST', 'test')");
            statement.execute("insert into team_figures_sharing (authority_code, shared, decided_by) values ('" + KENT + "', true, 't')");
            statement.execute("insert into return_draft (authority_code, period_type, period, answers, started_by, updated_by) values ('"
                    + KENT + "', 'CENSUS_YEAR', '2026', '{\"inpost_fte|\": \"450\"}', 't', 't')");
            for (String kind : List.of("RETURN_DUE", "REFERENCE_DUE")) {
                statement.execute("insert into reminder (region_code, authority_code, kind, about, recipient_name, recipient_email, subject, body) "
                        + "values ('E12000008', '" + KENT + "', '" + kind + "', 'side door', 'Jo', 'jo@kent.gov.uk', 'Kent''s reminder', 'Dear Jo')");
            }
        }
    }

    @Test
    void everyTableIsClassifiedAndNoPrivateRowOfKentsComesBackOrCanBeChanged() throws SQLException {
        try (Connection app = database.asApplication()) {
            Set<String> tables = strings(app, "select tablename from pg_tables where schemaname = 'public'");
            Set<String> unclassified = new TreeSet<>(tables);
            unclassified.removeAll(PRIVATE);
            unclassified.removeAll(SHARED);
            unclassified.removeAll(INTERNAL);
            assertEquals(Set.of(), unclassified, "classify each new table as PRIVATE (and test it here), SHARED or INTERNAL");

            app.setAutoCommit(false);
            for (String table : PRIVATE) {
                for (String[] outsider : OUTSIDERS) {
                    actAs(app, outsider);
                    String who = table + " as " + String.join("/", outsider);
                    assertEquals(0, count(app, "select count(*) from " + table + " x where x::text like '%" + KENT + "%'"), who);
                    assertNothingChanged(app, "delete from " + table + " x where x::text like '%" + KENT + "%'", who);
                    String column = firstColumn(app, table);
                    assertNothingChanged(app, "update " + table + " x set " + column + " = " + column + " where x::text like '%" + KENT + "%'", who);
                    app.rollback();
                }
            }
        }
        try (Connection owner = database.asOwner()) {
            for (String table : PRIVATE) {
                assertTrue(count(owner, "select count(*) from " + table + " x where x::text like '%" + KENT + "%'") > 0,
                        "Kent's row in " + table + " is still there");
            }
        }
    }

    @Test
    void noApplicationRoleReadsOrWritesTheInternalTables() throws SQLException {
        for (String table : INTERNAL) {
            for (Connection role : List.of(database.asApplication(), database.asBenchmarkReader())) {
                try (role) {
                    assertThrows(SQLException.class, () -> count(role, "select count(*) from " + table), table);
                    assertThrows(SQLException.class, () -> count(role, "with d as (delete from " + table + " returning 1) select count(*) from d"), table);
                }
            }
        }
    }

    @Test
    void everyFunctionTheApplicationRoleMayCallAnswersNothingOfKentsToAnOutsider() throws SQLException {
        try (Connection app = database.asApplication()) {
            Set<String> definers = strings(app, """
                    select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                     where n.nspname = 'public' and p.prosecdef and has_function_privilege(current_user, p.oid, 'EXECUTE')""");
            assertEquals(CALLABLE_DEFINERS, definers, "each SECURITY DEFINER function the application role may call is examined here");

            app.setAutoCommit(false);
            for (String[] outsider : OUTSIDERS) {
                actAs(app, outsider);
                String who = String.join("/", outsider);
                if (outsider[0].equals("E10000030")) {
                    // by design a member of the same memorandum learns who holds references (codes and kinds, no content)
                    assertEquals(Set.of(HAMPSHIRE + " REFERENCE_WRITTEN", KENT + " PLACEMENT_REVIEW", KENT + " REFERENCE_RECEIVED"),
                            strings(app, "select authority_code || ' ' || holds from reference_holders('kent-worker')"));
                } else {
                    assertEquals(0, count(app, "select count(*) from reference_holders('kent-worker')"), "holders as " + who);
                }
                // cooling-off crosses the line by design within Kent's region, and then as a date only
                Set<String> until = strings(app, "select coalesce(cooling_off_until('kent-worker', current_date)::text, 'none')");
                if (outsider[0].equals("E10000030")) {
                    assertEquals(1, until.size());
                    assertTrue(until.iterator().next().matches("\\d{4}-\\d{2}-\\d{2}"), "a date, nothing else: " + until);
                } else {
                    assertEquals(Set.of("none"), until, "no cooling-off answer outside Kent's region, as " + who);
                }
                // a region's compliance view counts its own members' assignments only
                assertEquals(0, count(app, "select count(*) from agency_compliance(current_date - 365, current_date + 365) where authority_code = '"
                        + KENT + "'"), "compliance as " + who);
                // a supplier scorecard counts only the caller's own region's assignments, and only for a region's users
                assertEquals(0, count(app, "select count(*) from agency_supplier_scorecard(current_date - 365, current_date + 365)"),
                        "supplier scorecard as " + who);
                assertEquals(0, count(app, "select count(*) from agency_leavers_against_census(2026) where authority_code = '" + KENT + "'"),
                        "leavers against the census as " + who);
                // how far leavers are known: a region-wide total, and Kent's leaver counts only in Kent's own region
                if (!outsider[0].equals("E10000030")) {
                    assertEquals(0, count(app, "select count(*) from agency_leaver_coverage(current_date) where recorded > 0"), "leaver coverage as " + who);
                }
                assertEquals(0, count(app, "select count(*) from agency_leaver_coverage(current_date) c where c::text like '%" + KENT + "%'"),
                        "totals only, no authority named, as " + who);
                // Kent's request to Hampshire counts in the South East's turnaround only, and only for the South East's users
                assertEquals(0, count(app, "select count(*) from reference_turnaround(current_date - 365, current_date + 365)"),
                        "reference turnaround as " + who);
                // a council's view of its region names only itself: Kent is never named to anyone else, Surrey included
                assertEquals(0, count(app, "select count(*) from agency_compliance_anonymised(current_date - 365, current_date + 365) "
                        + "where authority_code = '" + KENT + "'"), "anonymised compliance as " + who);
                if (outsider[0].equals("E10000030")) {
                    assertEquals(1, count(app, "select count(*) from agency_compliance_anonymised(current_date - 365, current_date + 365) "
                            + "where authority_code is null"), "Kent's assignment reaches Surrey, its region's member, unnamed");
                }
                String version = strings(app, "select benchmark_data_version()").iterator().next();
                assertFalse(version.contains(KENT), "the data version is dates and counts only: " + version);
                assertEquals(Set.of("1"), strings(app, "select key_version::text from pseudonym_key_versions()"), "key versions only");
                assertEquals(0, count(app, "select count(*) from (select browser_session_use(sha256('a guess'::bytea), interval '30 minutes') t) s "
                        + "where t is not null"), "a session is found only by its id's hash, never listed, as " + who);
                app.rollback();
                actAs(app, outsider);
                if (outsider[1].isEmpty()) {
                    SQLException refused = assertThrows(SQLException.class, () -> count(app, "select count(*) from release_period('CENSUS_YEAR', '2024', 'x')"));
                    assertEquals("42501", refused.getSQLState(), "only a region's administrator releases, as " + who);
                } else {
                    count(app, "select count(*) from release_period('CENSUS_YEAR', '2024', 'x')");
                    assertEquals(0, count(app, "select count(*) from released_return where authority_code = '" + KENT + "'"),
                            "another region's release takes none of Kent's returns");
                }
                app.rollback();
            }
            SQLException released = assertThrows(SQLException.class, () -> count(app, "select count(*) from released_returns()"));
            assertEquals("42501", released.getSQLState(), "released figures too are the benchmark reader's alone");
            app.rollback();
            SQLException census = assertThrows(SQLException.class, () -> count(app, "select count(*) from latest_returns()"));
            assertEquals("42501", census.getSQLState(), "every council's census figures are the benchmark reader's alone");
            app.rollback();
            SQLException aimed = assertThrows(SQLException.class, () -> count(app, "select count(*) from purge_expired_references(date '2999-01-01')"));
            assertTrue(aimed.getMessage().contains("does not exist"), "the purge takes no date: " + aimed.getMessage());
            app.rollback();
            SQLException purge = assertThrows(SQLException.class, () -> count(app, "select count(*) from purge_expired_references()"));
            assertEquals("42501", purge.getSQLState(), "the purge is maintenance, run as the owner");
        }
    }

    private static void assertNothingChanged(Connection app, String sql, String who) throws SQLException {
        try (Statement statement = app.createStatement()) {
            statement.execute("savepoint attempt");
            assertEquals(0, statement.executeUpdate(sql), who + ": " + sql);
        } catch (SQLException refused) {
            // refused outright (no privilege, or the audit trail's append-only trigger): nothing changed either
            try (Statement statement = app.createStatement()) {
                statement.execute("rollback to savepoint attempt");
            }
        }
    }

    private static String firstColumn(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select column_name from information_schema.columns where table_schema = 'public' and table_name = ?
                 order by ordinal_position limit 1""")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void actAs(Connection connection, String[] tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('wfx.authority', ?, true), set_config('wfx.region', ?, true)")) {
            statement.setString(1, tenant[0]);
            statement.setString(2, tenant[1]);
            statement.execute();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> strings(Connection connection, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
