package exchange.workforce.benchmark;

import exchange.workforce.tenancy.AuthorityHistory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a benchmark is computed from, as of one data version: DfE's published figures (authority, regional and
 * national rows of every publication), the latest version of every authority's return of every period, and the
 * authorities through their reorganisations.
 *
 * @param published      period → area code → measure → figure (areas: authorities, joint returns, regions, England)
 * @param reported       publication → period → the authority areas (codes, joint codes) it has a row for
 * @param publicationOf  measure → the publication that holds it
 * @param censusPeriods  the census years DfE's workforce publication covers
 * @param returns        period → authority → "measure|breakdown" → figure: each authority's latest return
 * @param released       the same, as released to those outside the authority (nothing for a period not released)
 * @param customGroups   every region's own comparison groups
 */
record BenchmarkData(String version,
                     Map<String, Map<String, Map<String, Figure>>> published,
                     Map<String, Map<String, Set<String>>> reported,
                     Map<String, String> publicationOf,
                     Set<String> censusPeriods,
                     Map<String, Map<String, Map<String, Figure>>> returns,
                     Map<String, Map<String, Map<String, Figure>>> released,
                     AuthorityHistory history,
                     java.util.List<CustomGroupDao.StoredGroup> customGroups) {

    static final String ENGLAND = "E92000001";

    /** A number, or null with a symbol; where it came from (dfe or return) and, for a return, its version. */
    record Figure(BigDecimal value, String symbol, String source, Integer version) {
    }

    /** The periods of the type of {@code like} there is anything for: DfE's workforce years (for census years) and returns'. */
    Set<String> periods(exchange.workforce.returns.Period like) {
        Set<String> periods = new TreeSet<>();
        if (like.type().equals("CENSUS_YEAR")) {
            periods.addAll(censusPeriods);
        }
        returns.keySet().stream().filter(like::sameTypeAs).forEach(periods::add);
        return periods;
    }

    Optional<Figure> publishedFigure(String period, String area, String measure) {
        return Optional.ofNullable(published.getOrDefault(period, Map.of()).getOrDefault(area, Map.of()).get(measure));
    }

    Map<String, Figure> returnOf(String period, String authority) {
        return returns.getOrDefault(period, Map.of()).getOrDefault(authority, Map.of());
    }

    Map<String, Figure> releasedOf(String period, String authority) {
        return released.getOrDefault(period, Map.of()).getOrDefault(authority, Map.of());
    }

    /** Whether the publication that holds {@code measure} has a row for the area in the period. */
    boolean reports(String measure, String period, String area) {
        String publication = publicationOf.get(measure);
        return publication != null && reported.getOrDefault(publication, Map.of()).getOrDefault(period, Set.of()).contains(area);
    }
}
