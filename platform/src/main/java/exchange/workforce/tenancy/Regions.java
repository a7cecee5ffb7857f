package exchange.workforce.tenancy;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

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

    private final RegionDao dao;
    /**
     * Regions and authorities are reference data: written only by migrations, never while the service runs. So they
     * are read once per process and looked up in memory (a look-up per request, for the caller's authority or region,
     * was a database round trip per request). Memberships, which do change, are always read from the database.
     */
    private volatile List<Authority> everyAuthority;
    private volatile Map<String, String> regionNames;

    public Regions(RegionDao dao) {
        this.dao = dao;
    }

    public List<Region> regions() {
        return dao.regions();
    }

    public Optional<Region> region(String code) {
        return regions().stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
    }

    public List<Authority> authorities(String regionCode) {
        String region = regionCode == null ? "" : regionCode.toUpperCase(java.util.Locale.ROOT);
        return dao.authoritiesIn(region);
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
            loaded = dao.everyAuthority();
            everyAuthority = loaded;
        }
        return loaded;
    }

    private Map<String, String> regionNames() {
        Map<String, String> loaded = regionNames;
        if (loaded == null) {
            loaded = dao.regionNames();
            regionNames = loaded;
        }
        return loaded;
    }
}
