package exchange.workforce.memorandum;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Versions of a memorandum's terms and its membership over time. */
@Singleton
public class MemorandumDao {

    private static final String TERMS_COLUMNS = """
            region_code, version, effective_from, cooling_off_months, reference_standard_version, small_count_threshold,
            permanent_staff_target_percent, dsa_purpose, dsa_lawful_basis, dsa_data_items, retention_returns_months,
            retention_references_months, retention_audit_months, recorded_by, recorded_at, change_reason""";
    private static final String TERMS_HISTORY =
            "select " + TERMS_COLUMNS + " from memorandum_terms where region_code = ? order by version desc";
    private static final String TERMS_IN_FORCE = "select " + TERMS_COLUMNS + " " + """
             from memorandum_terms where region_code = ? and effective_from <= ?
             order by effective_from desc, version desc limit 1""";
    private static final String INSERT_TERMS = """
            insert into memorandum_terms (region_code, version, effective_from, cooling_off_months, reference_standard_version,
                small_count_threshold, permanent_staff_target_percent, dsa_purpose, dsa_lawful_basis, dsa_data_items,
                retention_returns_months, retention_references_months, retention_audit_months, recorded_by, change_reason)
            select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
              from memorandum_terms where region_code = ?
            returning version""";
    /** Serialises versioning per region: two administrators saving at once get versions n+1 and n+2. */
    private static final String LOCK_REGION_TERMS = "select pg_advisory_xact_lock(hashtext('memorandum_terms:' || ?))";
    private static final String MEMBERS_ON = """
            select m.id, m.authority_code, a.name, m.phase, m.effective_from, m.effective_to
              from memorandum_membership m join authority a on a.gss_code = m.authority_code
             where m.region_code = ? and membership_in_force(m.effective_from, m.effective_to, ?)
             order by a.name""";
    private static final String MEMBERSHIPS = """
            select m.id, m.authority_code, a.name, m.phase, m.effective_from, m.effective_to
              from memorandum_membership m join authority a on a.gss_code = m.authority_code
             where m.region_code = ?
             order by a.name, m.effective_from""";
    private static final String FIRST_JOINED = "select authority_code, min(effective_from) from memorandum_membership group by authority_code";
    private static final String CURRENT_MEMBERSHIP_OF = """
            select id from memorandum_membership
             where region_code = ? and authority_code = ? and (effective_to is null or effective_to > ?)""";
    private static final String IS_MEMBER_ON = """
            select exists (select 1 from memorandum_membership
                            where authority_code = ? and membership_in_force(effective_from, effective_to, ?))""";
    private static final String ADD_MEMBER = """
            insert into memorandum_membership (region_code, authority_code, phase, effective_from, effective_to) values (?, ?, ?, ?, ?)""";
    private static final String MEMBER_BETWEEN = """
            select exists (select 1 from memorandum_membership
                            where region_code = ? and authority_code = ?
                              and effective_from < ? and (effective_to is null or effective_to > ?))""";
    private static final String END_MEMBERSHIP = """
            update memorandum_membership set effective_to = ?
             where region_code = ? and authority_code = ? and effective_to is null and effective_from < ?""";

    private final JdbcOperations jdbc;

    public MemorandumDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<MemorandumTerms> termsHistory(String regionCode) {
        return jdbc.prepareStatement(TERMS_HISTORY, statement -> {
            statement.setString(1, regionCode);
            List<MemorandumTerms> history = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    history.add(terms(rows));
                }
            }
            return history;
        });
    }

    public Optional<MemorandumTerms> termsInForce(String regionCode, java.time.LocalDate on) {
        return jdbc.prepareStatement(TERMS_IN_FORCE, statement -> {
            statement.setString(1, regionCode);
            statement.setDate(2, Date.valueOf(on));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(terms(rows)) : Optional.empty();
            }
        });
    }

    public void lockTerms(String regionCode) {
        jdbc.prepareStatement(LOCK_REGION_TERMS, statement -> {
            statement.setString(1, regionCode);
            return statement.execute();
        });
    }

    public int insertTerms(String regionCode, NewTerms terms, String recordedBy) {
        return jdbc.prepareStatement(INSERT_TERMS, statement -> {
            Array items = statement.getConnection().createArrayOf("text", terms.dsaDataItems().stream().map(String::trim).toArray());
            int i = 1;
            statement.setString(i++, regionCode);
            statement.setDate(i++, Date.valueOf(terms.effectiveFrom()));
            statement.setInt(i++, terms.coolingOffMonths());
            statement.setString(i++, terms.referenceStandardVersion().trim());
            statement.setInt(i++, terms.smallCountThreshold());
            statement.setNull(i++, java.sql.Types.NUMERIC); // targets are set as targets now (memorandum_target)
            statement.setString(i++, terms.dsaPurpose().trim());
            statement.setString(i++, terms.dsaLawfulBasis().trim());
            statement.setArray(i++, items);
            statement.setInt(i++, terms.retentionReturnsMonths());
            statement.setInt(i++, terms.retentionReferencesMonths());
            statement.setInt(i++, terms.retentionAuditMonths());
            statement.setString(i++, recordedBy);
            statement.setString(i++, terms.changeReason().trim());
            statement.setString(i, regionCode);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    public List<Membership> membersOn(String regionCode, java.time.LocalDate on) {
        return jdbc.prepareStatement(MEMBERS_ON, statement -> {
            statement.setString(1, regionCode);
            statement.setDate(2, Date.valueOf(on));
            return memberships(statement);
        });
    }

    /** Every membership the region's memorandum has recorded, past, present and future, by authority then start. */
    public List<Membership> memberships(String regionCode) {
        return jdbc.prepareStatement(MEMBERSHIPS, statement -> {
            statement.setString(1, regionCode);
            return memberships(statement);
        });
    }

    /** The day each authority first became a member of any memorandum (authorities never a member are absent). */
    public java.util.Map<String, java.time.LocalDate> firstJoined() {
        return jdbc.prepareStatement(FIRST_JOINED, statement -> {
            java.util.Map<String, java.time.LocalDate> first = new java.util.HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    first.put(rows.getString(1), rows.getDate(2).toLocalDate());
                }
            }
            return first;
        });
    }

    private static List<Membership> memberships(java.sql.PreparedStatement statement) throws SQLException {
        List<Membership> members = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Date to = rows.getDate("effective_to");
                members.add(new Membership(rows.getLong("id"), rows.getString("authority_code"), rows.getString("name"),
                        rows.getString("phase"), rows.getDate("effective_from").toLocalDate(),
                        to == null ? null : to.toLocalDate()));
            }
        }
        return members;
    }

    public boolean isOrWillBeMember(String regionCode, String authorityCode, java.time.LocalDate from) {
        return jdbc.prepareStatement(CURRENT_MEMBERSHIP_OF, statement -> {
            statement.setString(1, regionCode);
            statement.setString(2, authorityCode);
            statement.setDate(3, Date.valueOf(from));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    /** Whether the authority is a member of any memorandum on the date. */
    public boolean isSignatoryOn(String authorityCode, java.time.LocalDate on) {
        return jdbc.prepareStatement(IS_MEMBER_ON, statement -> {
            statement.setString(1, authorityCode);
            statement.setDate(2, Date.valueOf(on));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    /** Whether two authorities are members of the same memorandum on the date. */
    public boolean shareMemorandumOn(String first, String second, java.time.LocalDate on) {
        return jdbc.prepareStatement("select share_memorandum(?, ?, ?)", statement -> {
            statement.setString(1, first);
            statement.setString(2, second);
            statement.setDate(3, Date.valueOf(on));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    /** Whether any of the authority's memberships of the region overlaps the days from {@code from} until {@code to}. */
    public boolean wasMemberBetween(String regionCode, String authorityCode, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.prepareStatement(MEMBER_BETWEEN, statement -> {
            statement.setString(1, regionCode);
            statement.setString(2, authorityCode);
            statement.setDate(3, Date.valueOf(to));
            statement.setDate(4, Date.valueOf(from));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    /** A membership from {@code from}, open-ended, or one that ended on {@code to}. */
    public void addMember(String regionCode, String authorityCode, String phase, java.time.LocalDate from,
                          @io.micronaut.core.annotation.Nullable java.time.LocalDate to) {
        jdbc.prepareStatement(ADD_MEMBER, statement -> {
            statement.setString(1, regionCode);
            statement.setString(2, authorityCode);
            statement.setString(3, phase);
            statement.setDate(4, Date.valueOf(from));
            statement.setDate(5, to == null ? null : Date.valueOf(to));
            return statement.executeUpdate();
        });
    }

    public boolean endMembership(String regionCode, String authorityCode, java.time.LocalDate on) {
        return jdbc.prepareStatement(END_MEMBERSHIP, statement -> {
            statement.setDate(1, Date.valueOf(on));
            statement.setString(2, regionCode);
            statement.setString(3, authorityCode);
            statement.setDate(4, Date.valueOf(on));
            return statement.executeUpdate() > 0;
        });
    }

    private static MemorandumTerms terms(ResultSet rows) throws SQLException {
        String[] items = (String[]) rows.getArray("dsa_data_items").getArray();
        return new MemorandumTerms(rows.getString("region_code"), rows.getInt("version"),
                rows.getDate("effective_from").toLocalDate(), rows.getInt("cooling_off_months"),
                rows.getString("reference_standard_version"), rows.getInt("small_count_threshold"),
                new MemorandumTerms.DataSharingAgreement(rows.getString("dsa_purpose"), rows.getString("dsa_lawful_basis"),
                        Arrays.asList(items), new MemorandumTerms.Retention(rows.getInt("retention_returns_months"),
                        rows.getInt("retention_references_months"), rows.getInt("retention_audit_months"))),
                rows.getString("recorded_by"), rows.getTimestamp("recorded_at").toInstant(), rows.getString("change_reason"));
    }
}
