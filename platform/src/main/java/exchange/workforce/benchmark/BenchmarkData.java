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
 * @param version        the data version these are as of: the day and the sum of the change counters (V30)
 * @param counters       each change counter: "return:" and an authority code for its returns; one per other table
 * @param published      period → area code → measure → figure (areas: authorities, joint returns, regions, England)
 * @param reported       publication → period → the authority areas (codes, joint codes) it has a row for
 * @param publicationOf  measure → the publication that holds it
 * @param censusPeriods  the census years DfE's workforce publication covers
 * @param returns        period → authority → "measure|breakdown" → figure: each authority's latest return
 * @param released       the same, as released to those outside the authority (nothing for a period not released)
 * @param customGroups   every region's own comparison groups
 */
record BenchmarkData(String version,
                     Map<String, Long> counters,
                     Map<String, Map<String, Map<String, Figure>>> published,
                     Map<String, Map<String, Set<String>>> reported,
                     Map<String, String> publicationOf,
                     Set<String> censusPeriods,
                     Map<String, Map<String, Map<String, Figure>>> returns,
                     Map<String, Map<String, Map<String, Figure>>> released,
                     AuthorityHistory history,
                     java.util.List<CustomGroupDao.StoredGroup> customGroups) {

    static final String ENGLAND = "E92000001";
    private static final String RETURNS = "return:";

    static String day(String version) {
        return version.substring(0, version.indexOf(':'));
    }

    static boolean isReturns(String scope) {
        return scope.startsWith(RETURNS);
    }

    static String authorityOf(String scope) {
        return scope.substring(RETURNS.length());
    }

    /** The counters of everything but returns: when these and the day are unchanged, only returns have moved. */
    static Map<String, Long> otherThanReturns(Map<String, Long> counters) {
        Map<String, Long> others = new java.util.HashMap<>(counters);
        others.keySet().removeIf(BenchmarkData::isReturns);
        return others;
    }

    /**
     * What does not change with one authority's return: the day and every counter but returns'. An answer computed
     * from this data stays right while this, the periods of its type there are figures for, and the return counters
     * of the authorities it read are unchanged.
     */
    String withoutReturns() {
        return day(version) + "|" + new java.util.TreeMap<>(otherThanReturns(counters));
    }

    /** How many times the authority's returns have changed: equal counts, the same figures. */
    long returnsCounter(String authority) {
        return counters.getOrDefault(RETURNS + authority, 0L);
    }

    /** This data with the returns of {@code authorities} as read afresh (a copy: this data is left as it is). */
    BenchmarkData withReturnsOf(Set<String> authorities, String newVersion, Map<String, Long> newCounters,
                                Map<String, Map<String, Map<String, Figure>>> latest, Map<String, Map<String, Map<String, Figure>>> nowReleased) {
        return new BenchmarkData(newVersion, Map.copyOf(newCounters), published, reported, publicationOf, censusPeriods,
                replace(returns, authorities, latest), replace(released, authorities, nowReleased), history, customGroups);
    }

    private static Map<String, Map<String, Map<String, Figure>>> replace(Map<String, Map<String, Map<String, Figure>>> old, Set<String> authorities,
                                                                        Map<String, Map<String, Map<String, Figure>>> fresh) {
        Map<String, Map<String, Map<String, Figure>>> result = new java.util.HashMap<>();
        Set<String> periods = new java.util.HashSet<>(old.keySet());
        periods.addAll(fresh.keySet());
        for (String period : periods) {
            Map<String, Map<String, Figure>> byAuthority = old.getOrDefault(period, Map.of());
            Map<String, Map<String, Figure>> arriving = fresh.getOrDefault(period, Map.of());
            if (arriving.isEmpty() && java.util.Collections.disjoint(byAuthority.keySet(), authorities)) {
                result.put(period, byAuthority); // untouched: shared, never changed in place
                continue;
            }
            Map<String, Map<String, Figure>> updated = new java.util.HashMap<>(byAuthority);
            updated.keySet().removeAll(authorities);
            updated.putAll(arriving);
            if (!updated.isEmpty()) {
                result.put(period, updated);
            }
        }
        return result;
    }

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
