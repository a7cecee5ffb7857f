package exchange.workforce.board;

import exchange.workforce.agency.AssignmentRegister;
import exchange.workforce.benchmark.MeasureBenchmark;
import exchange.workforce.returns.SubmissionStatus;
import exchange.workforce.returns.SubmissionWindows;
import exchange.workforce.web.Figures;
import exchange.workforce.web.Pages;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report in words and tables, the same for the page and the PDF: figures formatted, symbols as words, dates GOV.UK style. */
final class BoardReportModel {


    private BoardReportModel() {
    }

    /**
     * The report as its templates read it (the page's body and the PDF's): the chart's fragment, the quarter in words, the
     * headline figures, each member against the region and England, the agency rate drawn (null where no member gave it),
     * returns, agency compliance, references, supply against demand, the memorandum's impact, what changed, and sources.
     */
    record BoardReport(String chartFragment, String regionName, String quarter, String quarterLabel, String generatedOn, String title,
                       String censusYear, List<Map<String, Object>> headlines, List<String> measures, List<Map<String, Object>> memberRows,
                       exchange.workforce.web.BarChart chart, List<Map<String, Object>> chartBars, String chartTitle, String chartCaption,
                       String returnsDue, String returnsIn, List<String> returnsMissing, List<Map<String, Object>> agency, String agencySummary,
                       List<String> agencySilent, List<Map<String, Object>> references, List<Map<String, Object>> supply, String supplyMissing,
                       String impact, List<String> changes, String sources) implements exchange.workforce.web.ViewPart {
    }

    /** The model for the page ({@code forPdf} false: the chart as SVG) or the PDF (bars as a table: PDFs here draw no SVG). */
    static BoardReport of(ReportingToTheBoard.Report report, boolean forPdf) {

        String chartFragment = forPdf ? "chart-bars" : "chart-svg";
        String quarter = quarterWords(report.quarter());
        String regionName = report.regionName();
        
        String quarterLabel = report.quarter().label();
        String generatedOn = exchange.workforce.web.GovukDates.format(report.generatedOn());
        String title = report.regionName() + " memorandum: report to the board, " + quarter;

        // headline figures, with their coverage and England beside them
        var answer = report.figures().answer();
        String censusYear = answer.period();
        List<Map<String, Object>> headlines = new ArrayList<>();
        for (MeasureBenchmark m : answer.measures()) {
            headlines.add(Pages.row("label", m.label(), "value", Figures.format(m.unit(), m.value(), m.symbol()), "headline", m.headline(),
                    "coverage", m.coverage().covered() + " of " + m.coverage().members() + " members" + (m.partial() ? " (partial: not the headline)" : ""),
                    "england", m.england() == null ? "no figure" : Figures.format(m.unit(), m.england().value(), m.england().symbol()),
                    "previous", m.previous() == null ? "no figure" : Figures.format(m.unit(), m.previous().value(), m.previous().symbol())));
        }
        

        // each member against the region and England, measure by measure
        List<String> measures = answer.measures().stream().map(MeasureBenchmark::label).toList();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < answer.measures().size(); i++) {
            MeasureBenchmark m = answer.measures().get(i);
            if (m.authorities() == null) {
                continue;
            }
            for (MeasureBenchmark.Member member : m.authorities()) {
                String name = member.name() == null ? "A member (not named)" : member.name();
                List<String> cells = rows.computeIfAbsent(name, k -> new ArrayList<>(java.util.Collections.nCopies(measures.size(), "no figure")));
                cells.set(i, Figures.format(m.unit(), member.value(), member.symbol()));
            }
        }
        List<Map<String, Object>> memberRows = new ArrayList<>();
        rows.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> memberRows.add(Pages.row("name", e.getKey(), "cells", e.getValue())));
        memberRows.add(Pages.row("name", report.regionName() + " (region)", "cells", headlines.stream().map(h -> h.get("value").toString()).toList()));
        memberRows.add(Pages.row("name", "England", "cells", headlines.stream().map(h -> h.get("england").toString()).toList()));
        
        

        // the agency rate drawn: each member's bar against the region's figure (the table above gives every value)
        exchange.workforce.web.BarChart chart = null;
        List<Map<String, Object>> chartBars = null;
        String chartTitle = null;
        String chartCaption = null;
        MeasureBenchmark rate = answer.measures().stream().filter(b -> b.measure().equals("agency_rate_fte") && b.authorities() != null).findFirst()
                .orElse(null);
        if (rate != null) {
            List<exchange.workforce.web.BarChart.Row> bars = rate.authorities().stream().filter(a -> a.value() != null)
                    .sorted(java.util.Comparator.comparing(MeasureBenchmark.Member::value).reversed())
                    .map(a -> new exchange.workforce.web.BarChart.Row(a.name() == null ? "A member" : a.name(), a.value(),
                            Figures.format(rate.unit(), a.value(), a.symbol()), false, false)).toList();
            String region = Figures.format(rate.unit(), rate.value(), rate.symbol());
            chart = exchange.workforce.web.BarChart.of(bars, rate.value(), "Region " + region);
            java.math.BigDecimal most = bars.stream().map(exchange.workforce.web.BarChart.Row::value).reduce(rate.value() == null ? java.math.BigDecimal.ZERO : rate.value(), java.math.BigDecimal::max);
            chartBars = bars.stream().map(b -> Pages.row("name", b.label(), "shown", b.shown(), "width",
                    most.signum() == 0 ? 0 : b.value().multiply(java.math.BigDecimal.valueOf(100)).divide(most, 0, java.math.RoundingMode.HALF_UP).intValue())).toList();
            chartTitle = "Agency rate by member, census year " + answer.period() + ", highest first; the region's figure is " + region;
            chartCaption = chartTitle + ". Bars are each member's own figure; the dashed line is the region's.";
        }

        // the quarter's returns
        SubmissionWindows.RegionStatus returns = report.returns();
        String returnsDue = returns.dueOn() == null ? "no due date set" : "due " + exchange.workforce.web.GovukDates.format(returns.dueOn());
        long in = count(returns, SubmissionStatus.SUBMITTED) + count(returns, SubmissionStatus.CORRECTED);
        long inBefore = count(report.returnsBefore(), SubmissionStatus.SUBMITTED) + count(report.returnsBefore(), SubmissionStatus.CORRECTED);
        String returnsIn = in + " of " + returns.members().size() + " members";
        List<String> returnsMissing = returns.members().stream().filter(m -> m.version() == null)
                .map(m -> m.authorityName() + " (" + m.status().words().toLowerCase(Locale.UK) + ")").toList();

        // agency compliance
        List<Map<String, Object>> agency = new ArrayList<>();
        long assignments = 0;
        long breaches = 0;
        long signedOff = 0;
        long coolingOff = 0;
        List<String> silent = new ArrayList<>();
        for (AssignmentRegister.MemberCompliance c : report.agency()) {
            if (!c.recordedAnything()) {
                silent.add(c.name());
                continue;
            }
            assignments += c.assignments();
            breaches += c.capBreaches();
            signedOff += c.capBreachesSignedOff();
            coolingOff += c.coolingOffNotMet();
            agency.add(Pages.row("name", c.name(), "assignments", c.assignments(), "capBreaches", c.capBreaches(),
                    "signedOff", c.capBreachesSignedOff(), "coolingOff", c.coolingOffNotMet(), "exceptions", c.withExceptions()));
        }
        long assignmentsBefore = report.agencyBefore().stream().mapToLong(AssignmentRegister.MemberCompliance::assignments).sum();
        long breachesBefore = report.agencyBefore().stream().mapToLong(AssignmentRegister.MemberCompliance::capBreaches).sum();
        
        String agencySummary = assignments + " agency assignments active in the quarter; " + breaches + " over the region's price cap ("
                + signedOff + " signed off by the Director and Chief Executive); " + coolingOff + " started inside cooling-off.";
        List<String> agencySilent = silent;

        // references turnaround, by member as referee
        List<Map<String, Object>> references = new ArrayList<>();
        for (var t : report.references()) {
            references.add(Pages.row("name", report.returns().members().stream().filter(m -> m.authorityCode().equals(t.refereeAuthority()))
                            .map(SubmissionWindows.MemberStatus::authorityName).findFirst().orElse(t.refereeAuthority()),
                    "due", t.due(), "answered", t.answered(), "onTime", t.onTime(), "openOverdue", t.openOverdue(),
                    "median", t.medianDays() == null ? "none answered" : t.medianDays().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " days"));
        }
        

        // supply against demand
        List<Map<String, Object>> supply = new ArrayList<>();
        if (report.supply() != null) {
            for (var year : report.supply().years()) {
                if (year.projected() || year.period().equals(report.supply().origin())) {
                    supply.add(Pages.row("year", year.period() + (year.projected() ? " (forecast)" : " (latest)"),
                            "inpost", fte(year.inpostFte()), "required", fte(year.requiredFte()), "gap", fte(year.gapFte())));
                }
            }
        }
        
        String supplyMissing = report.supply() == null ? "No forecast: " + report.supplyMissing() : null;

        // the memorandum's impact
        String impact = report.impact().conclusion();

        // what changed since the quarter before
        List<String> changes = new ArrayList<>();
        changes.add("Returns in: " + in + " this quarter, " + inBefore + " for " + quarterWords(report.quarter().previous()) + ".");
        changes.add("Agency assignments active: " + assignments + ", against " + assignmentsBefore + " the quarter before.");
        changes.add("Over the price cap: " + breaches + ", against " + breachesBefore + " the quarter before.");
        
        String sources = answer.sources();
        return new BoardReport(chartFragment, regionName, quarter, quarterLabel, generatedOn, title, censusYear, headlines, measures, memberRows, chart,
                chartBars, chartTitle, chartCaption, returnsDue, returnsIn, returnsMissing, agency, agencySummary, agencySilent, references, supply,
                supplyMissing, impact, changes, sources);
    }

    private static String fte(java.math.BigDecimal value) {
        return value == null ? "no figure" : Figures.format("fte", value, null);
    }

    private static long count(SubmissionWindows.RegionStatus status, SubmissionStatus which) {
        return status.counts().getOrDefault(which.name(), 0L);
    }

    /** "July to September 2026" for 2026-Q3. */
    static String quarterWords(exchange.workforce.returns.Period quarter) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM", Locale.UK);
        return month.format(quarter.start()) + " to " + month.format(quarter.end()) + " " + quarter.end().getYear();
    }
}
