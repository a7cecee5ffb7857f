package exchange.workforce.agency;

import exchange.workforce.worker.Pseudonym;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The assignment register: the only SQL about it. Row-level security keeps each council to its own rows. */
@Singleton
class AssignmentDao {

    private static final String INSERT = """
            insert into agency_assignment (id, assignment_id, version, authority_code, worker_pseudonym, key_version, role_type, team,
                agency, start_date, planned_end_date, actual_end_date, hourly_pay, employer_ni, apprenticeship_levy, holiday_pay,
                agency_charge, notice_weeks, project_team, project_approved_on, qualified_on, post_qualifying_months, engagement_id,
                verdicts, exceptions, sign_off, reason, recorded_by, content_fingerprint, council_reference, registration_sealed,
                registration_key_version, permanent_notice_weeks, ended_how)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** The council's assignment of this worker, role and start date as it now stands (its current version's identity). */
    private static final String SAME = """
            select assignment_id, version, content_fingerprint from (
                select distinct on (assignment_id) assignment_id, version, content_fingerprint, worker_pseudonym, role_type, start_date
                  from agency_assignment where authority_code = ? order by assignment_id, version desc) current
             where worker_pseudonym = ? and role_type = ? and start_date = ?
             order by version desc limit 1""";
    private static final String LOCK_IDENTITY = "select pg_advisory_xact_lock(hashtext('agency_assignment_identity:' || ?))";
    private static final String COLUMNS = """
            assignment_id, version, role_type, team, agency, start_date, planned_end_date, actual_end_date, hourly_pay, employer_ni,
            apprenticeship_levy, holiday_pay, agency_charge, notice_weeks, project_team, project_approved_on, post_qualifying_months,
            verdicts::text as verdicts, exceptions::text as exceptions, sign_off::text as sign_off, reason, recorded_by, recorded_at,
            council_reference, ended_how""";
    private static final String LATEST = "select distinct on (assignment_id) " + COLUMNS + " " + """
             from agency_assignment where authority_code = ? order by assignment_id, version desc""";
    private static final String VERSIONS = "select " + COLUMNS + " " + """
             from agency_assignment where authority_code = ? and assignment_id = ? order by version""";
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('agency_assignment:' || ?))";
    private static final String COMPLIANCE = "select * from agency_compliance(?, ?) order by authority_code";
    private static final String COMPLIANCE_ANONYMISED = "select * from agency_compliance_anonymised(?, ?)";
    private static final String UPLOAD_BY_KEY = """
            select fingerprint, result::text as result, uploaded_by, uploaded_at from agency_upload
             where authority_code = ? and idempotency_key = ?""";
    private static final String INSERT_UPLOAD = """
            insert into agency_upload (id, authority_code, idempotency_key, fingerprint, source, result, uploaded_by)
            values (?, ?, ?, ?, ?, ?::jsonb, ?)""";

    /** An upload made earlier with an idempotency key: what it made, and the fingerprint of what was sent. */
    record EarlierUpload(String fingerprint, String result, String uploadedBy, java.time.Instant uploadedAt) {
    }

    /** A member's compliance in a quarter, as the region reads it. */
    record Compliance(String authorityCode, long assignments, long capBreaches, long signedOff, long coolingOff, long exceptions,
                      BigDecimal hourlyCost, BigDecimal agencySpend, long spendMonths) {
    }

    /** A member's compliance as a council of the region reads it: only its own council named. */
    record AnonymisedCompliance(boolean you, String authorityCode, long assignments, long capBreaches, long signedOff, long coolingOff,
                                long exceptions, BigDecimal agencySpend, long spendMonths) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    AssignmentDao(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void lock(UUID assignmentId) {
        jdbc.prepareStatement(LOCK, statement -> {
            statement.setString(1, assignmentId.toString());
            return statement.execute();
        });
    }

    void insert(UUID assignmentId, int version, String authority, Pseudonym worker, RoleType role, NewAssignment a, List<Verdict> verdicts,
                String by, exchange.workforce.worker.RegistrationNumberSeal.Sealed number) {
        jdbc.prepareStatement(INSERT, statement -> {
            int i = 1;
            statement.setObject(i++, UUID.randomUUID());
            statement.setObject(i++, assignmentId);
            statement.setInt(i++, version);
            statement.setString(i++, authority);
            statement.setString(i++, worker.value());
            statement.setInt(i++, worker.keyVersion());
            statement.setString(i++, role.name());
            statement.setString(i++, a.team().trim());
            statement.setString(i++, a.agency().trim());
            statement.setObject(i++, a.startDate());
            statement.setObject(i++, a.plannedEndDate());
            statement.setObject(i++, a.actualEndDate());
            statement.setBigDecimal(i++, a.hourlyPay());
            statement.setBigDecimal(i++, a.employerNi());
            statement.setBigDecimal(i++, a.apprenticeshipLevy());
            statement.setBigDecimal(i++, a.holidayPay());
            statement.setBigDecimal(i++, a.agencyCharge());
            statement.setInt(i++, a.noticeWeeks());
            statement.setBoolean(i++, Boolean.TRUE.equals(a.projectTeam()));
            statement.setObject(i++, a.projectApprovedOn());
            statement.setObject(i++, a.qualifiedOn());
            statement.setInt(i++, a.postQualifyingMonths());
            statement.setObject(i++, a.engagementId());
            statement.setString(i++, write(verdicts));
            statement.setString(i++, write(a.exceptions() == null ? Map.of() : a.exceptions()));
            if (a.signOff() == null) {
                statement.setNull(i++, Types.VARCHAR);
            } else {
                statement.setString(i++, write(a.signOff()));
            }
            statement.setString(i++, a.reason() == null || a.reason().isBlank() ? null : a.reason().trim());
            statement.setString(i++, by);
            statement.setString(i++, fingerprint(worker, a));
            statement.setString(i++, a.councilReference() == null || a.councilReference().isBlank() ? null : a.councilReference().trim());
            statement.setBytes(i++, number.bytes());
            statement.setInt(i++, number.keyVersion());
            statement.setObject(i++, a.permanentNoticeWeeks(), Types.INTEGER);
            EndedHow how = EndedHow.named(a.endedHow());
            statement.setString(i, how == null ? null : how.name());
            return statement.executeUpdate();
        });
    }

    private static final String SEALED_NUMBERS = """
            select distinct on (assignment_id) assignment_id, registration_sealed, registration_key_version
              from agency_assignment where authority_code = ? and registration_sealed is not null
             order by assignment_id, version desc""";

    /** The council's sealed registration numbers by assignment (latest version holding one), for its own DfE return only. */
    Map<UUID, exchange.workforce.worker.RegistrationNumberSeal.Sealed> sealedNumbers(String authority) {
        return jdbc.prepareStatement(SEALED_NUMBERS, statement -> {
            statement.setString(1, authority);
            Map<UUID, exchange.workforce.worker.RegistrationNumberSeal.Sealed> found = new java.util.HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject("assignment_id", UUID.class), new exchange.workforce.worker.RegistrationNumberSeal.Sealed(
                            rows.getBytes("registration_sealed"), rows.getInt("registration_key_version")));
                }
            }
            return found;
        });
    }

    private static final String FACTS = """
            select distinct on (assignment_id) assignment_id, worker_pseudonym, key_version, engagement_id
              from agency_assignment where authority_code = ? order by assignment_id, version desc""";

    /** What the rules need to judge an assignment again, never shown: its worker's pseudonym and its engagement. */
    record Facts(exchange.workforce.worker.Pseudonym worker, @io.micronaut.core.annotation.Nullable UUID engagementId) {
    }

    Map<UUID, Facts> facts(String authority) {
        return jdbc.prepareStatement(FACTS, statement -> {
            statement.setString(1, authority);
            Map<UUID, Facts> found = new java.util.HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject("assignment_id", UUID.class), new Facts(new exchange.workforce.worker.Pseudonym(
                            rows.getString("worker_pseudonym"), rows.getInt("key_version")), rows.getObject("engagement_id", UUID.class)));
                }
            }
            return found;
        });
    }

    /** An assignment already in the register under this identity: its id, current version and what it recorded. */
    record Recorded(UUID assignmentId, int version, @io.micronaut.core.annotation.Nullable String fingerprint) {
    }

    /** Inside a write transaction: holds the identity (worker, role type, start date) until it commits, and finds it recorded. */
    Optional<Recorded> same(String authority, Pseudonym worker, RoleType role, LocalDate start) {
        jdbc.prepareStatement(LOCK_IDENTITY, statement -> {
            statement.setString(1, authority + "|" + worker.value() + "|" + role.name() + "|" + start);
            statement.execute();
            return null;
        });
        return jdbc.prepareStatement(SAME, statement -> {
            statement.setString(1, authority);
            statement.setString(2, worker.value());
            statement.setString(3, role.name());
            statement.setObject(4, start);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Recorded(rows.getObject("assignment_id", UUID.class), rows.getInt("version"),
                        rows.getString("content_fingerprint"))) : Optional.<Recorded>empty();
            }
        });
    }

    /**
     * What was recorded, as one SHA-256: every field but the registration number (the worker by pseudonym instead) and
     * the correction's reason, so recording the same row again is known for what it is.
     */
    String fingerprint(Pseudonym worker, NewAssignment a) {
        NewAssignment recorded = a.withoutRegistrationNumber();
        NewAssignment withoutReason = new NewAssignment(null, recorded.roleType(), trim(recorded.team()), trim(recorded.agency()), recorded.startDate(),
                recorded.plannedEndDate(), recorded.actualEndDate(), scaled(recorded.hourlyPay()), scaled(recorded.employerNi()),
                scaled(recorded.apprenticeshipLevy()), scaled(recorded.holidayPay()), scaled(recorded.agencyCharge()), recorded.qualifiedOn(),
                recorded.postQualifyingMonths(), recorded.noticeWeeks(), recorded.permanentNoticeWeeks(), Boolean.TRUE.equals(recorded.projectTeam()),
                recorded.projectApprovedOn(), recorded.engagementId(), recorded.signOff(),
                recorded.exceptions() == null ? Map.of() : new java.util.TreeMap<>(recorded.exceptions()), null, null,
                EndedHow.named(recorded.endedHow()) == null ? null : EndedHow.named(recorded.endedHow()).name());
        // the council's reference joins only where given, so assignments recorded before it existed keep their identity
        String reference = a.councilReference() == null || a.councilReference().isBlank() ? "" : "|reference:" + a.councilReference().trim();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest((worker.value() + "|" + write(withoutReason) + reference)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    Optional<EarlierUpload> uploadByKey(String authority, String key) {
        return jdbc.prepareStatement(UPLOAD_BY_KEY, statement -> {
            statement.setString(1, authority);
            statement.setString(2, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new EarlierUpload(rows.getString("fingerprint"), rows.getString("result"),
                        rows.getString("uploaded_by"), rows.getTimestamp("uploaded_at").toInstant())) : Optional.empty();
            }
        });
    }

    void insertUpload(String authority, String key, String fingerprint, String source, Object result, String by) {
        jdbc.prepareStatement(INSERT_UPLOAD, statement -> {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, authority);
            statement.setString(3, key);
            statement.setString(4, fingerprint);
            statement.setString(5, source);
            statement.setString(6, write(result));
            statement.setString(7, by);
            return statement.executeUpdate();
        });
    }

    <T> T readJson(String text, Argument<T> type) {
        return read(text, type);
    }

    List<Assignment> latest(String authority) {
        return query(LATEST, authority, null);
    }

    List<Assignment> versions(String authority, UUID assignmentId) {
        return query(VERSIONS, authority, assignmentId);
    }

    List<Compliance> compliance(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(COMPLIANCE, statement -> {
            statement.setObject(1, from);
            statement.setObject(2, to);
            try (ResultSet rows = statement.executeQuery()) {
                List<Compliance> members = new ArrayList<>();
                while (rows.next()) {
                    members.add(new Compliance(rows.getString("authority_code"), rows.getLong("assignments"), rows.getLong("cap_breaches"),
                            rows.getLong("signed_off"), rows.getLong("cooling_off"), rows.getLong("exceptions"), rows.getBigDecimal("hourly_cost"),
                            rows.getBigDecimal("agency_spend"), rows.getLong("spend_months")));
                }
                return members;
            }
        });
    }

    private static final String SUPPLIERS = "select * from agency_supplier_scorecard(?, ?)";

    /** Per agency supplying the caller's region's members in the period (security definer: the region from the session). */
    List<AssignmentRegister.SupplierScore> suppliers(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(SUPPLIERS, statement -> {
            statement.setObject(1, from);
            statement.setObject(2, to);
            try (ResultSet rows = statement.executeQuery()) {
                List<AssignmentRegister.SupplierScore> agencies = new ArrayList<>();
                while (rows.next()) {
                    agencies.add(new AssignmentRegister.SupplierScore(rows.getString("agency"), rows.getLong("councils"), rows.getLong("assignments"),
                            rows.getLong("cap_breaches"), rows.getLong("notice_not_met"), rows.getLong("cooling_off_not_met"), rows.getLong("exceptions"),
                            rows.getBigDecimal("mean_hourly_cost"), rows.getLong("reviews"), rows.getLong("reviews_below_good"),
                            rows.getLong("ended"), rows.getLong("converted_to_permanent")));
                }
                return agencies;
            }
        });
    }

    List<AnonymisedCompliance> complianceAnonymised(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(COMPLIANCE_ANONYMISED, statement -> {
            statement.setObject(1, from);
            statement.setObject(2, to);
            try (ResultSet rows = statement.executeQuery()) {
                List<AnonymisedCompliance> members = new ArrayList<>();
                while (rows.next()) {
                    members.add(new AnonymisedCompliance(rows.getBoolean("you"), rows.getString("authority_code"), rows.getLong("assignments"),
                            rows.getLong("cap_breaches"), rows.getLong("signed_off"), rows.getLong("cooling_off"), rows.getLong("exceptions"),
                            rows.getBigDecimal("agency_spend"), rows.getLong("spend_months")));
                }
                return members;
            }
        });
    }

    private List<Assignment> query(String sql, String authority, UUID assignmentId) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, authority);
            if (assignmentId != null) {
                statement.setObject(2, assignmentId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Assignment> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(read(rows));
                }
                return found;
            }
        });
    }

    /**
     * What the council recorded for the assignment's current version, as it would send it again: every detail but the
     * registration number, which comes sealed (null for a version recorded before numbers were kept).
     */
    record AsRecorded(NewAssignment assignment, @io.micronaut.core.annotation.Nullable exchange.workforce.worker.RegistrationNumberSeal.Sealed number) {
    }

    private static final String AS_RECORDED = "select " + COLUMNS + ", qualified_on, engagement_id, permanent_notice_weeks, "
            + "registration_sealed, registration_key_version from agency_assignment where authority_code = ? and assignment_id = ? "
            + "order by version desc limit 1";

    Optional<AsRecorded> asRecorded(String authority, UUID assignmentId) {
        return jdbc.prepareStatement(AS_RECORDED, statement -> {
            statement.setString(1, authority);
            statement.setObject(2, assignmentId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Assignment a = read(rows);
                byte[] sealed = rows.getBytes("registration_sealed");
                return Optional.of(new AsRecorded(new NewAssignment(null, a.roleType().name(), a.team(), a.agency(), a.startDate(),
                        a.plannedEndDate(), a.actualEndDate(), a.hourlyPay(), a.employerNi(), a.apprenticeshipLevy(), a.holidayPay(),
                        a.agencyCharge(), rows.getObject("qualified_on", LocalDate.class), a.postQualifyingMonths(), a.noticeWeeks(),
                        (Integer) rows.getObject("permanent_notice_weeks"), a.projectTeam(), a.projectApprovedOn(),
                        rows.getObject("engagement_id", UUID.class), a.signOff(), a.exceptions(), null, a.councilReference(), a.endedHow()),
                        sealed == null ? null : new exchange.workforce.worker.RegistrationNumberSeal.Sealed(sealed,
                                rows.getInt("registration_key_version"))));
            }
        });
    }

    Optional<Assignment> current(String authority, UUID assignmentId) {
        List<Assignment> all = versions(authority, assignmentId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private Assignment read(ResultSet rows) throws SQLException {
        BigDecimal pay = rows.getBigDecimal("hourly_pay");
        BigDecimal ni = rows.getBigDecimal("employer_ni");
        BigDecimal levy = rows.getBigDecimal("apprenticeship_levy");
        BigDecimal holiday = rows.getBigDecimal("holiday_pay");
        String signOff = rows.getString("sign_off");
        return new Assignment(rows.getObject("assignment_id", UUID.class), rows.getInt("version"), RoleType.valueOf(rows.getString("role_type")),
                rows.getString("team"), rows.getString("agency"), rows.getObject("start_date", LocalDate.class),
                rows.getObject("planned_end_date", LocalDate.class), rows.getObject("actual_end_date", LocalDate.class), pay, ni, levy, holiday,
                pay.add(ni).add(levy).add(holiday), rows.getBigDecimal("agency_charge"), rows.getInt("notice_weeks"),
                rows.getBoolean("project_team"), rows.getObject("project_approved_on", LocalDate.class), rows.getInt("post_qualifying_months"),
                read(rows.getString("verdicts"), Argument.listOf(Verdict.class)),
                read(rows.getString("exceptions"), Argument.mapOf(String.class, String.class)),
                signOff == null ? null : read(signOff, Argument.of(NewAssignment.SignOff.class)), rows.getString("reason"),
                rows.getString("recorded_by"), rows.getTimestamp("recorded_at").toInstant(), rows.getString("council_reference"),
                rows.getString("ended_how"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
