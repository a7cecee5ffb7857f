package exchange.workforce.tenancy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the reference data: regions and authorities. Joins the caller's transaction, or opens a read-only one. */
@Singleton
@ReadOnly
public class RegionDao {

    private static final String REGIONS = """
            select r.code, r.name,
                   (select count(*) from memorandum_membership m
                     where m.region_code = r.code
                       and membership_in_force(m.effective_from, m.effective_to, current_date)) as current_members
              from region r order by r.name""";
    private static final String AUTHORITY_COLUMNS = """
            gss_code, dfe_number, name, region_code, sub_region, first_published_year, last_published_year, active,
            joint_return_code, established, abolished, predecessors""";
    private static final String AUTHORITIES_IN_REGION =
            "select " + AUTHORITY_COLUMNS + " from authority where region_code = ? or ? = '' order by name, gss_code";
    /** A DfE number may name an old and a new authority; the current one wins. */
    private static final String AUTHORITY_BY_CODE = "select " + AUTHORITY_COLUMNS + " " + """
             from authority where gss_code = upper(?) or dfe_number = ?
             order by active desc, last_published_year desc limit 1""";

    private final JdbcOperations jdbc;

    public RegionDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> regions() {
        return jdbc.prepareStatement(REGIONS, statement -> {
            List<Region> regions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    regions.add(new Region(rows.getString("code"), rows.getString("name"), rows.getInt("current_members")));
                }
            }
            return regions;
        });
    }

    public Optional<Region> region(String code) {
        return regions().stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
    }

    public List<Authority> authorities(String regionCode) {
        String region = regionCode == null ? "" : regionCode.toUpperCase(java.util.Locale.ROOT);
        return jdbc.prepareStatement(AUTHORITIES_IN_REGION, statement -> {
            statement.setString(1, region);
            statement.setString(2, region);
            List<Authority> authorities = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    authorities.add(authority(rows));
                }
            }
            return authorities;
        });
    }

    public Optional<Authority> authority(String code) {
        return jdbc.prepareStatement(AUTHORITY_BY_CODE, statement -> {
            statement.setString(1, code.trim());
            statement.setString(2, code.trim());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(authority(rows)) : Optional.empty();
            }
        });
    }

    private static Authority authority(ResultSet rows) throws SQLException {
        return new Authority(rows.getString("gss_code"), rows.getString("dfe_number"), rows.getString("name"),
                rows.getString("region_code"), rows.getString("sub_region"), rows.getInt("first_published_year"),
                rows.getInt("last_published_year"), rows.getBoolean("active"), rows.getString("joint_return_code"),
                rows.getObject("established", java.time.LocalDate.class), rows.getObject("abolished", java.time.LocalDate.class),
                List.of((String[]) rows.getArray("predecessors").getArray()));
    }
}
