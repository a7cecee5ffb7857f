package exchange.workforce.tenancy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Regions, their authorities and their current members' count, as the database has them ({@link Regions} holds them). */
@Singleton
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

    private static final String EVERY_AUTHORITY = "select " + AUTHORITY_COLUMNS + " from authority";
    private static final String REGION_NAMES = "select code, name from region";

    private final JdbcOperations jdbc;

    RegionDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Region> regions() {
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

    /** The region's authorities by name, or every authority for the region code "". */
    List<Authority> authoritiesIn(String region) {
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

    List<Authority> everyAuthority() {
        return jdbc.prepareStatement(EVERY_AUTHORITY, statement -> {
            List<Authority> authorities = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    authorities.add(authority(rows));
                }
            }
            return List.copyOf(authorities);
        });
    }

    Map<String, String> regionNames() {
        return jdbc.prepareStatement(REGION_NAMES, statement -> {
            Map<String, String> names = new java.util.LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString("code"), rows.getString("name"));
                }
            }
            return java.util.Collections.unmodifiableMap(names);
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
