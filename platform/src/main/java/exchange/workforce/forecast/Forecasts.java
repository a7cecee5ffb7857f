package exchange.workforce.forecast;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.benchmark.AreaSeries;
import exchange.workforce.benchmark.Benchmarking;
import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.memorandum.Membership;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Forecasts and plans for workforce planners: reads each series through benchmarking (so a forecast has the same
 * coverage and partial rules as a benchmark), projects it from the origin with the method its backtest chose, and
 * applies a saved scenario. Projections are kept per data version, so asking again costs a look-up.
 */
@Singleton
public class Forecasts {

    /** The measure the plan computes rather than the catalogue: FTE required by projected demand. */
    public static final String REQUIRED_FTE = "required_fte";
    static final int DEFAULT_HORIZON = 3;
    static final int MAX_HORIZON = 10;
    static final String SOURCE = "Department for Education, Children's social work workforce (30 September) and Characteristics "
            + "of children in need (31 March), Open Government Licence v3.0; members' own returns where submitted.";
    private static final String DEMAND = "at31_episodes";
    /** Every series the plan reads, fetched together. */
    private static final List<String> PLAN_MEASURES = List.of("inpost_fte", "starters_fte", "leavers_fte", "turnover_rate_fte", "agency_fte",
            DEMAND, "cases", "case_holders_fte", "caseload_fte");

    private final Map<String, Projection> projections = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000)
            .<String, Projection>build().asMap();
    /** Pooled backtests by the published data's version, measure, level and origin: one per question a planner can ask. */
    private final Map<String, PooledBacktest> backtests = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(500)
            .<String, PooledBacktest>build().asMap();
    private final Benchmarking benchmarking;
    private final MeasureCatalogue catalogue;
    private final Memoranda memoranda;
    private final ScenarioDao scenarios;
    private final Regions regions;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public Forecasts(Benchmarking benchmarking, MeasureCatalogue catalogue, Memoranda memoranda, ScenarioDao scenarios,
                     Regions regions, TenantTransactions transactions, AuditTrail audit, Clock clock) {
        this.benchmarking = benchmarking;
        this.catalogue = catalogue;
        this.memoranda = memoranda;
        this.scenarios = scenarios;
        this.regions = regions;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The query as asked, checked: which area, measure, origin and horizon, and which scenario. */
    public record Query(String area, String measure, @Nullable String origin, int horizon, @Nullable UUID scenario) {

        public static Query of(@Nullable String area, @Nullable String measure, @Nullable String origin, @Nullable String horizon,
                               @Nullable String scenario) {
            if (area == null || area.isBlank()) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "area", "area: say what to forecast: an authority or a "
                        + "region by ONS code (e.g. E10000016 for Kent, E12000008 for the South East) or england.");
            }
            if (origin != null && !origin.isBlank() && !origin.trim().matches("(19|20)\\d{2}")) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "origin", "origin: give the last year to use as YYYY (a census "
                        + "year to 30 September, e.g. 2021); '" + origin + "' is not one.");
            }
            int h = DEFAULT_HORIZON;
            if (horizon != null && !horizon.isBlank()) {
                try {
                    h = Integer.parseInt(horizon.trim());
                } catch (NumberFormatException e) {
                    h = -1;
                }
                if (h < 1 || h > MAX_HORIZON) {
                    throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "horizon", "horizon: give how many years ahead, 1 to "
                            + MAX_HORIZON + "; '" + horizon + "' is not.");
                }
            }
            UUID id = scenario == null || scenario.isBlank() ? null : scenarioId(scenario);
            return new Query(area.trim(), measure == null ? "" : measure.trim(), origin == null || origin.isBlank() ? null : origin.trim(), h, id);
        }
    }

    /** A scenario's id as given; one that is not an id is no scenario of the caller's (404, as for another's). */
    public static UUID scenarioId(String given) {
        try {
            return UUID.fromString(given.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("There is no scenario " + given + " of yours. GET /api/v1/forecasts/scenarios lists them.");
        }
    }

    @ReadOnly
    public Forecast forecast(Caller caller, Query query) {
        if (REQUIRED_FTE.equals(query.measure())) {
            return requiredFte(caller, query);
        }
        MeasureCatalogue.Measure measure = catalogue.measure(query.measure()).orElseThrow(() -> new ApiProblem(
                ProblemCode.VALIDATION_FAILED, "measure", "measure: '" + query.measure() + "' is not a measure"
                + catalogue.didYouMean(query.measure()) + " GET /api/v1/measures lists them; required_fte is the FTE demand requires."));
        Scenario scenario = scenario(caller, query.scenario());
        Question q = new Question(caller, query.area());
        if (scenario != null && !"inpost_fte".equals(measure.code())) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "scenario", "scenario: a scenario changes social workers in post "
                    + "(inpost_fte) and required FTE (required_fte); the plan (GET /api/v1/forecasts/plan) shows every flow it changes.");
        }
        Projection projection = project(q, measure, query.origin(), query.horizon());
        double[] values = projection.values();
        double[] baseline = null;
        Forecast.AppliedScenario applied = null;
        if (scenario != null) {
            SupplyAndDemand.Planned planned = plan(q, projection.origin(), query.horizon(), scenario);
            baseline = values;
            values = planned.supply();
            applied = applied(scenario, "the baseline forecast plus the scenario's lead in the stock-flow plan; intervals move with the point");
        }
        return answer(projection, projection.choice(), observed(projection), measure.code(), measure.label(), measure.unit(), values,
                projection.half80(), projection.half95(), baseline, applied, query.horizon(), "percent".equals(measure.unit()), null);
    }

    @ReadOnly
    public WorkforcePlan plan(Caller caller, Query query) {
        Scenario scenario = scenario(caller, query.scenario());
        Question q = new Question(caller, query.area());
        Projection stock = project(q, measure("inpost_fte"), query.origin(), query.horizon());
        SupplyAndDemand.Planned planned = plan(q, stock.origin(), query.horizon(), scenario);
        List<WorkforcePlan.Year> years = planned.rows().stream().map(r -> new WorkforcePlan.Year(r.period(), r.projected(),
                Format.figure(r.inpost()), r.projected() && scenario != null ? Format.figure(r.baselineInpost()) : null,
                Format.figure(r.starters()), Format.figure(r.leavers()), Format.figure(r.other()), Format.figure(r.turnoverRate()),
                Format.figure(r.agency()), Format.figure(r.childrenInNeed()), Format.figure(r.required()), Format.figure(r.gap()),
                Format.figure(r.agencyShareNeeded()))).toList();
        List<WorkforcePlan.Component> components = new ArrayList<>();
        for (String code : List.of("inpost_fte", "starters_fte", "turnover_rate_fte", "agency_fte", DEMAND)) {
            Projection p = optional(q, code, stock.origin(), code.equals(DEMAND) ? query.horizon() + 1 : query.horizon());
            if (p != null) {
                components.add(new WorkforcePlan.Component(code, p.choice().method().code(), p.choice().reason()));
            }
        }
        List<String> notes = new ArrayList<>(planned.notes());
        notes.add("Projected in-post FTE is the in-post forecast (method chosen by backtest); starters, turnover and agency FTE are "
                + "their own forecasts; leavers = turnover rate × FTE in post; other movements reconcile the change in stock.");
        notes.add("Required FTE = (in post + agency at the origin) × (children in need on census day ÷ at the origin) × (caseload "
                + "at the origin ÷ caseload target). Children in need on census day is the mean of 31 March before and after it.");
        notes.add("Children in need are projected as counts here; their rate per 10,000 children is forecast with measure=at31_rate.");
        return new WorkforcePlan(area(stock.series()), stock.origin(), query.horizon(), Format.figure(planned.caseloadTarget()),
                planned.caseloadBasis(), scenario == null ? null : applied(scenario, "stock-flow: S' = (S·(1 + r) + Δ + extra starters) ÷ (1 + r − n)"),
                years, components, notes, SOURCE);
    }

    /** The most scenarios compared at once: a table a person can read. */
    static final int MOST_COMPARED = 5;

    /** The baseline plan and each scenario's side by side, for the projected years. */
    @ReadOnly
    public ScenarioComparison compare(Caller caller, Query query, List<UUID> ids) {
        if (ids.isEmpty() || ids.size() > MOST_COMPARED) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "scenarios", "scenarios: give 1 to " + MOST_COMPARED
                    + " of your scenarios' ids, comma separated; GET /api/v1/forecasts/scenarios lists them.");
        }
        List<Scenario> chosen = ids.stream().distinct().map(id -> scenario(caller, id)).toList();
        WorkforcePlan baseline = plan(caller, query);
        List<WorkforcePlan> plans = new ArrayList<>(List.of(baseline));
        for (Scenario scenario : chosen) {
            plans.add(plan(caller, new Query(query.area(), query.measure(), query.origin(), query.horizon(), scenario.id())));
        }
        List<ScenarioComparison.Option> options = new ArrayList<>(List.of(new ScenarioComparison.Option(null, "Baseline", "no change")));
        chosen.forEach(s -> options.add(new ScenarioComparison.Option(s.id(), s.name(), s.changes())));
        List<ScenarioComparison.Year> years = new ArrayList<>();
        for (WorkforcePlan.Year year : baseline.years()) {
            if (!year.projected()) {
                continue;
            }
            List<ScenarioComparison.Figures> figures = plans.stream().map(p -> p.years().stream().filter(y -> y.period().equals(year.period()))
                    .findFirst().map(y -> new ScenarioComparison.Figures(y.inpostFte(), y.requiredFte(), y.gapFte()))
                    .orElse(new ScenarioComparison.Figures(null, null, null))).toList();
            years.add(new ScenarioComparison.Year(year.period(), figures));
        }
        return new ScenarioComparison(baseline.area(), baseline.origin(), options, years,
                "Each option is the plan (GET /api/v1/forecasts/plan) under it: FTE in post by the stock-flow formula, FTE required "
                        + "by projected children in need at its caseload target, and the gap between them.");
    }

    /** An area a planner may choose: its code and its name as the selector shows it. */
    public record PlannableArea(String code, String label) {
    }

    /** The areas the caller may forecast, in the order a planner looks for them: their own, members, regions, England. */
    @ReadOnly
    public List<PlannableArea> areasFor(Caller caller) {
        List<PlannableArea> areas = new ArrayList<>();
        caller.authorityCode().flatMap(regions::authority).ifPresent(a -> areas.add(new PlannableArea(a.code(), a.name() + " (your council)")));
        if (!caller.has(exchange.workforce.identity.Role.PLANNER)) {
            return areas; // a council's viewer reads its own council's forecasts only
        }
        caller.regionCode().ifPresent(region -> memoranda.membersOn(region, LocalDate.now(clock)).forEach(m ->
                areas.add(new PlannableArea(m.authorityCode(), m.authorityName() + " (member)"))));
        regions.regions().forEach(r -> areas.add(new PlannableArea(r.code(), r.name() + " (region)")));
        areas.add(new PlannableArea("england", "England"));
        return areas;
    }

    public List<Scenario> scenarios(Caller caller) {
        return transactions.read(caller, () -> scenarios.owned(owner(caller)));
    }

    public Scenario save(Caller caller, NewScenario scenario) {
        if (!caller.has(exchange.workforce.identity.Role.PLANNER)) {
            throw new ApiProblem(ProblemCode.FORBIDDEN, null, "Saving a scenario is for workforce planners (the PLANNER role).");
        }
        boolean changes = nonZero(scenario.turnoverReductionPoints()) || nonZero(scenario.extraNewlyQualifiedFte())
                || nonZero(scenario.agencyConversionPercent()) || scenario.caseloadTarget() != null;
        if (!changes) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "turnoverReductionPoints", "A scenario changes something: give at "
                    + "least one of turnoverReductionPoints, extraNewlyQualifiedFte, agencyConversionPercent or caseloadTarget.");
        }
        // the same bounds as the body's annotations and the table's checks, for every caller (the page's form too)
        within(scenario.turnoverReductionPoints(), -20, 20, "turnoverReductionPoints", "give -20 to 20 percentage points (negative: turnover higher)");
        within(scenario.extraNewlyQualifiedFte(), 0, 5000, "extraNewlyQualifiedFte", "give 0 to 5000 FTE a year");
        within(scenario.agencyConversionPercent(), 0, 100, "agencyConversionPercent", "give 0 to 100 (percent of agency FTE each year)");
        within(scenario.caseloadTarget(), 5, 40, "caseloadTarget", "give a caseload of 5 to 40 cases per case-holding FTE");
        if (scenario.name() == null || scenario.name().isBlank() || scenario.name().trim().length() > 100) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "name", "name: name the scenario in up to 100 characters");
        }
        return transactions.write(caller, () -> {
            UUID id = scenarios.insert(caller.regionCode().isPresent() ? null : caller.authorityCode().orElse(null),
                    caller.regionCode().orElse(null), scenario, caller.user());
            Scenario saved = scenarios.find(id, owner(caller)).orElseThrow();
            audit.record(caller, AuditAction.SCENARIO_SAVED, "forecast_scenario", id.toString(), Map.of("changes", saved.changes()));
            return saved;
        });
    }

    private Forecast requiredFte(Caller caller, Query query) {
        Scenario scenario = scenario(caller, query.scenario());
        Question q = new Question(caller, query.area());
        Projection stock = project(q, measure("inpost_fte"), query.origin(), query.horizon());
        Projection demand = optional(q, DEMAND, stock.origin(), query.horizon() + 1);
        if (demand == null) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "area", "There are no children-in-need figures for "
                    + stock.series().name() + " up to " + stock.origin() + ", so no required FTE.");
        }
        SupplyAndDemand.Planned planned = plan(q, stock.origin(), query.horizon(), scenario);
        double[] baseline = null;
        if (scenario != null && scenario.caseloadTarget() != null) {
            baseline = plan(q, stock.origin(), query.horizon(), null).required();
        }
        List<Forecast.Observed> workforce = planned.rows().stream().filter(r -> !r.projected()).map(r -> {
            double met = r.inpost() + r.agency();
            return new Forecast.Observed(r.period(), Format.figure(met), Double.isNaN(met) ? Symbol.UNAVAILABLE : null, false, !Double.isNaN(met),
                    "in post + agency FTE: the workforce that met that year's demand at that year's caseload");
        }).toList();
        return answer(stock, demand.choice(), workforce, REQUIRED_FTE, "FTE required by projected children in need", "fte", planned.required(),
                planned.requiredHalf80(), planned.requiredHalf95(), baseline, scenario == null ? null
                        : applied(scenario, "required FTE at the scenario's caseload target"), query.horizon(), false,
                new Forecast.Method("demand-" + demand.choice().method().code(), "children in need on 31 March (" + demand.used().get(0).period()
                        + " to " + demand.origin() + ") projected by " + demand.choice().method().description() + ", taken on census day "
                        + "and turned into FTE at " + planned.caseloadBasis(), demand.choice().fitted().parameters(), demand.choice().reason()));
    }

    private SupplyAndDemand.Planned plan(Question q, String origin, int horizon, @Nullable Scenario scenario) {
        Projection stock = project(q, measure("inpost_fte"), origin, horizon);
        return SupplyAndDemand.plan(stock, optional(q, "starters_fte", origin, horizon),
                optional(q, "leavers_fte", origin, horizon), optional(q, "turnover_rate_fte", origin, horizon),
                optional(q, "agency_fte", origin, horizon), optional(q, DEMAND, origin, horizon + 1),
                observed(q, "cases", origin), observed(q, "case_holders_fte", origin),
                observed(q, "caseload_fte", origin), SupplyAndDemand.Levers.of(scenario));
    }

    private Projection project(Question q, MeasureCatalogue.Measure measure, @Nullable String origin, int horizon) {
        AreaSeries series = q.series(measure.code());
        String key = String.join("|", series.dataVersion(), series.code(), measure.code(), String.valueOf(origin), String.valueOf(horizon));
        Projection cached = projections.get(key);
        if (cached != null) {
            return cached;
        }
        boolean authorities = series.level() == AreaSeries.Level.AUTHORITY;
        Projection projection = Projection.of(series, measure.label(), origin, horizon, at -> backtest(measure.code(), authorities, at));
        projections.put(key, projection);
        return projection;
    }

    /** The pooled backtest of a measure over every authority (or every region and England) up to an origin. */
    private PooledBacktest backtest(String measure, boolean authorities, int origin) {
        Benchmarking.PublishedPanel panel = benchmarking.publishedPanel(measure, authorities);
        String key = String.join("|", panel.dataVersion(), measure, String.valueOf(authorities), String.valueOf(origin));
        PooledBacktest cached = backtests.get(key);
        if (cached != null) {
            return cached;
        }
        PooledBacktest backtest = PooledBacktest.run(panel.series(), origin);
        backtests.put(key, backtest);
        return backtest;
    }

    /** A component's projection from the origin, or null where the area has no figure of it at the origin. */
    private Projection optional(Question q, String code, String origin, int horizon) {
        try {
            return project(q, measure(code), origin, horizon);
        } catch (ApiProblem noFigure) {
            if (noFigure.code() != ProblemCode.VALIDATION_FAILED) {
                throw noFigure;
            }
            return null;
        }
    }

    private double observed(Question q, String code, String origin) {
        return q.series(code).years().stream().filter(y -> y.period().equals(origin) && y.value() != null)
                .findFirst().map(y -> y.value().doubleValue()).orElse(Double.NaN);
    }

    /**
     * The years up to the origin, each marked used or not and why; a year between the first used and the origin with no
     * figure at all (no DfE figure, no return) is listed too, as the gap the forecast bridges.
     */
    private static List<Forecast.Observed> observed(Projection projection) {
        Set<String> usedYears = projection.used().stream().map(AreaSeries.Year::period).collect(Collectors.toSet());
        Map<String, AreaSeries.Year> byPeriod = new java.util.TreeMap<>();
        projection.series().years().stream().filter(y -> y.period().compareTo(projection.origin()) <= 0).forEach(y -> byPeriod.put(y.period(), y));
        List<Forecast.Observed> observed = new ArrayList<>();
        int first = Integer.parseInt(projection.used().get(0).period());
        for (int year = first; year <= Integer.parseInt(projection.origin()); year++) {
            if (!byPeriod.containsKey(String.valueOf(year))) {
                byPeriod.put(String.valueOf(year), null);
            }
        }
        byPeriod.forEach((period, y) -> observed.add(y == null
                ? new Forecast.Observed(period, null, Symbol.UNAVAILABLE, false, false, "no figure for this year; the forecast bridges the gap")
                : new Forecast.Observed(y.period(), y.value(), y.symbol(), y.partial(), usedYears.contains(y.period()),
                        y.partial() ? "not used: the figure covers only part of the group (" + y.note() + "), so it is not the group's"
                                : y.note() != null ? y.note() + "; the forecast bridges the gap" : null)));
        return observed;
    }

    private Forecast answer(Projection projection, MethodChoice choice, List<Forecast.Observed> history, String code, String label,
                            String unit, double[] values, double[] half80, double[] half95, @Nullable double[] baseline,
                            @Nullable Forecast.AppliedScenario scenario, int horizon, boolean percent, @Nullable Forecast.Method method) {
        List<Forecast.Point> points = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            double v = values[h - 1];
            points.add(new Forecast.Point(projection.period(h), Format.figure(bounded(v, percent)),
                    bound(v - half80[h - 1], percent), bound(v + half80[h - 1], percent),
                    bound(v - half95[h - 1], percent), bound(v + half95[h - 1], percent),
                    baseline == null ? null : Format.figure(bounded(baseline[h - 1], percent))));
        }
        List<String> partial = projection.series().years().stream().filter(y -> y.period().compareTo(projection.origin()) <= 0)
                .filter(AreaSeries.Year::partial).map(y -> y.period() + " (" + y.note() + ")").toList();
        String first = projection.used().get(0).period();
        int span = Integer.parseInt(projection.origin()) - Integer.parseInt(first) + 1;
        Forecast.Coverage coverage = new Forecast.Coverage(first, projection.origin(), projection.used().size(), partial,
                "Fitted to " + projection.used().size() + (projection.used().size() == 1 ? " year, " : " years, ") + first + " to "
                        + projection.origin() + ", of "
                        + projection.series().name() + (projection.used().size() < span ? " (" + (span - projection.used().size())
                        + " year" + (span - projection.used().size() == 1 ? "" : "s") + " without a figure bridged)" : "")
                        + (partial.isEmpty() ? ", each covering the whole area."
                        : "; left out as covering only part of the group: " + String.join(", ", partial) + "."));
        return new Forecast(area(projection.series()), new Forecast.Measure(code, label, unit), projection.origin(), horizon,
                method != null ? method : new Forecast.Method(choice.method().code(), choice.method().description(),
                        choice.fitted().parameters(), choice.reason()), history, points, accuracy(choice, projection.series()), coverage, scenario,
                "Years are census years to 30 September; children-in-need measures are years to 31 March.", SOURCE);
    }

    private static Forecast.Accuracy accuracy(MethodChoice choice, AreaSeries series) {
        PooledBacktest backtest = choice.backtest();
        if (backtest == null) {
            return new Forecast.Accuracy(null, null, null, 0, 0, List.of(), List.of(), choice.reason(), true, null, null, null, List.of(), List.of());
        }
        PooledBacktest.Record record = backtest.record();
        List<Forecast.HorizonAccuracy> horizons = new ArrayList<>();
        for (int h = 1; h <= PooledBacktest.HORIZONS; h++) {
            int at = h;
            if (record.count(h) > 0) {
                double naive = record.naive().stream().filter(t -> t.horizon() == at).mapToDouble(t -> Math.abs(t.error())).average().orElse(Double.NaN);
                horizons.add(new Forecast.HorizonAccuracy(h, Format.accuracy(record.mae(h)), record.count(h), Format.accuracy(naive)));
            }
        }
        List<Forecast.TrackRecord> track = new ArrayList<>();
        for (int o : backtest.origins()) {
            for (int h = 1; h <= PooledBacktest.HORIZONS; h++) {
                int from = o;
                int ahead = h;
                List<PooledBacktest.Trial> made = record.trials().stream().filter(t -> t.origin() == from && t.horizon() == ahead).toList();
                if (made.isEmpty()) {
                    continue;
                }
                java.util.Set<String> areas = made.stream().map(PooledBacktest.Trial::area).collect(Collectors.toSet());
                List<PooledBacktest.Trial> naive = record.naive().stream().filter(t -> t.origin() == from && t.horizon() == ahead
                        && areas.contains(t.area())).toList();
                double scaled = made.stream().mapToDouble(PooledBacktest.Trial::scaled).filter(Double::isFinite).sum();
                double naiveScaled = naive.stream().mapToDouble(PooledBacktest.Trial::scaled).filter(Double::isFinite).sum();
                track.add(new Forecast.TrackRecord(String.valueOf(o), String.valueOf(o + h), h, made.get(0).method(),
                        Format.accuracy(made.stream().mapToDouble(t -> Math.abs(t.error())).average().orElse(Double.NaN)),
                        Format.accuracy(naive.stream().mapToDouble(t -> Math.abs(t.error())).average().orElse(Double.NaN)),
                        Format.accuracy(naiveScaled > 0 ? scaled / naiveScaled : Double.NaN), made.size()));
            }
        }
        List<Forecast.PastForecast> thisArea = record.of(series.code()).stream().map(t -> new Forecast.PastForecast(String.valueOf(t.origin()),
                String.valueOf(t.origin() + t.horizon()), t.method(), Format.figure(t.forecast()), Format.figure(t.actual()))).toList();
        Map<String, Double> relative = backtest.candidates();
        List<Forecast.Candidate> methods = backtest.methods().stream().map(m -> new Forecast.Candidate(m.code(),
                Format.accuracy(backtest.meanAbsolute(m.code())), Format.accuracy(backtest.meanScaled(m.code())),
                Format.accuracy(relative.get(m.code())), m.code().equals(choice.method().code()))).toList();
        boolean england = backtest.includes("E92000001"); // England's ONS code
        String pooledOver = series.level() == AreaSeries.Level.AUTHORITY ? backtest.areas() + " authorities"
                : (backtest.areas() - (england ? 1 : 0)) + " regions" + (england ? " and England" : "");
        return new Forecast.Accuracy(Format.accuracy(record.mae()), Format.accuracy(record.mase()), Format.accuracy(record.relativeToNaive()),
                record.origins(), record.trials().size(), horizons, methods,
                "Out of sample and nested: at each origin from " + backtest.origins().stream().findFirst().map(String::valueOf).orElse("-")
                        + ", the method the platform would have chosen then, from the " + pooledOver + "' figures before it, forecast "
                        + "1 to " + PooledBacktest.HORIZONS + " years ahead and was scored against what happened, beside carrying the "
                        + "last figure forward.", true, Format.accuracy(record.coverage80()), Format.accuracy(record.coverage95()),
                pooledOver, track, thisArea);
    }

    private static double bounded(double value, boolean percent) {
        return Math.min(percent ? 100 : Double.MAX_VALUE, Math.max(0, value));
    }

    private static BigDecimal bound(double value, boolean percent) {
        return Double.isNaN(value) ? null : Format.figure(bounded(value, percent));
    }

    private static Forecast.Area area(AreaSeries series) {
        return new Forecast.Area(series.code(), series.name(), series.level().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Forecast.AppliedScenario applied(Scenario scenario, String effect) {
        return new Forecast.AppliedScenario(scenario.id(), scenario.name(), scenario.changes(), effect);
    }

    /**
     * One question about one area: its series read once, from one version of the data, and the caller's right to see
     * the area checked once, before any figure of it is used.
     */
    private final class Question {

        private final Caller caller;
        private final String area;
        private Map<String, AreaSeries> series;

        Question(Caller caller, String area) {
            this.caller = caller;
            this.area = area;
        }

        AreaSeries series(String code) {
            if (series == null) {
                List<String> codes = new ArrayList<>(PLAN_MEASURES);
                if (!codes.contains(code)) {
                    codes.add(code);
                }
                series = new LinkedHashMap<>(benchmarking.series(caller, area, codes));
                PlanningScope.check(caller, series.get(code), membersOfRegion(caller));
            }
            return series.computeIfAbsent(code, c -> benchmarking.series(caller, area, c));
        }
    }

    private Scenario scenario(Caller caller, @Nullable UUID id) {
        if (id == null) {
            return null;
        }
        return transactions.read(caller, () -> scenarios.find(id, owner(caller))).orElseThrow(() -> ApiProblem.notFound(
                "There is no scenario " + id + " of yours. GET /api/v1/forecasts/scenarios lists them."));
    }

    private MeasureCatalogue.Measure measure(String code) {
        return catalogue.measure(code).orElseThrow();
    }

    private Set<String> membersOfRegion(Caller caller) {
        return caller.regionCode().map(r -> memoranda.membersOn(r, LocalDate.now(clock)).stream().map(Membership::authorityCode)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    private static String owner(Caller caller) {
        return caller.regionCode().or(caller::authorityCode).orElseThrow();
    }

    private static void within(@Nullable BigDecimal value, int lowest, int highest, String field, String what) {
        if (value != null && (value.compareTo(BigDecimal.valueOf(lowest)) < 0 || value.compareTo(BigDecimal.valueOf(highest)) > 0)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, field, field + ": " + what + ", not " + value.toPlainString());
        }
    }

    private static boolean nonZero(@Nullable BigDecimal value) {
        return value != null && value.signum() != 0;
    }
}
