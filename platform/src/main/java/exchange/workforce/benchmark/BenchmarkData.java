package exchange.workforce.benchmark;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a benchmark is computed from, as of one data version: DfE's published workforce figures (authority,
 * regional and national rows) and the latest version of every authority's census-year return.
 *
 * @param published    period → area code → measure → figure (areas: authorities, joint returns, regions, England)
 * @param areas        period → authority area code (may be a joint code) → its name and region, as DfE published it
 * @param returns      period → authority → "measure|breakdown" → figure
 */
record BenchmarkData(String version,
                     Map<String, Map<String, Map<String, Figure>>> published,
                     Map<String, Map<String, Area>> areas,
                     Map<String, Map<String, Map<String, Figure>>> returns) {

    static final String ENGLAND = "E92000001";

    /** A number, or null with a symbol; where it came from (dfe or return) and, for a return, its version. */
    record Figure(BigDecimal value, String symbol, String source, Integer version) {
    }

    /** An authority (or joint return) as DfE published it for a period, in its ONS region (London is one region). */
    record Area(String code, String name, String regionCode) {
    }

    Set<String> periods() {
        Set<String> periods = new TreeSet<>(published.keySet());
        periods.addAll(returns.keySet());
        return periods;
    }

    Optional<Figure> publishedFigure(String period, String area, String measure) {
        return Optional.ofNullable(published.getOrDefault(period, Map.of()).getOrDefault(area, Map.of()).get(measure));
    }

    Map<String, Figure> returnOf(String period, String authority) {
        return returns.getOrDefault(period, Map.of()).getOrDefault(authority, Map.of());
    }

    Map<String, Area> areasOf(String period) {
        return areas.getOrDefault(period, Map.of());
    }
}
