package exchange.workforce.benchmark;

import exchange.workforce.measures.Symbol;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * One measure's yearly figures for one area, as benchmarks compute them.
 *
 * @param code        the area's ONS code (E92000001 for England)
 * @param name        its name (a region with a memorandum: "… memorandum", its signed members)
 * @param regionCode  the region of an authority, or the region itself; null for England
 * @param dataVersion the benchmark data version the figures come from
 */
public record AreaSeries(String code, String name, Level level, @Nullable String regionCode, String dataVersion, List<Year> years) {

    public enum Level { AUTHORITY, REGION, ENGLAND }

    /**
     * One year: the figure or the symbol standing for its absence, whether it covers only part of the area, how many
     * units it covers, where it came from and a note a person reads on a partial or missing figure.
     */
    public record Year(String period, @Nullable BigDecimal value, @Nullable Symbol symbol, boolean partial, int covered, int members,
                       FigureSource source, @Nullable String note) {

        MeasureBenchmark.Point point() {
            return new MeasureBenchmark.Point(period, value, symbol, partial, covered, members);
        }
    }
}
