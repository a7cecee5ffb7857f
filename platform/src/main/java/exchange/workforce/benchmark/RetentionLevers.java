package exchange.workforce.benchmark;

import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.memorandum.ExitThemeList;
import exchange.workforce.memorandum.ExitThemes;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.returns.ReadingAReturn;
import exchange.workforce.returns.ReturnValue;
import exchange.workforce.returns.ReturnVersion;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.web.Figures;
import exchange.workforce.web.Pages;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "What is going on with retention here", for a council's own page: each lever theme's measures for the last three
 * census years beside the region's figure (with how many members it covers) and the region's median, from
 * {@link Benchmarking} like every other reader; and the council's own latest breakdowns (by ethnicity, team, office,
 * promotion step, exit theme), which only the council reads on its page.
 */
@Singleton
public class RetentionLevers {

    /** The retention levers the census does not cover, theme by theme, in the order a council reads them. */
    static final List<String> THEMES = List.of("voice", "supervision", "progression", "pay", "exit", "diversity", "teams", "pipeline");

    /** One headline measure or two a theme, for the regional dashboard's summary (teams are the councils' own: none). */
    static final List<String> HEADLINES = List.of("staff_survey_response_rate", "staff_survey_recommend_rate", "wellbeing_score",
            "supervision_on_time_rate", "aspiring_manager_places", "pay_median_social_worker", "exit_interview_rate",
            "ethnic_minority_rate", "students_on_placement");

    private final Benchmarking benchmarking;
    private final MeasureCatalogue catalogue;
    private final ReadingAReturn returns;
    private final ExitThemes exitThemes;

    public RetentionLevers(Benchmarking benchmarking, MeasureCatalogue catalogue, ReadingAReturn returns, ExitThemes exitThemes) {
        this.benchmarking = benchmarking;
        this.catalogue = catalogue;
        this.returns = returns;
        this.exitThemes = exitThemes;
    }

    /** Each theme: its words, its rows (measure, year, the council, the region, the region's median) and the council's own breakdowns. */
    List<Map<String, Object>> of(Caller caller, Authority authority, String regionName, List<String> years) {
        List<String> recent = years.subList(Math.max(0, years.size() - 3), years.size());
        List<String> codes = catalogue.measures().stream().filter(m -> THEMES.contains(m.theme())).map(MeasureCatalogue.Measure::code).toList();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        THEMES.forEach(t -> rows.put(t, new ArrayList<>()));
        for (String year : recent) { // one look-up a year for every lever
            BenchmarkResponse region = benchmarking.benchmark(caller, "region:" + authority.regionCode(), year, codes, null);
            for (MeasureBenchmark m : region.measures()) {
                String you = yours(m);
                if (you.equals(Figures.symbol(Symbol.UNAVAILABLE))) {
                    continue;
                }
                MeasureCatalogue.Measure measure = catalogue.measure(m.measure()).orElseThrow();
                rows.get(measure.theme()).add(Pages.row("measure", m.label(), "year", year, "you", you,
                        "region", regionsFigure(m), "median", median(m)));
            }
        }
        Map<String, List<Map<String, Object>>> breakdowns = breakdowns(caller);
        List<Map<String, Object>> themes = new ArrayList<>();
        rows.forEach((theme, list) -> {
            list.sort(java.util.Comparator.comparing((Map<String, Object> r) -> r.get("measure").toString()));
            themes.add(Pages.row("theme", theme, "label", MeasureCatalogue.THEMES.get(theme), "rows", list, "region", regionName,
                    "breakdowns", breakdowns.getOrDefault(theme, List.of())));
        });
        return themes;
    }

    /**
     * The council's latest census-year return, broken down: per theme, one table per dimension its measures have, a row
     * per value given and a column per measure (a count of people with its share of the total given).
     */
    private Map<String, List<Map<String, Object>>> breakdowns(Caller caller) {
        Optional<ReturnVersion> latest = returns.periods(caller).stream().filter(v -> v.periodType() == PeriodType.CENSUS_YEAR)
                .max(java.util.Comparator.comparing(ReturnVersion::period));
        if (latest.isEmpty()) {
            return Map.of();
        }
        List<ReturnValue> values = returns.view(caller, PeriodType.CENSUS_YEAR.name(), latest.get().period(), null).values();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        values.stream().filter(v -> v.breakdown().isEmpty() && v.value() != null).forEach(v -> totals.put(v.measure(), v.value()));
        Map<String, String> themeWords = new LinkedHashMap<>();
        exitThemes.forCaller(caller).themes().forEach(t -> themeWords.put(t.code(), t.label()));
        Map<String, List<Map<String, Object>>> byTheme = new LinkedHashMap<>();
        for (String theme : THEMES) {
            List<MeasureCatalogue.Measure> measures = catalogue.measures().stream().filter(m -> theme.equals(m.theme()) && !m.breakdowns().isEmpty()).toList();
            Set<String> dimensions = new LinkedHashSet<>();
            measures.forEach(m -> dimensions.addAll(m.breakdowns()));
            List<Map<String, Object>> tables = new ArrayList<>();
            for (String dimension : dimensions) {
                List<MeasureCatalogue.Measure> columns = measures.stream().filter(m -> m.breakdowns().contains(dimension)
                        && values.stream().anyMatch(v -> v.measure().equals(m.code()) && v.breakdown().startsWith(dimension + "="))).toList();
                if (columns.isEmpty()) {
                    continue;
                }
                Set<String> given = new LinkedHashSet<>();
                catalogue.dimension(dimension).ifPresent(d -> given.addAll(d.keptByTheRegion() ? themeWords.keySet() : d.values()));
                values.stream().filter(v -> v.breakdown().startsWith(dimension + "=") && !v.breakdown().contains(";"))
                        .map(v -> v.breakdown().substring(dimension.length() + 1)).sorted().forEach(given::add);
                List<Map<String, Object>> tableRows = new ArrayList<>();
                for (String value : given) {
                    List<String> cells = new ArrayList<>();
                    boolean any = false;
                    for (MeasureCatalogue.Measure m : columns) {
                        Optional<ReturnValue> cell = values.stream().filter(v -> v.measure().equals(m.code())
                                && v.breakdown().equals(dimension + "=" + value)).findFirst();
                        any |= cell.isPresent();
                        cells.add(cell.map(v -> Figures.format(m.unit(), v.value(), v.symbol()) + share(m, v, totals)).orElse("not given"));
                    }
                    if (any) {
                        tableRows.add(Pages.row("value", "exit_theme".equals(dimension) ? themeWords.getOrDefault(value, words(value)) : words(value),
                                "cells", cells));
                    }
                }
                String dimensionWords = catalogue.dimension(dimension).map(MeasureCatalogue.Dimension::label).orElse(dimension);
                tables.add(Pages.row("id", theme + "-" + dimension, "caption", dimensionWords + ", census year "
                        + latest.get().period() + " (your council's return, version " + latest.get().version() + ")",
                        "dimension", dimensionWords, "columns", columns.stream().map(MeasureCatalogue.Measure::label).toList(), "rows", tableRows));
            }
            byTheme.put(theme, tables);
        }
        return byTheme;
    }

    /** The council's own figure in a benchmark, in words (a revision says so), or "not available". */
    static String yours(MeasureBenchmark measure) {
        return measure.authorities().stream().filter(MeasureBenchmark.Member::you).findFirst()
                .map(y -> Figures.format(measure.unit(), y.value(), y.symbol())
                        + (y.revisedFrom() == null ? "" : " (revised by DfE; it published " + y.revisedFrom() + " before)"))
                .orElse(Figures.symbol(Symbol.UNAVAILABLE));
    }

    /**
     * The group's figure with how many members it covers; where it covers too few to be shown (a partial figure is
     * never given as the group's), that, in words.
     */
    static String regionsFigure(MeasureBenchmark m) {
        String covers = m.coverage().covered() + " of " + m.coverage().members() + (m.coverage().members() == 1 ? " member" : " members");
        if (m.value() == null && m.coverage().covered() > 0) {
            return "not shown: " + covers + " returned it";
        }
        return Figures.format(m.unit(), m.value(), m.symbol()) + " (" + covers + ")";
    }

    /** The members' median in the measure's unit: whole people and counts where it is whole, pounds to the penny, else one decimal. */
    static String median(MeasureBenchmark m) {
        if (m.distribution() == null) {
            return "not shown";
        }
        BigDecimal median = BigDecimal.valueOf(m.distribution().median());
        boolean whole = median.stripTrailingZeros().scale() <= 0 && List.of("headcount", "count").contains(m.unit());
        return Figures.format(m.unit(), median.setScale("pounds".equals(m.unit()) ? 2 : whole ? 0 : 1, RoundingMode.HALF_UP), null);
    }

    /** " (12.5% of 56)" for a count of people whose total is given; "" otherwise. */
    private static String share(MeasureCatalogue.Measure measure, ReturnValue value, Map<String, BigDecimal> totals) {
        BigDecimal total = totals.get(measure.code());
        if (!measure.countsPeople() || value.value() == null || total == null || total.signum() == 0) {
            return "";
        }
        return " (" + value.value().multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP).toPlainString() + "%)";
    }

    static String words(String code) {
        return MeasureCatalogue.words(code);
    }
}
