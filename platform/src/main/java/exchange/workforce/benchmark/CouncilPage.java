package exchange.workforce.benchmark;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.web.Figures;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A council's own page: its figures for the key measures beside its region, its statistical neighbours (their median)
 * and England, year by year. Answered by {@link Benchmarking}, like the API, for the council in the sign-in only.
 */
@Controller("/council")
@Hidden
@Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "PLANNER"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CouncilPage {

    private final Callers callers;
    private final Benchmarking benchmarking;
    private final MeasureCatalogue catalogue;
    private final Regions regions;
    private final Pages pages;
    private final Html html;
    private final RetentionLevers levers;
    private final exchange.workforce.teams.TeamFiguresSharing teamSharing;

    public CouncilPage(Callers callers, Benchmarking benchmarking, MeasureCatalogue catalogue, Regions regions, Pages pages, Html html,
                       RetentionLevers levers, exchange.workforce.teams.TeamFiguresSharing teamSharing) {
        this.levers = levers;
        this.teamSharing = teamSharing;
        this.callers = callers;
        this.benchmarking = benchmarking;
        this.catalogue = catalogue;
        this.regions = regions;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> council(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.authorityUser(authentication);
        Authority authority = regions.authority(caller.authorityCode().orElseThrow()).orElseThrow();
        String regionName = regions.region(authority.regionCode()).map(r -> r.name()).orElse(authority.regionCode());
        List<String> years = benchmarking.censusYears();
        List<String> measures = Benchmarking.HEADLINE_MEASURES;
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        measures.forEach(m -> rows.put(m, new ArrayList<>()));
        Map<String, List<CouncilTrend.Year>> trends = new LinkedHashMap<>();
        measures.forEach(m -> trends.put(m, new ArrayList<>()));
        for (String year : years) {
            BenchmarkResponse region = benchmarking.benchmark(caller, "region:" + authority.regionCode(), year, measures, null);
            BenchmarkResponse neighbours = benchmarking.benchmark(caller, "neighbours:" + authority.code(), year, measures, null);
            for (int i = 0; i < measures.size(); i++) {
                MeasureBenchmark inRegion = region.measures().get(i);
                MeasureBenchmark amongNeighbours = neighbours.measures().get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("year", year);
                // a figure DfE revised says so, and what DfE published before, where the council reads it
                row.put("you", RetentionLevers.yours(inRegion));
                row.put("region", Figures.format(inRegion.unit(), inRegion.value(), inRegion.symbol()));
                row.put("neighbours", Figures.format(amongNeighbours.unit(), amongNeighbours.value(), amongNeighbours.symbol()));
                row.put("england", inRegion.england() == null ? Figures.symbol(Symbol.UNAVAILABLE)
                        : Figures.format(inRegion.unit(), inRegion.england().value(), inRegion.england().symbol()));
                rows.get(measures.get(i)).add(row);
                trends.get(measures.get(i)).add(new CouncilTrend.Year(year, inRegion, amongNeighbours));
            }
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        for (String code : measures) {
            MeasureCatalogue.Measure measure = catalogue.measure(code).orElseThrow();
            List<Map<String, Object>> series = rows.get(code);
            Map<String, Object> latest = series.isEmpty() ? null : series.get(series.size() - 1);
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("code", code);
            table.put("label", measure.label());
            table.put("rows", series);
            table.put("summary", latest == null ? "" : "In " + latest.get("year") + ", " + authority.name() + ": " + latest.get("you")
                    + "; " + regionName + ": " + latest.get("region") + "; its statistical neighbours (median): " + latest.get("neighbours")
                    + "; England: " + latest.get("england") + ".");
            table.put("changed", CouncilTrend.sentence(authority.name(), regionName, trends.get(code)));
            table.put("chart", CouncilTrend.chart(authority.name(), regionName, trends.get(code)));
            tables.add(table);
        }
        Optional<Demand> demand = demand(caller, authority, years);
        return html.page("council", new CouncilView(pages.layout(request, caller, authority.name()), authority.name(), regionName, tables,
                demand.map(Demand::rows).orElse(null), demand.map(Demand::year).orElse(null), demand.map(Demand::covers).orElse(null),
                levers.of(caller, authority, regionName, years), teamSharing.of(caller).sharedWithMemorandum(),
                caller.has(exchange.workforce.identity.Role.AUTHORITY_SUBMITTER)), request);
    }

    /** Demand counts and their rates per 10,000 children, each with the count it is made of, as DfE's dashboard shows them. */
    static final List<List<String>> DEMAND = List.of(List.of("referral_count", "referral_rate"), List.of("at31_episodes", "at31_rate"),
            List.of("cpp_at31", "cpp_rate"));

    /**
     * The latest children-in-need year with the council's demand figures: each count, the council's rate per 10,000
     * children, and the region's, the neighbours' (median) and England's rates; empty before any is published.
     */
    /** The council's page: its figures beside its region's, its neighbours' and England's, its demand, and the levers it can pull. */
    record CouncilView(Layout layout, String council, String region, List<Map<String, Object>> tables, List<Map<String, Object>> demand,
                       String demandYear, String demandCovers, List<Map<String, Object>> levers, boolean teamSharing, boolean maySetSharing) implements PageView {
    }

    /** The demand table of one children-in-need year: its rows, the year in words, and the dates it covers. */
    private record Demand(List<Map<String, Object>> rows, String year, String covers) {
    }

    private Optional<Demand> demand(Caller caller, Authority authority, List<String> years) {
        List<String> codes = DEMAND.stream().flatMap(List::stream).toList();
        for (int y = years.size() - 1; y >= 0; y--) {
            String year = years.get(y);
            BenchmarkResponse region = benchmarking.benchmark(caller, "region:" + authority.regionCode(), year, codes, null);
            if (region.measures().stream().allMatch(m -> m.value() == null)) {
                continue;
            }
            BenchmarkResponse neighbours = benchmarking.benchmark(caller, "neighbours:" + authority.code(), year, codes, null);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < codes.size(); i += 2) {
                MeasureBenchmark count = region.measures().get(i);
                MeasureBenchmark rate = region.measures().get(i + 1);
                MeasureBenchmark neighboursRate = neighbours.measures().get(i + 1);
                rows.add(Pages.row("label", count.label(), "count", RetentionLevers.yours(count), "rate", RetentionLevers.yours(rate),
                        "region", Figures.format(rate.unit(), rate.value(), rate.symbol()),
                        "neighbours", Figures.format(neighboursRate.unit(), neighboursRate.value(), neighboursRate.symbol()),
                        "england", rate.england() == null ? Figures.symbol(Symbol.UNAVAILABLE)
                                : Figures.format(rate.unit(), rate.england().value(), rate.england().symbol())));
            }
            int end = Integer.parseInt(year.substring(0, 4));
            return Optional.of(new Demand(rows, "the year to 31 March " + end, "1 April " + (end - 1) + " to 31 March " + end));
        }
        return Optional.empty();
    }
}
