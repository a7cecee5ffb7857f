package exchange.workforce.benchmark;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.web.BarChart;
import exchange.workforce.web.Figures;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.HttpResponse;
import exchange.workforce.web.Entered;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regional dashboard: each chosen measure for a group and census year as a chart and a table, the headline
 * beside the platform's recomputation, England and last year, the members ranked with the viewer's council marked,
 * who is covered and who is missing, and the memorandum's target. The same {@link Benchmarking} as the API answers
 * it, so names, disclosure control and tenancy are the API's.
 */
@Controller("/dashboard")
@Hidden
@Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REGIONAL_VIEWER", "REGION_ADMIN", "PLANNER"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardPage {


    private final Callers callers;
    private final Benchmarking benchmarking;
    private final MeasureCatalogue catalogue;
    private final Regions regions;
    private final RegionsOwnGroups customGroups;
    private final Pages pages;
    private final Html html;

    public DashboardPage(Callers callers, Benchmarking benchmarking, MeasureCatalogue catalogue, Regions regions,
                         RegionsOwnGroups customGroups, Pages pages, Html html) {
        this.html = html;
        this.callers = callers;
        this.benchmarking = benchmarking;
        this.catalogue = catalogue;
        this.regions = regions;
        this.customGroups = customGroups;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> dashboard(HttpRequest<?> request, Authentication authentication,
                                                       @Nullable @QueryValue String group, @Nullable @QueryValue String period,
                                                       @Nullable @QueryValue List<String> measure) {
        Caller caller = callers.of(authentication);
        String chosenGroup = group == null || group.isBlank() ? caller.homeRegion().map(r -> "region:" + r).orElse("england") : group.trim();
        String askedPeriod = period == null || period.isBlank() ? null : period.trim();
        List<String> chosenMeasures = measure == null || measure.isEmpty() ? Benchmarking.HEADLINE_MEASURES : measure;
        Benchmarking.Dashboard dashboard;
        try {
            dashboard = benchmarking.dashboard(caller, chosenGroup, askedPeriod, chosenMeasures);
        } catch (ApiProblem problem) {
            List<String> years = benchmarking.censusYears();
            Choices choices = choices(caller, chosenGroup, years, askedPeriod != null ? askedPeriod : years.isEmpty() ? "2023"
                    : years.get(years.size() - 1), chosenMeasures, customGroups.stored(caller));
            String field = "period".equals(problem.field()) ? "period" : "measures".equals(problem.field()) ? "measure" : "group";
            // a group that is not the viewer's is as if it did not exist, on the page as in the API
            return html.page(problem.code() == exchange.workforce.problem.ProblemCode.NOT_FOUND ? io.micronaut.http.HttpStatus.NOT_FOUND
                    : io.micronaut.http.HttpStatus.OK, "dashboard", new DashboardView(pages.layout(request, caller, "Error: Regional dashboard"),
                    Entered.of(null, List.of(new FieldError(field, problem.getMessage()))), field, "Regional dashboard", "", choices.groups(),
                    choices.periods(), choices.period(), choices.measureGroups(), null, List.of(), false, null, null, null), request);
        }
        BenchmarkResponse answer = dashboard.answer();
        String chosenPeriod = answer.period();
        List<String> years = dashboard.censusYears();
        List<CustomGroupDao.StoredGroup> custom = dashboard.customGroups();
        // the whole page is the same for everyone with this answer (viewer's scope, query, data version, day), these
        // roles and these custom groups: rendered once, then only the person's name and form token change
        BenchmarkResponse levers = benchmarking.benchmark(caller, chosenGroup, chosenPeriod, RetentionLevers.HEADLINES, null);
        String key = System.identityHashCode(answer) + "|" + System.identityHashCode(levers) + "|" + new java.util.TreeSet<>(caller.roles()) + "|"
                + custom.stream().map(g -> g.id() + "=" + g.name()).toList();
        RenderedPage kept = PAGES.get(key);
        if (kept == null || kept.answer() != answer) {
            Choices choices = choices(caller, chosenGroup, years, chosenPeriod, chosenMeasures, custom);
            String query = "group=" + encode(chosenGroup) + "&period=" + encode(chosenPeriod) + "&measures="
                    + encode(String.join(",", chosenMeasures));
            DashboardView view = new DashboardView(pages.sharedLayout(request, caller, answer.group().name() + ", " + chosenPeriod + " – Regional dashboard"),
                    Entered.NOTHING, null, answer.group().name() + ", " + chosenPeriod, sections(answer, request), choices.groups(), choices.periods(),
                    choices.period(), choices.measureGroups(), answer, levers(levers, chosenGroup, chosenPeriod),
                    levers.measures().stream().allMatch(m -> m.coverage().covered() == 0),
                    "Retention levers: " + levers.group().name() + ", census year " + chosenPeriod,
                    "/api/v1/benchmarks?" + query + "&format=csv", "/api/v1/benchmarks?" + query + "&format=ees");
            kept = new RenderedPage(answer, exchange.workforce.web.SharedPage.of(html.render("dashboard", view, request)));
            PAGES.put(key, kept);
        }
        return kept.page().answer(request, caller.user());
    }

    /**
     * The regional dashboard: the group, year and measures chosen (and the lists to choose from), the measures' part rendered
     * once per answer ({@code sections}), the retention levers' headlines, and the answer's downloads; a refused choice's error.
     */
    record DashboardView(Layout layout, Entered entered, String errorField, String heading, String sections, List<Map<String, Object>> groups,
                         List<String> periods, String period, List<Map<String, Object>> measureGroups, BenchmarkResponse answer,
                         List<Map<String, Object>> levers, boolean leversNone, String leversCaption, String csv, String ees) implements PageView {
    }

    /** What the dashboard's form offers: groups, years (newest first) and measures, with the chosen ones marked. */
    private record Choices(List<Map<String, Object>> groups, List<String> periods, String period, List<Map<String, Object>> measureGroups) {
    }

    private Choices choices(Caller caller, String chosenGroup, List<String> years, String chosenPeriod, List<String> chosenMeasures,
                            List<CustomGroupDao.StoredGroup> custom) {
        List<String> newestFirst = new ArrayList<>(years);
        java.util.Collections.reverse(newestFirst);
        return new Choices(groupOptions(caller, chosenGroup, custom), newestFirst, chosenPeriod, measureGroups(chosenMeasures));
    }

    /** The retention levers' headline measures for the same group and year: figure, coverage and the members' median. */
    private List<Map<String, Object>> levers(BenchmarkResponse levers, String group, String period) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MeasureBenchmark m : levers.measures()) {
            String theme = catalogue.measure(m.measure()).map(MeasureCatalogue.Measure::theme).map(MeasureCatalogue.THEMES::get).orElse("");
            rows.add(Pages.row("theme", theme, "measure", m.label(), "link", "/dashboard?group=" + encode(group) + "&period=" + encode(period)
                            + "&measure=" + encode(m.measure()),
                    "figure", m.coverage().covered() == 0 ? "no member returned it" : m.value() == null ? "not shown: too few members returned it"
                            : exchange.workforce.web.Figures.format(m.unit(), m.value(), m.symbol()) + (m.partial() ? " (partial)" : ""),
                    "coverage", m.coverage().covered() + " of " + m.coverage().members(),
                    "median", RetentionLevers.median(m)));
        }
        return rows;
    }

    private record RenderedPage(BenchmarkResponse answer, exchange.workforce.web.SharedPage page) {
    }

    private static final Map<String, RenderedPage> PAGES = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200)
            .<String, RenderedPage>build().asMap();


    /**
     * The measures' part of the page for an answer, rendered once: the answer is Benchmarking's cached object for this
     * viewer's scope and query, so the same object means the same part (looked up by identity, a bounded number kept).
     */
    private String sections(BenchmarkResponse answer, HttpRequest<?> request) {
        int key = System.identityHashCode(answer);
        RenderedSections kept = RENDERED.get(key);
        if (kept != null && kept.answer() == answer) {
            return kept.html();
        }
        String html = this.html.render("dashboard-measures", new MeasuresPart(answer.measures().stream().map(m -> measureView(m, answer)).toList()),
                request);
        RENDERED.put(key, new RenderedSections(answer, html));
        return html;
    }

    /** The measures' part of the dashboard: a section a measure. */
    record MeasuresPart(List<Map<String, Object>> measures) {
    }

    private record RenderedSections(BenchmarkResponse answer, String html) {
    }

    private static final Map<Integer, RenderedSections> RENDERED = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200)
            .<Integer, RenderedSections>build().asMap();

    private List<Map<String, Object>> groupOptions(Caller caller, String chosen, List<CustomGroupDao.StoredGroup> custom) {
        List<Map<String, Object>> options = new ArrayList<>();
        caller.homeRegion().flatMap(regions::region).ifPresent(r -> options.add(option("region:" + r.code(), "Your region: " + r.name(), chosen)));
        caller.authorityCode().flatMap(regions::authority).ifPresent(a ->
                options.add(option("neighbours:" + a.code(), a.name() + "'s statistical neighbours", chosen)));
        options.add(option("england", "England", chosen));
        custom.forEach(g -> options.add(option("custom:" + g.id(), "Your group: " + g.name(), chosen)));
        regions.regions().stream().filter(r -> caller.homeRegion().map(home -> !home.equals(r.code())).orElse(true))
                .forEach(r -> options.add(option("region:" + r.code(), r.name(), chosen)));
        return options;
    }

    private static Map<String, Object> option(String value, String label, String chosen) {
        return Pages.row("value", value, "label", label, "selected", value.equalsIgnoreCase(chosen));
    }

    /** The measures to choose from, theme by theme (the census families first, then the retention levers). */
    private List<Map<String, Object>> measureGroups(List<String> chosen) {
        List<Map<String, Object>> groups = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, String> theme : MeasureCatalogue.THEMES.entrySet()) {
            List<Map<String, Object>> options = new ArrayList<>();
            for (MeasureCatalogue.Measure m : catalogue.measures()) {
                if (theme.getKey().equals(m.theme())) {
                    options.add(Pages.row("code", m.code(), "label", m.label(), "checked", chosen.contains(m.code()),
                            "id", first ? "measure" : "measure-" + m.code())); // the first is where an error links
                    first = false;
                }
            }
            if (!options.isEmpty()) {
                groups.add(Pages.row("theme", theme.getKey(), "label", theme.getValue(), "options", options));
            }
        }
        return groups;
    }

    private static Map<String, Object> measureView(MeasureBenchmark m, BenchmarkResponse answer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", m.measure());
        view.put("label", m.label());
        view.put("periodLabel", m.periodLabel());
        view.put("headline", Figures.format(m.unit(), m.value(), m.symbol()));
        view.put("headlineBasis", m.headline());
        view.put("partial", m.partial());
        view.put("recomputed", Figures.format(m.unit(), m.recomputed().value(), m.recomputed().symbol())
                + (m.recomputed().partial() ? " (partial)" : "") + ": " + m.recomputed().aggregation()
                + (m.recomputed().differsFromDfe() == null ? "" : ". Note: " + m.recomputed().differsFromDfe() + "."));
        view.put("coverage", m.coverage().note());
        view.put("england", m.england() == null ? null : Figures.format(m.unit(), m.england().value(), m.england().symbol()));
        view.put("previous", m.previous() == null ? null : m.previous().label() + ": " + Figures.format(m.unit(), m.previous().value(), m.previous().symbol())
                + (m.change() == null ? "" : " (change " + (m.change().signum() > 0 ? "+" : "") + m.change().toPlainString() + ")"));
        view.put("target", m.target() == null ? null : m.target().description()
                + (m.target().met() == null ? "" : m.target().met() ? ": met" : ": not met"));
        view.put("better", switch (m.better()) {
            case "lower" -> "Lower is better; rank 1 is the lowest.";
            case "higher" -> "Higher is better; rank 1 is the highest.";
            default -> "Neither higher nor lower is better; rank 1 is the highest.";
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        List<BarChart.Row> chartRows = new ArrayList<>();
        int unnamed = 0;
        String you = null;
        for (MeasureBenchmark.Member member : m.authorities() == null ? List.<MeasureBenchmark.Member>of() : m.authorities()) {
            String name = member.name() != null ? member.name() : "Council not named " + (++unnamed);
            String shown = Figures.format(m.unit(), member.value(), member.symbol());
            boolean mine = member.you() || member.subject();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", member.rank() == null ? "–" : member.rank().toString());
            row.put("name", name + (member.you() ? " (you)" : member.subject() ? " (compared)" : ""));
            row.put("value", shown);
            row.put("source", (member.source() == FigureSource.RETURN ? "own return, version " + member.returnVersion() : member.source().words())
                    + (member.revisedFrom() == null ? "" : ", revised by DfE (it published " + member.revisedFrom() + " before)"));
            row.put("flag", member.flag() == null ? "" : member.flag().reason());
            row.put("you", mine);
            rows.add(row);
            chartRows.add(new BarChart.Row(name + (member.you() ? " (you)" : ""), member.value(), shown, mine, member.flag() != null));
            if (mine && member.rank() != null) {
                you = name + " ranks " + member.rank() + " of " + m.authorities().stream().filter(a -> a.rank() != null).count();
            }
        }
        view.put("members", rows);
        view.put("chart", BarChart.of(chartRows, m.value(), "Group: " + Figures.format(m.unit(), m.value(), m.symbol())));
        view.put("summary", answer.group().name() + ": " + view.get("headline") + " (" + m.headline() + ")."
                + (view.get("england") == null ? "" : " England: " + view.get("england") + ".")
                + (you == null ? "" : " " + you + ".") + " " + view.get("better"));
        return view;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
