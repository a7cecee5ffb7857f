package exchange.workforce.tenancy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference data every feature reads, regions and authorities, held in memory (see below); and the memberships of
 * each region, read from the database. Joins the caller's transaction, or opens a read-only one.
 */
@Singleton
@ReadOnly
public class Regions {

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
    /**
     * Regions and authorities are reference data: written only by migrations, never while the service runs. So they
     * are read once per process and looked up in memory (a look-up per request, for the caller's authority or region,
     * was a database round trip per request). Memberships, which do change, are always read from the database.
     */
    private volatile List<Authority> everyAuthority;
    private volatile Map<String, String> regionNames;

    public Regions(JdbcOperations jdbc) {
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

    /** The authority with the ONS code, or the DfE number (the current authority where a number names an old and a new one). */
    public Optional<Authority> authority(String code) {
        String wanted = code.trim();
        return everyAuthority().stream().filter(a -> a.code().equalsIgnoreCase(wanted) || wanted.equals(a.dfeNumber()))
                .min(java.util.Comparator.comparing((Authority a) -> !a.active()).thenComparing(a -> -a.lastPublishedYear()));
    }

    /** The region's ONS code as stored, if there is a region with this code. */
    public Optional<String> regionCode(String code) {
        return regionNames().keySet().stream().filter(c -> c.equalsIgnoreCase(code.trim())).findFirst();
    }

    /** The region's name, if there is a region with this code. */
    public Optional<String> regionName(String code) {
        return regionCode(code).map(regionNames()::get);
    }

    private List<Authority> everyAuthority() {
        List<Authority> loaded = everyAuthority;
        if (loaded == null) {
            loaded = jdbc.prepareStatement(EVERY_AUTHORITY, statement -> {
                List<Authority> authorities = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        authorities.add(authority(rows));
                    }
                }
                return List.copyOf(authorities);
            });
            everyAuthority = loaded;
        }
        return loaded;
    }

    private Map<String, String> regionNames() {
        Map<String, String> loaded = regionNames;
        if (loaded == null) {
            loaded = jdbc.prepareStatement(REGION_NAMES, statement -> {
                Map<String, String> names = new java.util.LinkedHashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.put(rows.getString("code"), rows.getString("name"));
                    }
                }
                return java.util.Collections.unmodifiableMap(names);
            });
            regionNames = loaded;
        }
        return loaded;
    }

    private static Authority authority(ResultSet rows) throws SQLException {
        return new Authority(rows.getString("gss_code"), rows.getString("dfe_number"), rows.getString("name"),
                rows.getString("region_code"), rows.getString("sub_region"), rows.getInt("first_published_year"),
                rows.getInt("last_published_year"), rows.getBoolean("active"), rows.getString("joint_return_code"),
                rows.getObject("established", java.time.LocalDate.class), rows.getObject("abolished", java.time.LocalDate.class),
                List.of((String[]) rows.getArray("predecessors").getArray()));
    }
}
