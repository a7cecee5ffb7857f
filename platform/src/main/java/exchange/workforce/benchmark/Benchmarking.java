package exchange.workforce.benchmark;

import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.memorandum.MemorandumDao;
import exchange.workforce.memorandum.MemorandumTerms;
import exchange.workforce.memorandum.Membership;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Benchmarking a group: computes each measure's figure, coverage, distribution, members' ranks, England, the
 * previous period and the time series; then applies who-may-see-what where the data is queried: names only for
 * members of a memorandum the viewer belongs to (and the viewer's own authority), and small counts of people in
 * breakdowns suppressed with secondary suppression.
 */
@Singleton
public class Benchmarking {

    static final String SOURCES = "Authorities' own latest census-year returns where submitted; otherwise Department for "
            + "Education, Children's social work workforce (Open Government Licence v3.0).";
    private static final int DEFAULT_THRESHOLD = 5;

    /** Answers by data version, date, viewer scope and query: a dashboard asked again is served, not recomputed. */
    private final Map<String, BenchmarkResponse> answers = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BenchmarkResponse> eldest) {
                    return size() > 500;
                }
            });
    private final BenchmarkDataSource source;
    private final ComparisonGroups groups;
    private final MeasureCatalogue catalogue;
    private final MemorandumDao memoranda;

    public Benchmarking(BenchmarkDataSource source, ComparisonGroups groups, MeasureCatalogue catalogue, MemorandumDao memoranda) {
        this.source = source;
        this.groups = groups;
        this.catalogue = catalogue;
        this.memoranda = memoranda;
    }

    @ReadOnly
    public BenchmarkResponse benchmark(Caller viewer, String groupSpec, String period, List<String> measureCodes, String breakdown) {
        ComparisonGroups.census(period);
        List<MeasureCatalogue.Measure> measures = measures(measureCodes);
        if (breakdown != null && catalogue.dimension(breakdown).isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "breakdown", "breakdown: '" + breakdown + "' is not a dimension; "
                    + "use one of " + catalogue.dimensions().stream().map(MeasureCatalogue.Dimension::code).toList() + ".");
        }
        BenchmarkData data = source.current();
        String key = String.join("|", data.version(), LocalDate.now().toString(), viewer.authorityCode().orElse("-"),
                viewer.regionCode().orElse("-"), groupSpec.trim().toLowerCase(java.util.Locale.ROOT), period,
                measures.stream().map(MeasureCatalogue.Measure::code).collect(Collectors.joining(",")), String.valueOf(breakdown));
        BenchmarkResponse cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        BenchmarkResponse answer = compute(viewer, groupSpec, period, measures, breakdown, data);
        answers.put(key, answer);
        return answer;
    }

    private BenchmarkResponse compute(Caller viewer, String groupSpec, String period, List<MeasureCatalogue.Measure> measures,
                                      String breakdown, BenchmarkData data) {
        Map<String, Group> byPeriod = new HashMap<>();
        Group group = byPeriod.computeIfAbsent(period, p -> groups.resolve(groupSpec, p, data));
        Set<String> visible = namedFor(viewer);
        int threshold = terms(group, viewer).map(MemorandumTerms::smallCountThreshold).orElse(DEFAULT_THRESHOLD);
        List<MeasureBenchmark> results = new ArrayList<>();
        for (MeasureCatalogue.Measure measure : measures) {
            results.add(measure(measure, group, period, data, byPeriod, groupSpec, viewer, visible, threshold, breakdown));
        }
        boolean namesVisible = group.units().stream().anyMatch(u -> visible.containsAll(u.authorities()));
        return new BenchmarkResponse(new BenchmarkResponse.GroupInfo(group.spec(), group.name(), group.basis(), group.units().size()),
                period, namesVisible, results, SOURCES);
    }

    private MeasureBenchmark measure(MeasureCatalogue.Measure measure, Group group, String period, BenchmarkData data,
                                     Map<String, Group> byPeriod, String spec, Caller viewer, Set<String> visible, int threshold,
                                     String breakdown) {
        BenchmarkCalculator.GroupFigure figure = BenchmarkCalculator.compute(measure, group, period, data);
        List<BenchmarkCalculator.UnitFigure> covered = figure.units().stream().filter(u -> u.value() != null).toList();
        // A gap in DfE's published data is public (DfE's own file shows the symbol); a gap in a member's return is named
        // only to its memorandum. Values are never named to non-members, whatever their source (see members()).
        List<MeasureBenchmark.Missing> missing = figure.missing().stream().map(u -> !"return".equals(u.source()) || visible.containsAll(u.unit().authorities())
                ? new MeasureBenchmark.Missing(u.unit().code(), u.unit().name(), u.missingReason())
                : new MeasureBenchmark.Missing(null, null, u.missingReason())).toList();
        MeasureBenchmark.Distribution distribution = covered.isEmpty() ? null : distribution(covered);
        List<MeasureBenchmark.Member> members = members(measure, figure.units(), viewer, visible);
        BenchmarkData.Figure england = data.publishedFigure(period, BenchmarkData.ENGLAND, measure.code()).orElse(null);
        String previousPeriod = Integer.toString(Integer.parseInt(period) - 1);
        MeasureBenchmark.Comparator previous = null;
        BigDecimal change = null;
        if (data.periods().contains(previousPeriod)) {
            Group earlier = byPeriod.computeIfAbsent(previousPeriod, p -> groups.resolve(spec, p, data));
            BenchmarkCalculator.GroupFigure before = BenchmarkCalculator.compute(measure, earlier, previousPeriod, data);
            previous = new MeasureBenchmark.Comparator(previousPeriod, before.value(), before.symbol(), "computed");
            change = before.value() != null && figure.value() != null ? figure.value().subtract(before.value()) : null;
        }
        List<MeasureBenchmark.Point> series = new ArrayList<>();
        for (String p : data.periods()) {
            Group g = byPeriod.computeIfAbsent(p, q -> groups.resolve(spec, q, data));
            BenchmarkCalculator.GroupFigure f = BenchmarkCalculator.compute(measure, g, p, data);
            series.add(new MeasureBenchmark.Point(p, f.value(), f.symbol(), !f.missing().isEmpty(), f.units().size() - f.missing().size(), f.units().size()));
        }
        return new MeasureBenchmark(measure.code(), measure.label(), measure.unit(), measure.better(), figure.value(), figure.symbol(),
                !figure.missing().isEmpty(), MeasureBenchmark.Coverage.of(covered.size(), figure.units().size(), missing),
                distribution, members,
                england == null ? null : new MeasureBenchmark.Comparator("England", england.value(), england.symbol(), "dfe"),
                previous, change, series, target(measure, figure.value(), group, viewer),
                breakdown == null ? null : breakdown(measure, breakdown, group, period, data, threshold));
    }

    private List<MeasureBenchmark.Member> members(MeasureCatalogue.Measure measure, List<BenchmarkCalculator.UnitFigure> units,
                                                  Caller viewer, Set<String> visible) {
        List<BenchmarkCalculator.UnitFigure> ranked = units.stream().filter(u -> u.value() != null)
                .sorted(Comparator.comparing(BenchmarkCalculator.UnitFigure::value,
                        "lower".equals(measure.better()) ? Comparator.naturalOrder() : Comparator.<BigDecimal>reverseOrder())).toList();
        Map<BenchmarkCalculator.UnitFigure, Integer> rank = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            boolean tie = i > 0 && ranked.get(i).value().compareTo(ranked.get(i - 1).value()) == 0;
            rank.put(ranked.get(i), tie ? rank.get(ranked.get(i - 1)) : i + 1);
        }
        List<MeasureBenchmark.Member> members = new ArrayList<>();
        for (BenchmarkCalculator.UnitFigure unit : units) {
            Integer r = rank.get(unit);
            Integer quartile = r == null ? null : Math.min(4, 1 + (4 * (r - 1)) / ranked.size());
            boolean you = viewer.authorityCode().map(unit.unit().authorities()::contains).orElse(false);
            boolean named = you || visible.containsAll(unit.unit().authorities());
            members.add(new MeasureBenchmark.Member(named ? unit.unit().code() : null, named ? unit.unit().name() : null,
                    unit.value(), unit.symbol(), unit.source(), unit.version(), r, quartile, you));
        }
        members.sort(Comparator.comparing((MeasureBenchmark.Member m) -> m.rank() == null ? Integer.MAX_VALUE : m.rank()));
        return members;
    }

    private static MeasureBenchmark.Distribution distribution(List<BenchmarkCalculator.UnitFigure> covered) {
        List<Double> values = covered.stream().map(u -> u.value().doubleValue()).sorted().toList();
        return new MeasureBenchmark.Distribution("linear interpolation between closest ranks (type 7, Excel QUARTILE.INC)",
                values.size(), values.get(0), round(Quantiles.of(values, 0.25)), round(Quantiles.of(values, 0.5)),
                round(Quantiles.of(values, 0.75)), values.get(values.size() - 1));
    }

    private List<MeasureBenchmark.BreakdownCell> breakdown(MeasureCatalogue.Measure measure, String dimension, Group group,
                                                          String period, BenchmarkData data, int threshold) {
        if (!measure.breakdowns().contains(dimension)) {
            return null;
        }
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (String value : catalogue.dimension(dimension).map(MeasureCatalogue.Dimension::values).orElse(List.of())) {
            String key = measure.code() + "|" + dimension + "=" + value;
            BigDecimal sum = null;
            for (Group.Unit unit : group.units()) {
                BenchmarkData.Figure f = data.returnOf(period, unit.code()).get(key);
                if (f != null && f.value() != null) {
                    sum = sum == null ? f.value() : sum.add(f.value());
                }
            }
            if (sum != null) {
                cells.put(dimension + "=" + value, sum);
            }
        }
        Map<String, DisclosureControl.Cell> shown = measure.countsPeople() ? DisclosureControl.suppress(cells, threshold)
                : cells.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new DisclosureControl.Cell(e.getValue(), null),
                (a, b) -> a, LinkedHashMap::new));
        return shown.entrySet().stream().map(e -> new MeasureBenchmark.BreakdownCell(e.getKey(), e.getValue().value(), e.getValue().symbol())).toList();
    }

    /** The memorandum's target that 85% of social workers are permanent, i.e. an agency rate of at most 15%. */
    private MeasureBenchmark.Target target(MeasureCatalogue.Measure measure, BigDecimal value, Group group, Caller viewer) {
        if (!"agency_rate_fte".equals(measure.code())) {
            return null;
        }
        return terms(group, viewer).filter(t -> t.permanentStaffTargetPercent() != null).map(t -> {
            BigDecimal threshold = BigDecimal.valueOf(100).subtract(t.permanentStaffTargetPercent());
            return new MeasureBenchmark.Target("At least " + t.permanentStaffTargetPercent().stripTrailingZeros().toPlainString()
                    + "% of social workers permanent (memorandum of " + t.regionCode() + ", version " + t.version() + ")",
                    threshold, "at most", value == null ? null : value.compareTo(threshold) <= 0);
        }).orElse(null);
    }

    private java.util.Optional<MemorandumTerms> terms(Group group, Caller viewer) {
        String region = group.regionCode() != null ? group.regionCode() : viewer.homeRegion().orElse(null);
        return region == null ? java.util.Optional.empty() : memoranda.termsInForce(region, LocalDate.now());
    }

    /** The authorities whose names the viewer may see: members of the viewer's memorandum, if the viewer is in one. */
    private Set<String> namedFor(Caller viewer) {
        LocalDate today = LocalDate.now();
        java.util.Optional<String> region = viewer.regionCode().or(() -> viewer.authorityCode()
                .filter(a -> memoranda.isSignatoryOn(a, today)).flatMap(a -> viewer.homeRegion()));
        Set<String> names = new java.util.HashSet<>();
        viewer.authorityCode().ifPresent(names::add);
        region.ifPresent(r -> memoranda.membersOn(r, today).stream().map(Membership::authorityCode).forEach(names::add));
        return names;
    }

    private List<MeasureCatalogue.Measure> measures(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return catalogue.measures().stream().filter(m -> m.source().startsWith("DfE children's social work")).toList();
        }
        List<MeasureCatalogue.Measure> found = new ArrayList<>();
        List<Problem.Violation> unknown = new ArrayList<>();
        for (String code : codes) {
            catalogue.measure(code.trim()).ifPresentOrElse(found::add, () -> unknown.add(new Problem.Violation("UNKNOWN_MEASURE",
                    "measures", null, null, "'" + code.trim() + "' is not a measure" + suggestion(code.trim()))));
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "measures", unknown.get(0).message()
                    + ". GET /api/v1/measures lists them.", unknown);
        }
        return found;
    }

    private String suggestion(String typed) {
        var distance = LevenshteinDistance.getDefaultInstance();
        return catalogue.measures().stream().min(Comparator.comparingInt(m -> distance.apply(typed, m.code())))
                .filter(m -> distance.apply(typed, m.code()) <= 4).map(m -> "; did you mean " + m.code() + "?").orElse("");
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
