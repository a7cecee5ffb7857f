package exchange.workforce.impact;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.LinesChart;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Did the memorandum work: the page. The same use case as {@link ImpactController}; the region from the sign-in. */
@Controller("/region/impact")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER", "PLANNER"})
public class ImpactPage {


    private final Callers callers;
    private final MeasuringTheMemorandum measuring;
    private final Pages pages;
    private final Html html;

    public ImpactPage(Callers callers, MeasuringTheMemorandum measuring, Pages pages, Html html) {
        this.callers = callers;
        this.measuring = measuring;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> impact(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String measure) {
        Caller caller = callers.regionalUser(authentication);
        Map<String, String> measures = measuring.measures();
        String chosen = measure != null && measures.containsKey(measure.trim()) ? measure.trim() : measures.keySet().iterator().next();
        MeasuringTheMemorandum.Impact impact = measuring.impact(caller, chosen);
        List<Map<String, Object>> options = new ArrayList<>();
        measures.forEach((code, label) -> options.add(Pages.row("value", code, "label", label, "selected", code.equals(chosen))));
        List<Map<String, Object>> members = impact.members().stream().map(m -> Pages.row("name", m.name(), "joined", exchange.workforce.web.GovukDates.format(m.joined()),
                "before", span(m.yearsBefore()) + ": " + m.before().toPlainString(), "after", span(m.yearsAfter()) + ": " + m.after().toPlainString(),
                "change", signed(m.change()), "comparisonChange", signed(m.comparisonChange()), "difference", signed(m.difference()),
                "comparedWith", m.comparedWith().size())).toList();
        List<Map<String, Object>> notEstimated = impact.notEstimated().stream().map(n -> Pages.row("name", n.name(), "reason", n.reason(),
                "joined", n.joined() == null ? "" : exchange.workforce.web.GovukDates.format(n.joined()))).toList();
        List<Map<String, Object>> series = impact.series().stream().map(y -> Pages.row("year", y.year(), "members", figure(y.members()),
                "comparison", figure(y.comparison()))).toList();
        List<String> years = impact.series().stream().map(MeasuringTheMemorandum.YearMeans::year).toList();
        LinesChart chart = LinesChart.of(years, List.of(
                new LinesChart.Series("Members (mean)", values(impact.series(), true)),
                new LinesChart.Series("Councils compared with (mean)", values(impact.series(), false))));
        List<Map<String, Object>> joinings = joinings(impact, years, chart);
        return html.page("region-impact", new ImpactView(pages.layout(request, caller, "Did the memorandum work?"), options, impact,
                impact.estimate() == null ? null : signed(impact.estimate()) + " " + impact.unit(),
                impact.lower95() == null ? null : signed(impact.lower95()) + " to " + signed(impact.upper95()) + " " + impact.unit(),
                members, "Each member's change, and its comparison councils' change over the same years, in " + impact.unit(), notEstimated, series,
                chart, joinings, "Dotted upright line: joining (" + String.join("; ", joinings.stream().map(j -> j.get("label").toString()).toList())
                + "), between the last census year wholly before it and the first wholly after."), request);
    }

    /** Did the memorandum work: the estimate with its interval, each member's change beside its comparison's, and the chart with its table. */
    record ImpactView(Layout layout, List<Map<String, Object>> measures, MeasuringTheMemorandum.Impact impact, String headline, String interval,
                      List<Map<String, Object>> members, String membersCaption, List<Map<String, Object>> notEstimated,
                      List<Map<String, Object>> series, LinesChart chart, List<Map<String, Object>> joinings, String joiningCaption)
            implements PageView {
    }

    /** Where each joining falls on the chart: between the last year wholly before it and the first wholly after. */
    private static List<Map<String, Object>> joinings(MeasuringTheMemorandum.Impact impact, List<String> years, LinesChart chart) {
        List<Map<String, Object>> marks = new ArrayList<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        impact.members().forEach(m -> days.add(m.joined()));
        for (LocalDate day : days) {
            String firstAfter = impact.members().stream().filter(m -> m.joined().equals(day)).findFirst().orElseThrow().yearsAfter().get(0);
            int at = years.indexOf(firstAfter);
            if (at > 0) {
                int x = (chart.xTicks().get(at - 1).at() + chart.xTicks().get(at).at()) / 2;
                marks.add(Pages.row("x", x, "label", "Joined " + exchange.workforce.web.GovukDates.format(day)));
            }
        }
        return marks;
    }

    private static double[] values(List<MeasuringTheMemorandum.YearMeans> series, boolean members) {
        return series.stream().mapToDouble(y -> {
            BigDecimal v = members ? y.members() : y.comparison();
            return v == null ? Double.NaN : v.doubleValue();
        }).toArray();
    }

    private static String span(List<String> years) {
        return years.size() == 1 ? years.get(0) : years.get(0) + " to " + years.get(years.size() - 1);
    }

    private static String figure(@Nullable BigDecimal value) {
        return value == null ? "no figure" : value.toPlainString();
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : value.signum() < 0 ? "−" : "") + value.abs().toPlainString();
    }
}
