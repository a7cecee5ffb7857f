package exchange.workforce.benchmark;

import exchange.workforce.identity.Caller;
import exchange.workforce.measures.Aggregate;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.memorandum.MemorandumTarget;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.visibility.Visibility;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Benchmarking a group: for each measure the headline (DfE's published figure where the group is a region or England
 * DfE has published; the median for statistical neighbours; else the platform's recomputation), the recomputation
 * beside it with its coverage, the distribution, members' ranks, England, the previous period, the time series, the
 * memorandum's target; then who-may-see-what: names only for members of a memorandum the viewer belongs to (and the
 * viewer's own authority), breakdowns only as released and under {@link DisclosureControl}.
 */
@Singleton
public class Benchmarking {

    /** The measures the dashboard and a council's page show unless asked for others: turnover, agency, vacancies, caseload. */
    public static final List<String> HEADLINE_MEASURES = List.of("turnover_rate_fte", "agency_rate_fte", "vacancy_rate_fte", "caseload_fte");


    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Benchmarking.class);

    static final String SOURCES = "Authorities' own latest census-year returns where submitted; otherwise Department for "
            + "Education, Children's social work workforce and Characteristics of children in need (Open Government Licence v3.0).";
    /** Dashboards, series and forecasts are of census years: they read no quarterly or monthly return. */
    private static final PeriodType CENSUS_YEAR = PeriodType.CENSUS_YEAR;

    /**
     * Answers by everything in the data but returns, date, viewer scope and query, each with the return counters of
     * the authorities it read: a dashboard asked again is served, not recomputed, and stays served while returns
     * arrive from authorities outside its groups.
     */
    private final java.time.Clock clock;
    private final Map<String, KeptAnswer> answers = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(500)
            .<String, KeptAnswer>build().asMap();

    private final Map<String, java.util.concurrent.CompletableFuture<KeptAnswer>> computing = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An answer and, for each authority whose returns it read, that authority's counter of returns of the answer's
     * period type when it was computed.
     */
    private record KeptAnswer(BenchmarkResponse answer, PeriodType periodType, Map<String, Long> read) {
        boolean stillTrueOf(BenchmarkData data) {
            for (Map.Entry<String, Long> authority : read.entrySet()) {
                if (data.returnsCounter(authority.getKey(), periodType) != authority.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }
    /** Areas' series by data version, area and measure (forecasting reads several per question). */
    private final Map<String, AreaSeries> seriesByArea = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000)
            .<String, AreaSeries>build().asMap();
    private final BenchmarkDataSource source;
    private final ComparisonGroups groups;
    private final MeasureCatalogue catalogue;
    private final Memoranda memoranda;
    private final Visibility visibility;

    public Benchmarking(BenchmarkDataSource source, ComparisonGroups groups, MeasureCatalogue catalogue, Memoranda memoranda,
                        Visibility visibility, java.time.Clock clock) {
        this.clock = clock;
        this.visibility = visibility;
        this.source = source;
        this.groups = groups;
        this.catalogue = catalogue;
        this.memoranda = memoranda;
    }

    @ReadOnly
    public BenchmarkResponse benchmark(Caller viewer, String groupSpec, String period, List<String> measureCodes, String breakdown) {
        ComparisonGroups.period(period);
        List<MeasureCatalogue.Measure> measures = measures(measureCodes);
        if (breakdown != null && catalogue.dimension(breakdown).isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "breakdown", "breakdown: '" + breakdown + "' is not a dimension; "
                    + "use one of " + catalogue.dimensions().stream().map(MeasureCatalogue.Dimension::code).toList() + ".");
        }
        return benchmark(viewer, groupSpec, period, measures, breakdown, source.current(PeriodType.ofLabel(period)));
    }

    /** A dashboard's answer: the benchmark, the census years to choose from and the viewer's region's own groups, from one version of the data. */
    public record Dashboard(BenchmarkResponse answer, List<String> censusYears, List<CustomGroupDao.StoredGroup> customGroups) {
    }

    /** What a dashboard shows, from one look-up of the data version; {@code period} null for the latest census year. */
    @ReadOnly
    public Dashboard dashboard(Caller viewer, String groupSpec, @io.micronaut.core.annotation.Nullable String period, List<String> measureCodes) {
        BenchmarkData data = source.current(CENSUS_YEAR);
        List<String> years = List.copyOf(data.periods(exchange.workforce.returns.Period.parse(CENSUS_YEAR, "2023").orElseThrow()));
        String chosen = period != null ? period : years.isEmpty() ? "2023" : years.get(years.size() - 1);
        ComparisonGroups.period(chosen);
        List<CustomGroupDao.StoredGroup> custom = viewer.regionCode()
                .map(region -> data.customGroups().stream().filter(g -> g.regionCode().equals(region)).toList()).orElse(List.of());
        return new Dashboard(benchmark(viewer, groupSpec, chosen, measures(measureCodes), null, data), years, custom);
    }

    private BenchmarkResponse benchmark(Caller viewer, String groupSpec, String period, List<MeasureCatalogue.Measure> measures,
                                        String breakdown, BenchmarkData data) {
        String key = String.join("|", data.withoutReturns(), String.valueOf(data.periods(ComparisonGroups.period(period)).hashCode()),
                LocalDate.now(clock).toString(), Visibility.keyOf(viewer), groupSpec.trim().toLowerCase(java.util.Locale.ROOT), period,
                measures.stream().map(MeasureCatalogue.Measure::code).collect(Collectors.joining(",")), String.valueOf(breakdown));
        KeptAnswer kept = answers.get(key);
        if (kept != null && kept.stillTrueOf(data)) {
            return kept.answer();
        }
        // one computation of a key at a time: those asking meanwhile take its answer if it is true of their data
        java.util.concurrent.CompletableFuture<KeptAnswer> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<KeptAnswer> running = computing.putIfAbsent(key, mine);
        if (running != null) {
            try {
                KeptAnswer theirs = running.join();
                if (theirs.stillTrueOf(data)) {
                    return theirs.answer();
                }
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
                // computed below, where the same failure reaches this caller as itself
            }
            return compute(viewer, groupSpec, period, measures, breakdown, data, key, kept, null);
        }
        return compute(viewer, groupSpec, period, measures, breakdown, data, key, kept, mine);
    }

    private BenchmarkResponse compute(Caller viewer, String groupSpec, String period, List<MeasureCatalogue.Measure> measures,
                                      String breakdown, BenchmarkData data, String key, KeptAnswer kept,
                                      java.util.concurrent.CompletableFuture<KeptAnswer> promised) {
        try {
            KeptAnswer answer = computeAndKeep(viewer, groupSpec, period, measures, breakdown, data, key, kept);
            if (promised != null) {
                promised.complete(answer);
            }
            return answer.answer();
        } catch (RuntimeException e) {
            if (promised != null) {
                promised.completeExceptionally(e);
            }
            throw e;
        } finally {
            if (promised != null) {
                computing.remove(key, promised);
            }
        }
    }

    private KeptAnswer computeAndKeep(Caller viewer, String groupSpec, String period, List<MeasureCatalogue.Measure> measures,
                                      String breakdown, BenchmarkData data, String key, KeptAnswer kept) {
        Computation computation = new Computation(viewer, groupSpec, data);
        BenchmarkResponse answer = computation.response(period, measures, breakdown);
        PeriodType periodType = PeriodType.ofLabel(period);
        Map<String, Long> read = computation.authoritiesRead(periodType);
        LOG.debug("Computed {} {} for {}: {} (it read {} authorities' returns)", groupSpec, period, viewer.user(),
                kept == null ? "not kept before" : "returns changed since", read.size());
        KeptAnswer fresh = new KeptAnswer(answer, periodType, read);
        answers.put(key, fresh);
        return fresh;
    }

    /**
     * A measure's yearly figures for one area: England, a region (its memorandum's members where it has one, as in
     * benchmarks) or one authority (its own latest return where it has one, else DfE's figure). The years are every
     * census year with a figure of the measure (for a children-in-need measure, every year to 31 March DfE published).
     * Who may read which area is the caller's business (forecasting decides it); which returns it is made of is
     * {@link Visibility}'s: the viewer's own and its memorandum's latest, others' only as released whole memoranda.
     */
    @ReadOnly
    public AreaSeries series(Caller viewer, String area, String measureCode) {
        return series(viewer, area, List.of(measureCode)).get(measureCode.trim());
    }

    /** Several measures' series for one area, from one version of the data (one look-up of the data version). */
    @ReadOnly
    public Map<String, AreaSeries> series(Caller viewer, String area, List<String> measureCodes) {
        List<MeasureCatalogue.Measure> measures = measures(measureCodes);
        BenchmarkData data = source.current(CENSUS_YEAR);
        String sight = Visibility.keyOf(viewer);
        Map<String, AreaSeries> answer = new LinkedHashMap<>();
        for (MeasureCatalogue.Measure measure : measures) {
            String key = data.versionOf(CENSUS_YEAR) + "|" + sight + "|" + area.trim().toLowerCase(java.util.Locale.ROOT) + "|" + measure.code();
            AreaSeries series = seriesByArea.get(key);
            if (series == null) {
                series = series(viewer, area, measure, data);
                seriesByArea.put(key, series);
            }
            answer.put(measure.code(), series);
        }
        return answer;
    }

    /** A series as computed: the same for viewers who see the same (authority and memorandum), so kept by those, data version, area and measure. */
    private AreaSeries series(Caller viewer, String area, MeasureCatalogue.Measure measure, BenchmarkData data) {
        Set<String> periods = new java.util.TreeSet<>(data.periods(exchange.workforce.returns.Period.parse(CENSUS_YEAR, "2023").orElseThrow()));
        data.published().forEach((period, areas) -> {
            Map<String, BenchmarkData.Figure> england = areas.getOrDefault(BenchmarkData.ENGLAND, Map.of());
            // a rate no one publishes (children per 10,000) has a year where England has every component of it
            boolean published = england.containsKey(measure.code()) || measure.derived() && measure.inputs().stream().allMatch(england::containsKey);
            if (published && period.matches("\\d{4}")) {
                periods.add(period);
            }
        });
        String trimmed = area.trim();
        if ("england".equalsIgnoreCase(trimmed) || BenchmarkData.ENGLAND.equals(trimmed)) {
            return new AreaSeries(BenchmarkData.ENGLAND, "England", AreaSeries.Level.ENGLAND, null, data.versionOf(CENSUS_YEAR),
                    new Computation(viewer, "england", data).series(measure, periods));
        }
        Optional<exchange.workforce.tenancy.Authority> authority = data.history().byCode(trimmed);
        if (authority.isPresent()) {
            Group.Unit unit = new Group.Unit(authority.get().code(), authority.get().name(), List.of(authority.get().code()));
            SeenReturns seen = new SeenReturns(visibility.of(viewer), data, visibility.thresholds()::ofRegion);
            List<AreaSeries.Year> years = new ArrayList<>();
            for (String period : periods) {
                BenchmarkCalculator.UnitFigure f = seen.protect(measure, period, List.of(BenchmarkCalculator.unitFigure(measure, unit, period, data, seen))).get(0);
                boolean counted = f.value() != null;
                years.add(new AreaSeries.Year(period, f.value(), f.symbol(), false, counted ? 1 : 0, 1, f.source(),
                        counted ? null : "no figure: " + MeasureBenchmark.Coverage.words(f.missingReason() == null ? "UNAVAILABLE" : f.missingReason())));
            }
            return new AreaSeries(unit.code(), unit.name(), AreaSeries.Level.AUTHORITY, authority.get().regionCode(), data.versionOf(CENSUS_YEAR), years);
        }
        return groups.regionCalled(trimmed).map(region -> {
            Computation computation = new Computation(viewer, "region:" + region.code(), data);
            List<AreaSeries.Year> years = computation.series(measure, periods);
            String name = periods.isEmpty() ? region.name() : computation.group(measure, ((java.util.TreeSet<String>) periods).last()).name();
            return new AreaSeries(region.code(), name, AreaSeries.Level.REGION, region.code(), data.versionOf(CENSUS_YEAR), years);
        }).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "area", "area: '" + area + "' is not an authority, a "
                + "region or england. Give an ONS code, e.g. E10000016 for Kent or E12000008 for the South East, or england."));
    }

    /**
     * Every area's yearly figures of one measure as DfE (and, for the population of children, ONS) published them: all
     * authorities, or the regions and England. Public figures only, never a council's return, so the same for every
     * viewer: what forecasts learn from across areas. A rate no one publishes (children per 10,000) is computed from
     * the area's published components; a symbol or a missing component is no figure. Years are whole years (YYYY).
     *
     * @return the data version the figures come from, and area code → year → figure
     */
    @ReadOnly
    public PublishedPanel publishedPanel(String measureCode, boolean authorities) {
        MeasureCatalogue.Measure measure = measures(List.of(measureCode)).get(0);
        BenchmarkData data = source.current(CENSUS_YEAR);
        Map<String, java.util.SortedMap<Integer, Double>> series = new java.util.TreeMap<>();
        data.published().forEach((period, areas) -> {
            if (!period.matches("\\d{4}")) {
                return;
            }
            int year = Integer.parseInt(period);
            areas.forEach((area, figures) -> {
                // regions and England, or authorities (a joint return is one area); London's inner and outer halves neither
                boolean isGroup = area.startsWith("E12") || BenchmarkData.ENGLAND.equals(area);
                boolean isAuthority = !isGroup && !area.startsWith("E13");
                if (authorities ? !isAuthority : !isGroup) {
                    return;
                }
                BigDecimal value = panelValue(measure, figures);
                if (value != null) {
                    series.computeIfAbsent(area, a -> new java.util.TreeMap<>()).put(year, value.doubleValue());
                }
            });
        });
        return new PublishedPanel(data.withoutReturns(), series); // published figures only: returns do not change it
    }

    /** A measure's published figures for every area of a level, by area and year. */
    public record PublishedPanel(String dataVersion, Map<String, java.util.SortedMap<Integer, Double>> series) {
    }

    private static BigDecimal panelValue(MeasureCatalogue.Measure measure, Map<String, BenchmarkData.Figure> figures) {
        BenchmarkData.Figure own = figures.get(measure.code());
        if (own != null || !measure.derived()) {
            return own == null ? null : own.value();
        }
        Map<String, BigDecimal> components = new HashMap<>();
        for (String component : measure.formula().components()) {
            BenchmarkData.Figure figure = figures.get(component);
            if (figure == null || figure.value() == null) {
                return null;
            }
            components.put(component, figure.value());
        }
        return measure.formula().rate(components).orElse(null);
    }

    /** The census years there are figures for (DfE's and returns'), newest last. */
    @ReadOnly
    public List<String> censusYears() {
        return List.copyOf(source.current(CENSUS_YEAR).periods(exchange.workforce.returns.Period.parse(CENSUS_YEAR, "2023").orElseThrow()));
    }

    /** One request's computation: the viewer, the group as asked, and the groups it resolves to per day and measure. */
    private final class Computation {

        private final Caller viewer;
        private final String spec;
        private final BenchmarkData data;
        private final Map<String, Group> resolved = new HashMap<>();
        private final Visibility.Thresholds thresholds = visibility.thresholds();
        private final SeenReturns seen;

        Computation(Caller viewer, String spec, BenchmarkData data) {
            this.viewer = viewer;
            this.spec = spec;
            this.data = data;
            this.seen = new SeenReturns(visibility.of(viewer), data, thresholds::ofRegion);
        }

        /** The authorities whose returns this computation could have read (the viewer's own, every group's), with their counters. */
        Map<String, Long> authoritiesRead(PeriodType periodType) {
            Set<String> read = new java.util.TreeSet<>();
            viewer.authorityCode().ifPresent(read::add);
            for (Group group : resolved.values()) {
                group.compared().forEach(unit -> read.addAll(unit.authorities()));
                group.units().forEach(unit -> read.addAll(unit.authorities()));
            }
            new ArrayList<>(read).forEach(code -> read.addAll(data.history().predecessorsOf(code)));
            Map<String, Long> counters = new HashMap<>();
            read.forEach(code -> counters.put(code, data.returnsCounter(code, periodType)));
            return counters;
        }

        Group group(MeasureCatalogue.Measure measure, String period) {
            LocalDate day = ComparisonGroups.referenceDay(period, measure.childrenInNeedYear());
            String probe = measure.inputs().get(0);
            return resolved.computeIfAbsent(day + "|" + period + "|" + probe, k -> groups.resolve(spec, day, period, probe, data, seen));
        }

        BenchmarkResponse response(String period, List<MeasureCatalogue.Measure> measures, String breakdown) {
            List<MeasureBenchmark> results = new ArrayList<>();
            Group first = null;
            for (MeasureCatalogue.Measure measure : measures) {
                Group group = group(measure, period);
                first = first == null ? group : first;
                results.add(measure(measure, group, period, breakdown));
            }
            boolean namesVisible = first.compared().stream().anyMatch(seen::named);
            return new BenchmarkResponse(new BenchmarkResponse.GroupInfo(first.spec(), first.name(), first.basis(), first.units().size()),
                    period, namesVisible, results, SOURCES);
        }

        private MeasureBenchmark measure(MeasureCatalogue.Measure measure, Group group, String period, String breakdown) {
            BenchmarkCalculator.GroupFigure figure = BenchmarkCalculator.compute(measure, group.units(), period, data, seen);
            Headline headline = headline(measure, group, period, figure);
            // A gap in DfE's published data is public (DfE's own file shows the symbol); any other gap (no return, a
            // gap in a return, a return withheld) is named only to the memorandum: who is missing is disclosure too.
            List<MeasureBenchmark.Missing> missing = figure.missing().stream().map(u -> u.source() == FigureSource.DFE || seen.named(u.unit())
                    ? new MeasureBenchmark.Missing(u.unit().code(), u.unit().name(), u.missingReason())
                    : new MeasureBenchmark.Missing(null, null, u.missingReason())).toList();
            MeasureBenchmark.Coverage coverage = MeasureBenchmark.Coverage.of(figure.units().size() - figure.missing().size(),
                    figure.units().size(), missing, figure.lowCounted(), headline.source());
            exchange.workforce.returns.Period thisPeriod = ComparisonGroups.period(period);
            String previousPeriod = thisPeriod.previous().label();
            Set<String> periods = data.periods(thisPeriod);
            List<MeasureBenchmark.Member> members = members(measure, group, period, previousPeriod, periods);
            List<BigDecimal> distributionValues = members.stream().filter(m -> !m.subject() && m.rank() != null)
                    .map(MeasureBenchmark.Member::value).toList();
            MeasureBenchmark.Comparator england = england(measure, period);
            MeasureBenchmark.Comparator previous = null;
            BigDecimal change = null;
            if (periods.contains(previousPeriod)) {
                Group earlier = group(measure, previousPeriod);
                Headline before = headline(measure, earlier, previousPeriod,
                        BenchmarkCalculator.compute(measure, earlier.units(), previousPeriod, data, seen));
                previous = new MeasureBenchmark.Comparator(previousPeriod, before.value(), before.symbol(), before.source());
                change = before.value() != null && headline.value() != null ? headline.value().subtract(before.value()) : null;
            }
            List<MeasureBenchmark.Point> series = series(measure, periods).stream().map(AreaSeries.Year::point).toList();
            return new MeasureBenchmark(measure.code(), measure.label(), measure.unit(), measure.better(), periodLabel(measure, period),
                    headline.value(), headline.symbol(), headline.description(), headline.partial(), coverage,
                    new MeasureBenchmark.Recomputed(figure.value(), figure.symbol(), Aggregate.describe(measure), figure.partial(), figure.lowCounted(),
                            headline.source() == FigureSource.DFE ? RoundingOfDfe.disagreement(measure, headline.value(), figure) : null),
                    distributionValues.isEmpty() ? null : distribution(distributionValues), members,
                    england, previous, change, series, target(measure, headline.value(), group, period),
                    breakdown == null ? null : breakdown(measure, breakdown, group, period));
        }

        /**
         * England's figure: as published, or, for a rate no one publishes (children per 10,000), computed from England's
         * own published components (DfE's national count over ONS's national population); null where there is neither.
         */
        private MeasureBenchmark.Comparator england(MeasureCatalogue.Measure measure, String period) {
            Optional<BenchmarkData.Figure> published = data.publishedFigure(period, BenchmarkData.ENGLAND, measure.code());
            if (published.isPresent()) {
                return new MeasureBenchmark.Comparator("England", published.get().value(), published.get().symbol(), FigureSource.DFE);
            }
            if (!measure.derived()) {
                return null;
            }
            Map<String, BigDecimal> components = new HashMap<>();
            for (String component : measure.formula().components()) {
                Optional<BenchmarkData.Figure> figure = data.publishedFigure(period, BenchmarkData.ENGLAND, component);
                if (figure.isEmpty()) {
                    return null;
                }
                if (figure.get().value() == null) {
                    return new MeasureBenchmark.Comparator("England", null, figure.get().symbol(), FigureSource.DFE);
                }
                components.put(component, figure.get().value());
            }
            return measure.formula().rate(components).map(rate -> new MeasureBenchmark.Comparator("England", rate, null, FigureSource.DFE))
                    .orElse(null);
        }

        /** The group's headline in each period, with its coverage. */
        List<AreaSeries.Year> series(MeasureCatalogue.Measure measure, Set<String> periods) {
            List<AreaSeries.Year> series = new ArrayList<>();
            for (String p : periods) {
                Group g = group(measure, p);
                BenchmarkCalculator.GroupFigure f = BenchmarkCalculator.compute(measure, g.units(), p, data, seen);
                Headline h = headline(measure, g, p, f);
                int covered = f.units().size() - f.missing().size();
                series.add(new AreaSeries.Year(p, h.value(), h.symbol(), h.partial(), covered, f.units().size(), h.source(),
                        h.partial() ? "covers " + covered + " of " + f.units().size() + (f.units().size() == 1 ? " authority" : " authorities") : null));
            }
            return series;
        }

        /** The figure a person reads first, and what it is. */
        private Headline headline(MeasureCatalogue.Measure measure, Group group, String period, BenchmarkCalculator.GroupFigure figure) {
            if (group.dfeArea() != null) {
                Optional<BenchmarkData.Figure> published = data.publishedFigure(period, group.dfeArea(), measure.code());
                if (published.isPresent()) {
                    String revised = published.get().revisedFrom() == null ? ""
                            : "; revised by DfE: it published " + published.get().revisedFrom() + " before";
                    return new Headline(published.get().value(), published.get().symbol(), "DfE's published figure for "
                            + (group.dfeArea().equals(BenchmarkData.ENGLAND) ? "England" : group.name().replace(" memorandum", ""))
                            + " (" + whatDfeIncludes(figure) + ")" + revised, false, FigureSource.DFE);
                }
            }
            if ("statistical-neighbours".equals(group.basis())) {
                List<BenchmarkCalculator.UnitFigure> neighbours = figure.units();
                List<BigDecimal> values = neighbours.stream().map(BenchmarkCalculator.UnitFigure::value).filter(java.util.Objects::nonNull).sorted().toList();
                boolean partial = values.size() < neighbours.size();
                BigDecimal median = median(values);
                // DfE's dashboard leaves a joint return out of a neighbour median; here it is one neighbour, and the answer says so
                String joint = neighbours.stream().map(BenchmarkCalculator.UnitFigure::unit).filter(u -> u.authorities().size() > 1)
                        .map(Group.Unit::name).findFirst().map(name -> "; the joint return of " + name + " counts as one neighbour "
                                + "(DfE's dashboard leaves joint returns out, so its median can differ)").orElse("");
                return new Headline(median, median == null ? Symbol.UNAVAILABLE : null, "median of the " + values.size() + " statistical neighbours' own figures"
                        + (partial ? " (of " + neighbours.size() + ")" : "") + joint + "; the pooled figure is under recomputed", partial, FigureSource.COMPUTED);
            }
            if (figure.partial()) {
                // part of a group never stands in for it: the recomputation stays under recomputed, with its coverage
                return new Headline(null, Symbol.UNAVAILABLE, "no figure for the whole of " + group.name() + ": the recomputation covers "
                        + covering(figure) + ", so it is shown as that, not as the group's figure", true, FigureSource.NONE);
            }
            return new Headline(figure.value(), figure.symbol(), "recomputed: " + Aggregate.describe(measure), false, FigureSource.COMPUTED);
        }

        /**
         * What DfE's group figure holds that the platform cannot show: authorities whose own figures DfE suppressed
         * (c) are in DfE's total; for those DfE marks unavailable (x), DfE's total carries a figure of its own it does
         * not publish (an estimate), which a recomputation cannot reproduce.
         */
        private String whatDfeIncludes(BenchmarkCalculator.GroupFigure figure) {
            long suppressed = figure.missing().stream().filter(u -> u.source() == FigureSource.DFE && u.symbol() == Symbol.SUPPRESSED).count();
            long unavailable = figure.missing().stream().filter(u -> u.source() == FigureSource.DFE && u.symbol() == Symbol.UNAVAILABLE).count();
            List<String> parts = new ArrayList<>();
            parts.add("complete: it covers every authority");
            if (suppressed > 0) {
                parts.add("including " + suppressed + (suppressed == 1 ? " whose own figure DfE suppressed" : " whose own figures DfE suppressed"));
            }
            if (unavailable > 0) {
                parts.add("with a figure of DfE's own, which it does not publish, for " + unavailable
                        + (unavailable == 1 ? " authority whose figure is unavailable" : " authorities whose figures are unavailable"));
            }
            return String.join(", ", parts);
        }

        /** Who a partial recomputation covers, in words: "Kent alone (1 of 19 members)", or "3 of 19 members" where not all are named. */
        private String covering(BenchmarkCalculator.GroupFigure figure) {
            List<Group.Unit> counted = figure.units().stream().filter(BenchmarkCalculator.UnitFigure::counted)
                    .map(BenchmarkCalculator.UnitFigure::unit).toList();
            String share = counted.size() + " of " + figure.units().size() + " members";
            if (counted.isEmpty() || counted.size() > 3 || !counted.stream().allMatch(seen::named)) {
                return share;
            }
            List<String> names = counted.stream().map(Group.Unit::name).toList();
            return (names.size() == 1 ? names.get(0) + " alone"
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)) + " (" + share + ")";
        }

        private List<MeasureBenchmark.Member> members(MeasureCatalogue.Measure measure, Group group, String period, String previousPeriod,
                                                      Set<String> periods) {
            Set<String> subjectCodes = group.subjects().stream().map(Group.Unit::code).collect(Collectors.toSet());
            // an outsider's view of a council's own return is part of group figures only, never the council's own row
            List<BenchmarkCalculator.UnitFigure> units = seen.protect(measure, period, group.compared().stream()
                    .map(u -> BenchmarkCalculator.unitFigure(measure, u, period, data, seen)).toList()).stream()
                    .map(u -> seen.outsidersReturn(u) ? new BenchmarkCalculator.UnitFigure(u.unit(), null, Symbol.SUPPRESSED,
                            SeenReturns.WITHHELD, FigureSource.RETURN, null, null, 0) : u).toList();
            Map<BenchmarkCalculator.UnitFigure, MeasureBenchmark.Flag> flags = new HashMap<>();
            for (BenchmarkCalculator.UnitFigure unit : units) {
                BigDecimal before = periods.contains(previousPeriod) || measure.childrenInNeedYear()
                        ? BenchmarkCalculator.unitFigure(measure, unit.unit(), previousPeriod, data, seen).value() : null;
                ContinuityRule.check(measure, unit.value(), before, previousPeriod).ifPresent(f -> flags.put(unit, f));
            }
            List<BenchmarkCalculator.UnitFigure> ranked = units.stream().filter(u -> u.value() != null && !flags.containsKey(u))
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
                boolean named = you || seen.named(unit.unit());
                boolean subject = subjectCodes.contains(unit.unit().code());
                members.add(new MeasureBenchmark.Member(named || subject ? unit.unit().code() : null, named || subject ? unit.unit().name() : null,
                        unit.value(), unit.symbol(), unit.source(), unit.version(), r, quartile, you, subject, flags.get(unit), unit.revisedFrom()));
            }
            members.sort(Comparator.comparing((MeasureBenchmark.Member m) -> m.rank() == null ? Integer.MAX_VALUE : m.rank()));
            return members;
        }

        /**
         * A breakdown of the group's members' returns: the viewer's own contribution as it stands, every other
         * authority's as released; each protected at its data's threshold, then combined (see DisclosureControl).
         */
        private List<MeasureBenchmark.BreakdownCell> breakdown(MeasureCatalogue.Measure measure, String dimension, Group group, String period) {
            if (!measure.breakdowns().contains(dimension)) {
                return null;
            }
            Map<Group.Unit, Map<String, BenchmarkData.Figure>> seenFigures = new LinkedHashMap<>();
            group.compared().forEach(unit -> seenFigures.put(unit, seen.breakdownOf(measure, period, unit)));
            Set<String> values = new java.util.LinkedHashSet<>(catalogue.dimension(dimension).map(MeasureCatalogue.Dimension::values).orElse(List.of()));
            if (catalogue.dimension(dimension).map(d -> d.keptByTheRegion() || d.namedByTheCouncil()).orElse(false)) {
                // a region's own list of themes, a council's own offices: the values are those the figures seen hold
                String prefix = measure.code() + "|" + dimension + "=";
                seenFigures.values().forEach(figures -> figures.keySet().stream().filter(k -> k.startsWith(prefix))
                        .map(k -> k.substring(prefix.length())).sorted().forEach(values::add));
            }
            List<String> keys = values.stream().map(v -> dimension + "=" + v).toList();
            List<Map<String, DisclosureControl.Cell>> contributions = new ArrayList<>();
            for (Group.Unit unit : group.compared()) {
                Map<String, BenchmarkData.Figure> figures = seenFigures.get(unit);
                Map<String, BigDecimal> cells = new LinkedHashMap<>();
                for (String key : keys) {
                    BenchmarkData.Figure f = figures.get(measure.code() + "|" + key);
                    if (f != null && f.value() != null) {
                        cells.put(key, f.value());
                    }
                }
                if (!cells.isEmpty()) {
                    contributions.add(measure.countsPeople() ? DisclosureControl.protect(cells, threshold(unit))
                            : cells.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new DisclosureControl.Cell(e.getValue(), null),
                            (a, b) -> a, LinkedHashMap::new)));
                }
            }
            return DisclosureControl.combine(keys, contributions).entrySet().stream()
                    .map(e -> new MeasureBenchmark.BreakdownCell(e.getKey(), e.getValue().value(), e.getValue().symbol())).toList();
        }

        /** The data's threshold: the strictest memorandum in force today that any of the unit's authorities is a member of. */
        private int threshold(Group.Unit unit) {
            return unit.authorities().stream().mapToInt(a -> thresholds.of(data.history().byCode(a)
                    .map(exchange.workforce.tenancy.Authority::regionCode).orElse(null), a)).max().orElse(Visibility.DEFAULT_THRESHOLD);
        }

        /** The region's target for the measure in force at the period's reference day, and whether the headline meets it. */
        private MeasureBenchmark.Target target(MeasureCatalogue.Measure measure, BigDecimal value, Group group, String period) {
            String region = group.regionCode() != null ? group.regionCode() : viewer.homeRegion().orElse(null);
            if (region == null || !seen.viewer().belongsTo(region)) {
                return null; // a memorandum's targets are its own: shown to its members and regional users only
            }
            LocalDate day = ComparisonGroups.referenceDay(period, measure.childrenInNeedYear());
            Optional<MemorandumTarget> target = memoranda.targetInForce(region, measure.code(), day).or(() -> memoranda.targetInForce(region, measure.code(), LocalDate.now(clock)));
            return target.map(t -> new MeasureBenchmark.Target(measure.label() + ": " + t.describe() + ", set by the " + groups.regionName(region) + " memorandum",
                    t.value(), "AT_LEAST".equals(t.comparison()) ? "at least" : "at most", t.source(), value == null ? null : t.metBy(value))).orElse(null);
        }
    }

    /** A headline: the value (or symbol), what it is, whether partial, and its source (dfe or computed). */
    private record Headline(BigDecimal value, Symbol symbol, String description, boolean partial, FigureSource source) {
    }

    private static String periodLabel(MeasureCatalogue.Measure measure, String period) {
        exchange.workforce.returns.Period p = ComparisonGroups.period(period);
        int year = p.end().getYear();
        return switch (p.type()) {
            case CENSUS_YEAR -> measure.childrenInNeedYear()
                    ? "children-in-need year 1 April " + (year - 1) + " to 31 March " + year + " (the latest ending before census day)"
                    : "census year 1 October " + (year - 1) + " to 30 September " + year;
            case QUARTER -> "quarter " + p.label() + ", " + p.start() + " to " + p.end();
            case MONTH -> "month " + p.label() + ", " + p.start() + " to " + p.end();
        };
    }

    /** The middle value, or the mean of the middle two rounded half up to the places they have, as DfE shows it (9.6 and 9.7: 9.7); null for none. */
    static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        BigDecimal a = sorted.get(n / 2 - 1);
        BigDecimal b = sorted.get(n / 2);
        return a.add(b).divide(BigDecimal.valueOf(2), Math.max(a.scale(), b.scale()), RoundingMode.HALF_UP);
    }

    private static MeasureBenchmark.Distribution distribution(List<BigDecimal> covered) {
        List<Double> values = covered.stream().map(BigDecimal::doubleValue).sorted().toList();
        return new MeasureBenchmark.Distribution("linear interpolation between closest ranks (type 7, Excel QUARTILE.INC)",
                values.size(), values.get(0), round(Quantiles.of(values, 0.25)), round(Quantiles.of(values, 0.5)),
                round(Quantiles.of(values, 0.75)), values.get(values.size() - 1));
    }

    private List<MeasureCatalogue.Measure> measures(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return catalogue.measures().stream().filter(m -> m.source().startsWith("DfE children's social work")).toList();
        }
        List<MeasureCatalogue.Measure> found = new ArrayList<>();
        List<Problem.Violation> unknown = new ArrayList<>();
        for (String code : codes) {
            catalogue.measure(code.trim()).ifPresentOrElse(found::add, () -> unknown.add(new Problem.Violation("UNKNOWN_MEASURE",
                    "measures", null, null, "'" + code.trim() + "' is not a measure" + catalogue.didYouMean(code.trim()))));
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "measures", unknown.get(0).message()
                    + ". GET /api/v1/measures lists them.", unknown);
        }
        return found;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
