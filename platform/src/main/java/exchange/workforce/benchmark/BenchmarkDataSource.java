package exchange.workforce.benchmark;

import exchange.workforce.measures.Symbol;
import exchange.workforce.returns.PeriodType;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads the benchmark data and keeps the last load in memory for as long as the database's data version is the
 * same. Each request asks the database for the version (the day and the sums of the change counters by kind, V30:
 * one cheap query), so every replica serves what is in PostgreSQL. When only returns changed, only the periods whose
 * returns changed are read again and put in place of their old figures (a copy: requests reading the previous data
 * keep it whole); anything else (an import, a memorandum, a release, a window, a group, a new day) reloads it all.
 */
@Singleton
public class BenchmarkDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkDataSource.class);
    /** The publication whose years are census years (to 30 September): the workforce census. */
    static final String WORKFORCE = "csww_indicators";

    private final PublishedFiguresDao figures;
    private final BenchmarkReaderDao reader;
    private final AtomicReference<BenchmarkData> cached = new AtomicReference<>();

    private final exchange.workforce.tenancy.Regions regions;
    private final CustomGroupDao customGroups;

    public BenchmarkDataSource(PublishedFiguresDao figures, BenchmarkReaderDao reader, exchange.workforce.tenancy.Regions regions,
                               CustomGroupDao customGroups) {
        this.figures = figures;
        this.reader = reader;
        this.regions = regions;
        this.customGroups = customGroups;
    }

    /** The data, fresh for reading returns of every period type. */
    @ReadOnly
    public BenchmarkData current() {
        return current(null);
    }

    /**
     * The data, fresh for reading returns of {@code periodType} (CENSUS_YEAR, QUARTER, MONTH; null for every type):
     * while monthly returns arrive, census-year readers do not wait for them to be read.
     */
    @ReadOnly
    public BenchmarkData current(PeriodType periodType) {
        String version = figures.dataVersion();
        BenchmarkData data = cached.get();
        if (data != null && data.coversVersion(version, periodType)) {
            return data;
        }
        synchronized (this) { // one refresh at a time; those who waited for it find their version covered
            data = cached.get();
            if (data != null && data.coversVersion(version, periodType)) {
                return data;
            }
            BenchmarkData refreshed = refresh(data);
            cached.set(refreshed);
            return refreshed;
        }
    }

    private BenchmarkData refresh(BenchmarkData previous) {
        long started = System.nanoTime();
        Map<String, Map<String, Map<String, BenchmarkData.Figure>>> latest = new HashMap<>();
        Map<String, Map<String, Map<String, BenchmarkData.Figure>>> released = new HashMap<>();
        String[] version = new String[1];
        Map<String, Long> counters = new HashMap<>();
        BenchmarkReaderDao.Reload[] reload = new BenchmarkReaderDao.Reload[1];
        List<BenchmarkReaderDao.PeriodOf> changed = new java.util.ArrayList<>();
        Set<String> sharing = new java.util.HashSet<>();
        reader.refresh((v, c) -> {
            version[0] = v;
            counters.putAll(c);
            reload[0] = reloadFor(previous, v, c);
            return reload[0];
        }, changed::addAll, rows -> collect(rows, latest), rows -> collect(rows, released), rows -> {
            while (rows.next()) {
                sharing.add(rows.getString(1));
            }
        });
        BenchmarkData refreshed;
        if (reload[0].everything()) {
            refreshed = load(version[0], counters, latest, released, sharing);
        } else {
            refreshed = previous.withReturnsOf(changed, version[0], counters, latest, released);
        }
        LOG.debug("Benchmark data {} to version {} ({} ms)", reload[0].everything() ? "loaded" : "refreshed for "
                + changed, version[0], (System.nanoTime() - started) / 1_000_000);
        return refreshed;
    }

    /** Every return reloaded unless the day and every counter but returns' are as before; then the returns whose counters moved. */
    static BenchmarkReaderDao.Reload reloadFor(BenchmarkData previous, String version, Map<String, Long> counters) {
        if (previous == null || !BenchmarkData.day(previous.version()).equals(BenchmarkData.day(version))
                || !BenchmarkData.otherThanReturns(previous.counters()).equals(BenchmarkData.otherThanReturns(counters))) {
            return new BenchmarkReaderDao.Reload(true, Set.of());
        }
        Set<BenchmarkReaderDao.ReturnsOf> moved = new java.util.HashSet<>();
        Set<String> scopes = new java.util.HashSet<>(counters.keySet());
        scopes.addAll(previous.counters().keySet());
        for (String scope : scopes) {
            if (BenchmarkData.isReturns(scope) && !java.util.Objects.equals(counters.get(scope), previous.counters().get(scope))) {
                moved.add(BenchmarkData.returnsOf(scope, previous.counters().getOrDefault(scope, 0L)));
            }
        }
        return new BenchmarkReaderDao.Reload(false, moved);
    }

    private BenchmarkData load(String version, Map<String, Long> counters, Map<String, Map<String, Map<String, BenchmarkData.Figure>>> returns,
                               Map<String, Map<String, Map<String, BenchmarkData.Figure>>> released, Set<String> sharingTeamFigures) {
        Map<String, Map<String, Map<String, BenchmarkData.Figure>>> published = new HashMap<>();
        Map<String, Map<String, java.util.Set<String>>> reported = new HashMap<>();
        Map<String, String> publicationOf = new HashMap<>();
        java.util.Set<String> censusPeriods = new java.util.TreeSet<>();
        figures.eachPublished(row -> {
            published.computeIfAbsent(row.period(), p -> new HashMap<>()).computeIfAbsent(row.area(), a -> new HashMap<>())
                    .put(row.measure(), new BenchmarkData.Figure(row.value(), Symbol.stored(row.symbol()), FigureSource.DFE, null,
                            earlier(row.earlierValue(), row.earlierSymbol())));
            publicationOf.putIfAbsent(row.measure(), row.publication());
            if ("Local authority".equals(row.geographicLevel())) {
                reported.computeIfAbsent(row.publication(), p -> new HashMap<>()).computeIfAbsent(row.period(), p -> new java.util.HashSet<>())
                        .add(row.area());
            }
            if (WORKFORCE.equals(row.publication())) {
                censusPeriods.add(row.period());
            }
        });
        return new BenchmarkData(version, Map.copyOf(counters), published, reported, publicationOf, censusPeriods, returns, released,
                new exchange.workforce.tenancy.AuthorityHistory(regions.authorities("")), List.copyOf(customGroups.all()), Set.copyOf(sharingTeamFigures));
    }

    /** What a revised figure was before DfE revised it, as DfE wrote it; null if DfE never revised it. */
    private static String earlier(java.math.BigDecimal value, String symbol) {
        return value != null ? value.toPlainString() : symbol;
    }

    private static void collect(ResultSet rows, Map<String, Map<String, Map<String, BenchmarkData.Figure>>> into) throws java.sql.SQLException {
        while (rows.next()) {
            into.computeIfAbsent(rows.getString("period"), p -> new HashMap<>())
                    .computeIfAbsent(rows.getString("authority_code"), a -> new HashMap<>())
                    .put(rows.getString("measure") + "|" + rows.getString("breakdown"), new BenchmarkData.Figure(
                            rows.getBigDecimal("value"), Symbol.stored(rows.getString("symbol")), FigureSource.RETURN, rows.getInt("version")));
        }
    }
}
