package exchange.workforce.forecast;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The stock-flow plan, worked from projections that share one origin.
 *
 * <p><b>Supply.</b> The projected stock is the in-post FTE forecast. Each projected year is decomposed as DfE counts
 * flows: leavers = turnover rate × the stock at 30 September (DfE's turnover is leavers over FTE in post at the census);
 * starters are their own forecast; other movements = the change in stock − starters + leavers, the part the flows do
 * not explain (DfE's own flows miss the change in stock by −272 to +712 FTE a year nationally, so it is shown, never
 * assumed zero).
 *
 * <p><b>A scenario</b> changes the flows and the stock follows: with turnover n points lower and e extra starters, the
 * year's stock S' solves S' = S'(previous) + starters + e + other − (r − n)·S', that is
 * S' = (S·(1 + r) + Δ(previous) + e) / (1 + r − n), where S and r are the baseline stock and turnover rate and Δ is the
 * scenario's lead over the baseline. Converting a share of agency FTE to permanent adds that share of the year's
 * projected agency FTE to starters and takes it from agency.
 *
 * <p><b>Demand.</b> Children in need on census day (30 September) are the mean of the counts on the 31 March before and
 * after it. The FTE required in a year is the origin's workforce (in post + agency) scaled by the change in children in
 * need since the origin and by the origin's caseload over the target caseload: at the origin with the origin's own
 * caseload, required = in post + agency, so the gap is the agency workforce, as it was.
 */
final class SupplyAndDemand {

    /** The plan's figures, unrounded. Arrays are indexed by horizon − 1. */
    record Planned(List<Row> rows, double[] supply, double[] baselineSupply, double[] required, double[] requiredHalf80,
                   double[] requiredHalf95, double caseloadTarget, String caseloadBasis, List<String> notes) {
    }

    /** One year: NaN where a figure is unknown. */
    record Row(String period, boolean projected, double inpost, double baselineInpost, double starters, double leavers,
               double other, double turnoverRate, double agency, double childrenInNeed, double required, double gap) {

        double agencyShareNeeded() {
            return Double.isNaN(gap) || Double.isNaN(required) || required <= 0 ? Double.NaN : Math.max(0, gap) / required * 100;
        }
    }

    /** The levers of a scenario as fractions and FTE; {@code NONE} for the baseline. */
    record Levers(double turnoverReduction, double extraStarters, double agencyConversion, @Nullable Double caseloadTarget) {
        static final Levers NONE = new Levers(0, 0, 0, null);

        static Levers of(@Nullable Scenario scenario) {
            return scenario == null ? NONE : new Levers(scenario.turnoverReduction(), scenario.extraStarters(), scenario.agencyConversion(),
                    scenario.caseloadTarget() == null ? null : scenario.caseloadTarget().doubleValue());
        }
    }

    private SupplyAndDemand() {
    }

    /**
     * @param cases       the census's cases held at the origin (NaN if unknown)
     * @param caseHolders the census's case-holding FTE at the origin (NaN if unknown)
     * @param caseload    DfE's published caseload at the origin, used where cases or case holders are unknown
     */
    static Planned plan(Projection stock, @Nullable Projection starters, @Nullable Projection leavers, @Nullable Projection turnover,
                        @Nullable Projection agency, @Nullable Projection childrenInNeed, double cases, double caseHolders,
                        double caseload, Levers levers) {
        int horizon = stock.values().length;
        List<String> notes = new ArrayList<>();
        String origin = stock.origin();
        double caseloadAtOrigin = caseHolders > 0 && !Double.isNaN(cases) ? cases / caseHolders : caseload;
        double target = levers.caseloadTarget() != null ? levers.caseloadTarget() : caseloadAtOrigin;
        String caseloadBasis = levers.caseloadTarget() != null ? "the scenario's target"
                : "the caseload at the origin (" + Format.number(caseloadAtOrigin) + " cases per case-holding FTE)";
        double workforceAtOrigin = stock.last() + value(agency, origin);
        double demandAtOrigin = demandOnCensusDay(childrenInNeed, origin);
        if (Double.isNaN(demandAtOrigin)) {
            notes.add("No children-in-need figures for the origin and the year after it, so no required FTE or gap.");
        }
        if (Double.isNaN(caseloadAtOrigin)) {
            notes.add("No caseload at the origin, so no required FTE or gap.");
        }
        if (turnover == null && levers.turnoverReduction() != 0) {
            notes.add("There is no turnover rate to change, so the scenario's turnover change is not applied.");
        }
        double factor = workforceAtOrigin / demandAtOrigin * caseloadAtOrigin / target;

        List<Row> rows = new ArrayList<>();
        double previous = Double.NaN;
        for (var year : stock.used()) {
            String p = year.period();
            double s = year.value().doubleValue();
            double st = value(starters, p);
            double lv = value(leavers, p);
            double other = s - previous - st + lv;
            boolean atOrigin = p.equals(origin);
            double required = atOrigin ? demandAtOrigin * factor : Double.NaN;
            rows.add(new Row(p, false, s, Double.NaN, st, lv, other, value(turnover, p), value(agency, p),
                    demandOnCensusDay(childrenInNeed, p), required, atOrigin ? required - s : Double.NaN));
            previous = s;
        }

        double[] supply = new double[horizon];
        double[] baseline = new double[horizon];
        double[] required = new double[horizon];
        double[] half80 = new double[horizon];
        double[] half95 = new double[horizon];
        double lead = 0;
        double previousSupply = stock.last();
        for (int h = 1; h <= horizon; h++) {
            String p = stock.period(h);
            double s = stock.values()[h - 1];
            double rate = turnover == null ? Double.NaN : Math.max(0, turnover.values()[h - 1]) / 100;
            double agencyFte = agency == null ? Double.NaN : Math.max(0, agency.values()[h - 1]);
            double converted = Double.isNaN(agencyFte) ? 0 : levers.agencyConversion() * agencyFte;
            double extra = levers.extraStarters() + converted;
            double reduction = Double.isNaN(rate) ? 0 : Math.min(levers.turnoverReduction(), rate);
            double r = Double.isNaN(rate) ? 0 : rate;
            double withScenario = (s * (1 + r) + lead + extra) / (1 + r - reduction);
            lead = withScenario - s;
            double st = starters == null ? Double.NaN : starters.values()[h - 1];
            double scenarioStarters = st + extra;
            double scenarioLeavers = Double.isNaN(rate) ? Double.NaN : (rate - reduction) * withScenario;
            double other = withScenario - previousSupply - scenarioStarters + scenarioLeavers;
            double demand = demandOnCensusDay(childrenInNeed, p);
            double need = demand * factor;
            rows.add(new Row(p, true, withScenario, s, scenarioStarters, scenarioLeavers, other, Double.isNaN(rate) ? Double.NaN
                    : (rate - reduction) * 100, agencyFte - converted, demand, need, need - withScenario));
            supply[h - 1] = withScenario;
            baseline[h - 1] = s;
            required[h - 1] = need;
            half80[h - 1] = factor * demandHalfWidth(childrenInNeed, h, false);
            half95[h - 1] = factor * demandHalfWidth(childrenInNeed, h, true);
            previousSupply = withScenario;
        }
        return new Planned(rows, supply, baseline, required, half80, half95, target, caseloadBasis, notes);
    }

    /** Children in need on 30 September of a census year: the mean of 31 March that year and the next. */
    static double demandOnCensusDay(@Nullable Projection childrenInNeed, String period) {
        if (childrenInNeed == null) {
            return Double.NaN;
        }
        String next = String.valueOf(Integer.parseInt(period) + 1);
        return (childrenInNeed.observedOrProjected(period) + childrenInNeed.observedOrProjected(next)) / 2;
    }

    /** The interval half-width of census-day demand h years after the origin: the mean of the two 31 March half-widths. */
    private static double demandHalfWidth(@Nullable Projection childrenInNeed, int h, boolean ninetyFive) {
        if (childrenInNeed == null) {
            return Double.NaN;
        }
        double[] widths = ninetyFive ? childrenInNeed.half95() : childrenInNeed.half80();
        // the census year h after the origin sits between 31 March of (origin + h) and (origin + h + 1): projected h and h + 1
        return (widths[h - 1] + (h < widths.length ? widths[h] : widths[h - 1])) / 2;
    }

    private static double value(@Nullable Projection projection, String period) {
        return projection == null ? Double.NaN : projection.at(period);
    }
}
