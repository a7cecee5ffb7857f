package exchange.workforce.forecast;

import exchange.workforce.benchmark.Benchmarking;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.Figures;
import exchange.workforce.web.ForecastChart;
import exchange.workforce.web.Decimal;
import exchange.workforce.web.Entered;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.FieldName;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.FormNumbers;
import exchange.workforce.web.Html;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's page: a forecast with its intervals, method and backtest, the supply-and-demand plan year by year,
 * and the planner's scenarios, saved here and applied by choosing them. Answered by {@link Forecasts}, like the API.
 */
@Controller("/forecasts")
@Hidden
@Secured({"PLANNER", "AUTHORITY_VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ForecastPage {

    /** The measures a planner picks from, in the order they think in: supply, flows, pressures, demand. */
    static final List<String> MEASURES = List.of("inpost_fte", "starters_fte", "leavers_fte", "turnover_rate_fte", "agency_fte",
            "agency_rate_fte", "vacancy_rate_fte", "caseload_fte", "referral_count", "referral_rate", "at31_episodes", "at31_rate", "cpp_at31",
            "cpp_rate", Forecasts.REQUIRED_FTE);

    private final Callers callers;
    private final Forecasts forecasts;
    private final Benchmarking benchmarking;
    private final MeasureCatalogue catalogue;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;

    public ForecastPage(Callers callers, Forecasts forecasts, Benchmarking benchmarking, MeasureCatalogue catalogue, Pages pages, Html html,
                        FormCheck check) {
        this.callers = callers;
        this.forecasts = forecasts;
        this.benchmarking = benchmarking;
        this.catalogue = catalogue;
        this.pages = pages;
        this.html = html;
        this.check = check;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> forecast(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String area,
                                         @QueryValue @Nullable String measure, @QueryValue @Nullable String origin,
                                         @QueryValue @Nullable String horizon, @QueryValue @Nullable String scenario,
                                         @QueryValue @Nullable List<String> compare) {
        Caller caller = callers.of(authentication);
        Map<String, String> query = new HashMap<>();
        query.put("compare", compare == null ? "" : String.join(",", compare));
        query.put("area", blank(area) == null ? caller.regionCode().or(caller::authorityCode).orElse("england") : area.trim());
        query.put("measure", blank(measure) == null ? "inpost_fte" : measure.trim());
        query.put("origin", blank(origin) == null ? "" : origin.trim());
        query.put("horizon", blank(horizon) == null ? String.valueOf(Forecasts.DEFAULT_HORIZON) : horizon.trim());
        query.put("scenario", blank(scenario) == null ? "" : scenario.trim());
        return page(request, caller, query, null, new ArrayList<>(), HttpStatus.OK);
    }

    /** The forecast on the page as a CSV file. */
    @Get("/download")
    public HttpResponse<?> download(Authentication authentication, @QueryValue @Nullable String area, @QueryValue @Nullable String measure,
                                    @QueryValue @Nullable String origin, @QueryValue @Nullable String horizon, @QueryValue @Nullable String scenario) {
        Forecast forecast = forecasts.forecast(callers.of(authentication), Forecasts.Query.of(area, blank(measure) == null ? "inpost_fte" : measure,
                origin, horizon, scenario));
        return exchange.workforce.web.Downloads.csv(ForecastCsv.forecast(forecast), "forecast-" + forecast.area().code() + "-" + forecast.measure().code()
                + "-from-" + forecast.origin());
    }

    /** The plan on the page as a CSV file. */
    @Get("/plan/download")
    public HttpResponse<?> downloadPlan(Authentication authentication, @QueryValue @Nullable String area, @QueryValue @Nullable String origin,
                                        @QueryValue @Nullable String horizon, @QueryValue @Nullable String scenario) {
        WorkforcePlan plan = forecasts.plan(callers.of(authentication), Forecasts.Query.of(area, "inpost_fte", origin, horizon, scenario));
        return exchange.workforce.web.Downloads.csv(ForecastCsv.plan(plan), "plan-" + plan.area().code() + "-from-" + plan.origin());
    }

    /** A planner's scenario as typed, and the forecast the page was showing (to go back to it). */
    @Introspected
    public record ScenarioForm(
            @NotNull(message = NAME) @Size(max = 100, message = NAME) String name,
            @Decimal(message = "Enter the fall in turnover as a number of percentage points, for example 3") String turnoverReductionPoints,
            @Decimal(message = "Enter the extra newly qualified FTE a year as a number, for example 10") String extraNewlyQualifiedFte,
            @Decimal(message = "Enter the share of agency FTE converted each year as a percentage, for example 20") String agencyConversionPercent,
            @Decimal(message = "Enter the caseload target as cases per case-holding FTE, for example 18") String caseloadTarget,
            @FieldName("return-area") String returnArea, @FieldName("return-measure") String returnMeasure,
            @FieldName("return-origin") String returnOrigin, @FieldName("return-horizon") String returnHorizon) implements Form {

        NewScenario scenario() {
            return new NewScenario(name, FormNumbers.decimal(turnoverReductionPoints), FormNumbers.decimal(extraNewlyQualifiedFte),
                    FormNumbers.decimal(agencyConversionPercent), FormNumbers.decimal(caseloadTarget));
        }

        /** The forecast the page was showing, to go back to. */
        Map<String, String> returnTo() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("area", returnArea == null ? "england" : returnArea);
            query.put("measure", returnMeasure == null ? "inpost_fte" : returnMeasure);
            query.put("origin", returnOrigin == null ? "" : returnOrigin);
            query.put("horizon", returnHorizon == null ? "" : returnHorizon);
            query.put("scenario", "");
            return query;
        }
    }

    private static final String NAME = "Name the scenario in up to 100 characters, for example Turnover down 3 points";

    @Post(value = "/scenarios", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("PLANNER")
    public HttpResponse<String> saveScenario(HttpRequest<?> request, Authentication authentication, @Body ScenarioForm form) {
        Caller caller = callers.of(authentication);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        Map<String, String> query = form.returnTo();
        if (errors.isEmpty()) {
            try {
                Scenario saved = forecasts.save(caller, form.scenario());
                query.put("scenario", saved.id().toString());
                return HttpResponse.seeOther(location(query));
            } catch (ApiProblem problem) {
                List<Problem.Violation> violations = problem.violations().isEmpty()
                        ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage()))
                        : problem.violations();
                violations.forEach(v -> errors.add(new FieldError(v.field() == null ? "name" : v.field(), v.message())));
            }
        }
        return page(request, caller, query, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, Map<String, String> query, ScenarioForm scenarioForm,
                                      List<FieldError> errors, HttpStatus status) {
        Forecast forecast = null;
        WorkforcePlan plan = null;
        try {
            Forecasts.Query asked = Forecasts.Query.of(query.get("area"), query.get("measure"), query.get("origin"), query.get("horizon"),
                    query.get("scenario"));
            forecast = forecasts.forecast(caller, Forecasts.REQUIRED_FTE.equals(asked.measure()) || "inpost_fte".equals(asked.measure())
                    ? asked : new Forecasts.Query(asked.area(), asked.measure(), asked.origin(), asked.horizon(), null));
            plan = forecasts.plan(caller, new Forecasts.Query(asked.area(), "inpost_fte", forecast.origin(), asked.horizon(), asked.scenario()));
        } catch (ApiProblem problem) {
            if (problem.code().status().getCode() >= 500) {
                throw problem;
            }
            String field = problem.field() == null ? "area" : problem.field();
            errors.add(new FieldError(field, problem.getMessage()));
            status = status == HttpStatus.OK ? HttpStatus.UNPROCESSABLE_ENTITY : status;
        }
        ScenarioComparison comparison = null;
        List<String> compared = query.getOrDefault("compare", "").isBlank() ? List.of() : List.of(query.get("compare").split(","));
        if (plan != null && !compared.isEmpty()) {
            try {
                comparison = forecasts.compare(caller, Forecasts.Query.of(query.get("area"), "inpost_fte", plan.origin(), query.get("horizon"), null),
                        compared.stream().map(Forecasts::scenarioId).toList());
            } catch (ApiProblem problem) {
                if (problem.code().status().getCode() >= 500) {
                    throw problem;
                }
                errors.add(new FieldError("compare", problem.getMessage()));
                status = status == HttpStatus.OK ? HttpStatus.UNPROCESSABLE_ENTITY : status;
            }
        }
        String title = forecast == null ? "Forecasts" : forecast.measure().label() + ", " + forecast.area().name();
        String downloadQuery = query.entrySet().stream().filter(e -> List.of("area", "measure", "origin", "horizon", "scenario").contains(e.getKey())
                        && e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .sorted().collect(java.util.stream.Collectors.joining("&"));
        List<String> years = benchmarking.censusYears().stream().filter(y -> y.matches("\\d{4}")).toList();
        List<Map<String, Object>> origins = new ArrayList<>();
        origins.add(Pages.row("value", "", "label", "Latest year with a figure", "selected", query.get("origin").isEmpty()));
        years.forEach(y -> origins.add(Pages.row("value", y, "label", y, "selected", y.equals(query.get("origin")))));
        List<Scenario> mine = forecasts.scenarios(caller);
        List<Map<String, Object>> scenarios = new ArrayList<>();
        scenarios.add(Pages.row("value", "", "label", "Baseline (no scenario)", "selected", query.get("scenario").isEmpty()));
        mine.forEach(s -> scenarios.add(Pages.row("value", s.id().toString(), "label", s.name() + " (" + s.changes() + ")",
                "selected", s.id().toString().equals(query.get("scenario")))));
        return html.page(status, "forecasts", new ForecastsView(pages.layout(request, caller, errors.isEmpty() ? title : "Error: " + title),
                Entered.of(scenarioForm, errors), new HashMap<>(query), downloadQuery, caller.has(exchange.workforce.identity.Role.PLANNER),
                areas(caller, query.get("area")), MEASURES.stream().map(code -> Pages.row("code", code, "label", label(code),
                        "selected", code.equals(query.get("measure")))).toList(), origins, scenarios,
                mine.stream().map(s -> Pages.row("name", s.name(), "changes", s.changes(), "by", s.createdBy(),
                        "link", location(with(with(query, "scenario", s.id().toString()), "compare", "")).toString(), "id", s.id().toString(),
                        "compared", compared.contains(s.id().toString()))).toList(),
                comparison == null ? null : comparisonModel(comparison),
                "inpost_fte".equals(query.get("measure")) || Forecasts.REQUIRED_FTE.equals(query.get("measure")),
                forecast == null ? null : forecastModel(forecast), plan == null ? null : planModel(plan)), request);
    }

    /** The forecasts page: what was asked, the forecast with its accuracy, the plan, scenarios and their comparison. */
    record ForecastsView(Layout layout, Entered entered, Map<String, String> query, String downloadQuery, boolean canSave,
                         List<Map<String, Object>> areas, List<Map<String, Object>> measures, List<Map<String, Object>> origins,
                         List<Map<String, Object>> scenarios, List<Map<String, Object>> savedScenarios, Map<String, Object> comparison,
                         boolean scenarioApplies, Map<String, Object> forecast, Map<String, Object> plan) implements PageView {
    }

    private Map<String, Object> forecastModel(Forecast forecast) {
        String unit = forecast.measure().unit();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<ForecastChart.Year> chart = new ArrayList<>();
        for (Forecast.Observed o : forecast.history()) {
            rows.add(Pages.row("period", o.period(), "kind", o.used() ? "Observed" : "Observed, not used", "value",
                    Figures.format(unit, o.value(), o.symbol()), "interval80", "", "interval95", "", "baseline", "",
                    "note", o.note() == null ? (o.partial() ? "partial" : "") : o.note()));
            if (o.used() && o.value() != null) {
                chart.add(new ForecastChart.Year(o.period(), o.value().doubleValue(), false, null, null, null, null));
            }
        }
        for (Forecast.Point p : forecast.points()) {
            rows.add(Pages.row("period", p.period(), "kind", "Forecast", "value", Figures.format(unit, p.value(), null),
                    "interval80", interval(unit, p.lower80(), p.upper80()), "interval95", interval(unit, p.lower95(), p.upper95()),
                    "baseline", p.baseline() == null ? "" : Figures.format(unit, p.baseline(), null), "note", ""));
            chart.add(new ForecastChart.Year(p.period(), p.value().doubleValue(), true, decimal(p.lower80()), decimal(p.upper80()),
                    decimal(p.lower95()), decimal(p.upper95())));
        }
        Forecast.Point last = forecast.points().get(forecast.points().size() - 1);
        String summary = "In " + last.period() + ": " + Figures.format(unit, last.value(), null)
                + (last.lower80() == null ? " (no interval: too few years to test the method)"
                : ", with an 80% chance of being between " + Figures.format(unit, last.lower80(), null) + " and "
                + Figures.format(unit, last.upper80(), null) + " and a 95% chance between " + Figures.format(unit, last.lower95(), null)
                + " and " + Figures.format(unit, last.upper95(), null)) + ".";
        List<Map<String, Object>> methods = forecast.backtest().methods().stream().map(c -> Pages.row("method", c.method(),
                "mae", accuracy(c.mae()), "mase", accuracy(c.mase()), "relative", accuracy(c.relativeToNaive()), "chosen", c.chosen())).toList();
        List<Map<String, Object>> track = forecast.backtest().track().stream().map(t -> Pages.row("from", t.from(), "year", t.year(),
                "method", t.method(), "mae", accuracy(t.mae()), "naive", accuracy(t.naiveMae()), "relative", accuracy(t.relativeToNaive()),
                "forecasts", t.forecasts())).toList();
        List<Map<String, Object>> past = forecast.backtest().thisArea().stream().map(f -> Pages.row("from", f.from(), "year", f.year(),
                "method", f.method(), "forecast", Figures.format(unit, f.forecast(), Symbol.UNAVAILABLE),
                "actual", Figures.format(unit, f.actual(), Symbol.UNAVAILABLE))).toList();
        Forecast.Accuracy record = forecast.backtest();
        String trackSummary = record.relativeToNaive() == null ? record.note()
                : "Forecast this way from each year since " + (track.isEmpty() ? "" : track.get(0).get("from")) + ", over " + record.pooledOver()
                + ", the forecasts' error was " + accuracy(record.relativeToNaive()) + " times that of carrying the last figure forward"
                + (record.relativeToNaive().compareTo(java.math.BigDecimal.ONE) < 0 ? " (better)" : " (no better)")
                + (record.coverage80() == null ? "." : "; the 80% intervals held " + percent(record.coverage80()) + " of what happened and the 95% intervals "
                + percent(record.coverage95()) + ".");
        return Pages.row("label", forecast.measure().label(), "area", forecast.area().name(), "origin", forecast.origin(),
                "summary", summary, "rows", rows, "chart", ForecastChart.of(chart), "scenario", forecast.scenario(),
                "method", forecast.method(), "backtest", forecast.backtest(), "methods", methods, "coverage", forecast.coverage().note(),
                "track", track, "past", past, "trackSummary", trackSummary,
                "hasBaseline", forecast.points().stream().anyMatch(p -> p.baseline() != null));
    }

    private static Map<String, Object> comparisonModel(ScenarioComparison comparison) {
        List<Map<String, Object>> rows = comparison.years().stream().map(y -> Pages.row("period", y.period(),
                "cells", y.options().stream().map(f -> Pages.row("inpost", Figures.format("fte", f.inpostFte(), Symbol.UNAVAILABLE),
                        "required", Figures.format("fte", f.requiredFte(), Symbol.UNAVAILABLE),
                        "gap", Figures.format("fte", f.gapFte(), Symbol.UNAVAILABLE))).toList())).toList();
        List<exchange.workforce.web.LinesChart.Series> series = new ArrayList<>();
        for (int i = 0; i < comparison.options().size(); i++) {
            int at = i;
            series.add(new exchange.workforce.web.LinesChart.Series(comparison.options().get(i).name(), comparison.years().stream()
                    .mapToDouble(y -> y.options().get(at).inpostFte() == null ? Double.NaN : y.options().get(at).inpostFte().doubleValue()).toArray()));
        }
        return Pages.row("options", comparison.options(), "rows", rows, "note", comparison.note(), "area", comparison.area().name(),
                "chart", exchange.workforce.web.LinesChart.of(comparison.years().stream().map(ScenarioComparison.Year::period).toList(), series));
    }

    private static Map<String, Object> planModel(WorkforcePlan plan) {
        List<Map<String, Object>> rows = plan.years().stream().map(y -> Pages.row("period", y.period(), "projected", y.projected(),
                "inpost", Figures.format("fte", y.inpostFte(), Symbol.UNAVAILABLE), "baseline", y.baselineInpostFte() == null ? "" : Figures.format("fte", y.baselineInpostFte(), null),
                "starters", Figures.format("fte", y.startersFte(), Symbol.UNAVAILABLE), "leavers", Figures.format("fte", y.leaversFte(), Symbol.UNAVAILABLE),
                "other", Figures.format("fte", y.otherMovementsFte(), Symbol.UNAVAILABLE), "turnover", Figures.format("percent", y.turnoverRate(), Symbol.UNAVAILABLE),
                "agency", Figures.format("fte", y.agencyFte(), Symbol.UNAVAILABLE), "children", Figures.format("count", y.childrenInNeed(), Symbol.UNAVAILABLE),
                "required", y.requiredFte() == null ? "" : Figures.format("fte", y.requiredFte(), null),
                "gap", y.gapFte() == null ? "" : Figures.format("fte", y.gapFte(), null),
                "share", y.agencyShareNeededPercent() == null ? "" : Figures.format("percent", y.agencyShareNeededPercent(), null))).toList();
        return Pages.row("rows", rows, "notes", plan.notes(), "caseload", plan.caseloadBasis(), "scenario", plan.scenario(),
                "components", plan.components());
    }

    private List<Map<String, Object>> areas(Caller caller, String selected) {
        return forecasts.areasFor(caller).stream().map(a -> Pages.row("code", a.code(), "label", a.label(),
                "selected", a.code().equalsIgnoreCase(selected))).toList();
    }

    private String label(String code) {
        return Forecasts.REQUIRED_FTE.equals(code) ? "FTE required by projected children in need"
                : catalogue.measure(code).map(MeasureCatalogue.Measure::label).orElse(code);
    }

    private static Map<String, String> with(Map<String, String> query, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(key, value);
        return copy;
    }

    private static java.net.URI location(Map<String, String> query) {
        UriBuilder uri = UriBuilder.of("/forecasts");
        query.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                uri.queryParam(k, v);
            }
        });
        return uri.build();
    }

    private static String interval(String unit, BigDecimal lower, BigDecimal upper) {
        return lower == null || upper == null ? "none" : Figures.format(unit, lower, null) + " to " + Figures.format(unit, upper, null);
    }

    /** A share (0.824) as a percentage in words (82%). */
    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String accuracy(BigDecimal value) {
        return value == null ? "not measured" : value.toPlainString();
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
