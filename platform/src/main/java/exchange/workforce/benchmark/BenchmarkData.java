package exchange.workforce.benchmark;

import exchange.workforce.measures.Symbol;
import exchange.workforce.returns.PeriodType;
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
 * @param version        the data version these are as of: the day and sums of the change counters (V30), "day:others:census
 *                       years:quarters:months"
 * @param counters       each change counter: "return:", an authority code, ":" and a period type for those returns; one per other table
 * @param published      period → area code → measure → figure (areas: authorities, joint returns, regions, England)
 * @param reported       publication → period → the authority areas (codes, joint codes) it has a row for
 * @param publicationOf  measure → the publication that holds it
 * @param censusPeriods  the census years DfE's workforce publication covers
 * @param returns        period → authority → "measure|breakdown" → figure: each authority's latest return
 * @param released       the same, as released to those outside the authority (nothing for a period not released)
 * @param customGroups   every region's own comparison groups
 * @param sharingTeamFigures the councils that share their team and office figures with their memorandum (others keep them)
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
                     java.util.List<CustomGroupDao.StoredGroup> customGroups,
                     Set<String> sharingTeamFigures) {

    static final String ENGLAND = "E92000001";
    private static final String RETURNS = "return:";

    static String day(String version) {
        return version.substring(0, version.indexOf(':'));
    }

    /**
     * Whether this data is at least as new as {@code other} (a version read earlier) for reading returns of the period
     * type given (null: of every type): the same day, and sums of counters no smaller for everything but returns and
     * for returns of that type. Counters only go up and a later snapshot sees everything an earlier one did, so sums no
     * smaller mean every change of those kinds the other version counted is in this data.
     */
    boolean coversVersion(String other, PeriodType periodType) {
        String[] mine = version.split(":");
        String[] theirs = other.split(":");
        if (!mine[0].equals(theirs[0]) || Long.parseLong(mine[1]) < Long.parseLong(theirs[1])) {
            return false;
        }
        for (int part = 2; part < mine.length; part++) {
            if ((periodType == null || part == part(periodType)) && Long.parseLong(mine[part]) < Long.parseLong(theirs[part])) {
                return false;
            }
        }
        return true;
    }

    /** The version as far as returns of one period type are concerned: the day, everything but returns, that type's returns. */
    String versionOf(PeriodType periodType) {
        String[] parts = version.split(":");
        return parts[0] + ":" + parts[1] + ":" + parts[part(periodType)];
    }

    private static int part(PeriodType periodType) {
        return switch (periodType) {
            case CENSUS_YEAR -> 2;
            case QUARTER -> 3;
            case MONTH -> 4;
        };
    }

    static boolean isReturns(String scope) {
        return scope.startsWith(RETURNS);
    }

    static BenchmarkReaderDao.ReturnsOf returnsOf(String scope, long since) {
        int colon = scope.lastIndexOf(':');
        return new BenchmarkReaderDao.ReturnsOf(scope.substring(RETURNS.length(), colon), scope.substring(colon + 1), since);
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

    /** How many times the authority's returns of the period type have changed: equal counts, the same figures. */
    long returnsCounter(String authority, PeriodType periodType) {
        return counters.getOrDefault(RETURNS + authority + ":" + periodType, 0L);
    }

    /** This data with the returns of the {@code changed} periods as read afresh (a copy: this data is left as it is). */
    BenchmarkData withReturnsOf(java.util.List<BenchmarkReaderDao.PeriodOf> changed, String newVersion, Map<String, Long> newCounters,
                                Map<String, Map<String, Map<String, Figure>>> latest, Map<String, Map<String, Map<String, Figure>>> nowReleased) {
        return new BenchmarkData(newVersion, Map.copyOf(newCounters), published, reported, publicationOf, censusPeriods,
                replace(returns, changed, latest), replace(released, changed, nowReleased), history, customGroups, sharingTeamFigures);
    }

    /** The periods' maps rebuilt where an authority's figures were read again; every other period's map shared as it is. */
    private static Map<String, Map<String, Map<String, Figure>>> replace(Map<String, Map<String, Map<String, Figure>>> old,
                                                                        java.util.List<BenchmarkReaderDao.PeriodOf> changed,
                                                                        Map<String, Map<String, Map<String, Figure>>> fresh) {
        Map<String, Set<String>> reread = new java.util.HashMap<>();
        changed.forEach(c -> reread.computeIfAbsent(c.period(), p -> new java.util.HashSet<>()).add(c.authority()));
        if (reread.isEmpty()) {
            return old;
        }
        Map<String, Map<String, Map<String, Figure>>> result = new java.util.HashMap<>(old);
        for (Map.Entry<String, Set<String>> period : reread.entrySet()) {
            Map<String, Map<String, Figure>> byAuthority = old.getOrDefault(period.getKey(), Map.of());
            Map<String, Map<String, Figure>> arriving = fresh.getOrDefault(period.getKey(), Map.of());
            Map<String, Map<String, Figure>> updated = new java.util.HashMap<>(byAuthority);
            updated.keySet().removeAll(period.getValue());
            updated.putAll(arriving);
            if (updated.isEmpty()) {
                result.remove(period.getKey());
            } else {
                result.put(period.getKey(), updated);
            }
        }
        return result;
    }

    /**
     * A number, or null with a symbol; where it came from (dfe or return) and, for a return, its version; for a DfE
     * figure a later publication revised, what it was before (as DfE wrote it), else null.
     */
    record Figure(BigDecimal value, Symbol symbol, FigureSource source, Integer version, String revisedFrom) {

        Figure(BigDecimal value, Symbol symbol, FigureSource source, Integer version) {
            this(value, symbol, source, version, null);
        }
    }

    /** The periods of the type of {@code like} there is anything for: DfE's workforce years (for census years) and returns'. */
    Set<String> periods(exchange.workforce.returns.Period like) {
        Set<String> periods = new TreeSet<>();
        if (like.type() == PeriodType.CENSUS_YEAR) {
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
