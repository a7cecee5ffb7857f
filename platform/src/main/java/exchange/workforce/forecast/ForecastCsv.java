package exchange.workforce.forecast;

import exchange.workforce.adapters.tabular.SafeCsv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A forecast and a plan as CSV files a planner opens in a spreadsheet: one row per year, observed then forecast, with
 * the intervals and what each figure is; every text cell formula-safe, a byte-order mark for Excel.
 */
final class ForecastCsv {

    private ForecastCsv() {
    }

    static String forecast(Forecast forecast) {
        StringBuilder out = new StringBuilder("\uFEFF").append(SafeCsv.line(List.of("area_code", "area_name", "measure", "unit", "period",
                "kind", "value", "symbol", "lower80", "upper80", "lower95", "upper95", "baseline", "method", "note")));
        for (Forecast.Observed year : forecast.history()) {
            out.append(row(forecast, year.period(), year.used() ? "observed" : "observed, not used", year.value(),
                    year.symbol() == null ? "" : year.symbol().code(), null, null, null, null, null, "", year.note()));
        }
        for (Forecast.Point point : forecast.points()) {
            out.append(row(forecast, point.period(), "forecast", point.value(), "", point.lower80(), point.upper80(), point.lower95(),
                    point.upper95(), point.baseline(), forecast.method().code(), null));
        }
        return out.toString();
    }

    private static String row(Forecast forecast, String period, String kind, BigDecimal value, String symbol, BigDecimal lower80,
                              BigDecimal upper80, BigDecimal lower95, BigDecimal upper95, BigDecimal baseline, String method, String note) {
        return SafeCsv.line(List.of(SafeCsv.cell(forecast.area().code()), SafeCsv.cell(forecast.area().name()),
                SafeCsv.cell(forecast.measure().code()), SafeCsv.cell(forecast.measure().unit()), SafeCsv.cell(period), SafeCsv.cell(kind),
                SafeCsv.number(value), SafeCsv.cell(symbol), SafeCsv.number(lower80), SafeCsv.number(upper80), SafeCsv.number(lower95),
                SafeCsv.number(upper95), SafeCsv.number(baseline), SafeCsv.cell(method), SafeCsv.cell(note)));
    }

    static String comparison(ScenarioComparison comparison) {
        StringBuilder out = new StringBuilder("\uFEFF").append(SafeCsv.line(List.of("area_code", "area_name", "period", "option", "changes",
                "inpost_fte", "required_fte", "gap_fte")));
        for (ScenarioComparison.Year year : comparison.years()) {
            for (int i = 0; i < comparison.options().size(); i++) {
                ScenarioComparison.Option option = comparison.options().get(i);
                ScenarioComparison.Figures figures = year.options().get(i);
                out.append(SafeCsv.line(List.of(SafeCsv.cell(comparison.area().code()), SafeCsv.cell(comparison.area().name()),
                        SafeCsv.cell(year.period()), SafeCsv.cell(option.name()), SafeCsv.cell(option.changes()), SafeCsv.number(figures.inpostFte()),
                        SafeCsv.number(figures.requiredFte()), SafeCsv.number(figures.gapFte()))));
            }
        }
        return out.toString();
    }

    static String plan(WorkforcePlan plan) {
        StringBuilder out = new StringBuilder("\uFEFF").append(SafeCsv.line(List.of("area_code", "area_name", "period", "kind",
                "inpost_fte", "baseline_inpost_fte", "starters_fte", "leavers_fte", "other_movements_fte", "turnover_rate", "agency_fte",
                "children_in_need", "required_fte", "gap_fte", "agency_share_needed_percent", "scenario")));
        for (WorkforcePlan.Year year : plan.years()) {
            List<String> cells = new ArrayList<>(List.of(SafeCsv.cell(plan.area().code()), SafeCsv.cell(plan.area().name()),
                    SafeCsv.cell(year.period()), year.projected() ? "projected" : "observed"));
            for (BigDecimal figure : java.util.Arrays.asList(year.inpostFte(), year.baselineInpostFte(), year.startersFte(), year.leaversFte(),
                    year.otherMovementsFte(), year.turnoverRate(), year.agencyFte(), year.childrenInNeed(), year.requiredFte(), year.gapFte(),
                    year.agencyShareNeededPercent())) {
                cells.add(SafeCsv.number(figure));
            }
            cells.add(SafeCsv.cell(plan.scenario() == null ? "" : plan.scenario().name()));
            out.append(SafeCsv.line(cells));
        }
        return out.toString();
    }
}
