package exchange.workforce.forecast;

import exchange.workforce.benchmark.AreaSeries;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupplyAndDemandWorkedByHandTest {

    /** A projection whose years and forecasts are given, as the plan receives them. */
    private static Projection given(int firstYear, double[] observed, double... ahead) {
        List<AreaSeries.Year> years = new ArrayList<>();
        for (int i = 0; i < observed.length; i++) {
            years.add(new AreaSeries.Year(String.valueOf(firstYear + i), BigDecimal.valueOf(observed[i]), null, false, 1, 1, exchange.workforce.benchmark.FigureSource.DFE, null));
        }
        AreaSeries series = new AreaSeries("E10000016", "Kent", AreaSeries.Level.AUTHORITY, "E12000008", "v", years);
        double[] none = new double[ahead.length];
        return new Projection(series, String.valueOf(firstYear + observed.length - 1), years, MethodChoice.carriedForward("given by the test"), ahead, none, none);
    }

    @Test
    void turnoverThreePointsLowerKeepsTwentySevenMoreThenFiftyOneMoreOfAThousand() {
        // baseline: 1,000 FTE in post every year, 15% turnover, 150 starters. With turnover 12%:
        // year 1: S' = 1000 × 1.15 / 1.12 = 1026.79 (26.79 more)
        // year 2: S' = (1000 × 1.15 + 26.79) / 1.12 = 1050.70 (50.70 more)
        Projection stock = given(2021, new double[]{1000, 1000, 1000}, 1000, 1000);
        Projection turnover = given(2021, new double[]{15, 15, 15}, 15, 15);
        Projection starters = given(2021, new double[]{150, 150, 150}, 150, 150);
        SupplyAndDemand.Planned plan = SupplyAndDemand.plan(stock, starters, null, turnover, null, null, Double.NaN, Double.NaN,
                Double.NaN, new SupplyAndDemand.Levers(0.03, 0, 0, null));
        assertEquals(1026.7857, plan.supply()[0], 1e-4);
        assertEquals(1050.7015, plan.supply()[1], 1e-4);
        assertEquals(1000, plan.baselineSupply()[0], 1e-9);
        SupplyAndDemand.Row first = plan.rows().get(3);
        assertEquals("2024", first.period());
        assertEquals(0.12 * 1026.7857, first.leavers(), 1e-3, "leavers at the lower rate, on the larger stock");
        assertEquals(1026.7857 - 1000 - 150 + 0.12 * 1026.7857, first.other(), 1e-3);
    }

    @Test
    void newlyQualifiedAndConvertedAgencyWorkersJoinTheStockAndLeaveAtTheSameRate() {
        // 20 more newly qualified FTE and 10% of 200 agency FTE converted: 40 extra starters; S' = (1000 × 1.15 + 40) / 1.15
        Projection stock = given(2021, new double[]{1000, 1000, 1000}, 1000);
        Projection turnover = given(2021, new double[]{15, 15, 15}, 15);
        Projection agency = given(2021, new double[]{200, 200, 200}, 200);
        SupplyAndDemand.Planned plan = SupplyAndDemand.plan(stock, null, null, turnover, agency, null, Double.NaN, Double.NaN,
                Double.NaN, new SupplyAndDemand.Levers(0, 20, 0.10, null));
        assertEquals(1000 + 40 / 1.15, plan.supply()[0], 1e-9);
        assertEquals(180, plan.rows().get(3).agency(), 1e-9, "the converted 20 leave agency");
    }

    @Test
    void requiredFteFollowsChildrenInNeedOnCensusDayAndTheCaseloadTarget() {
        // origin 2023: 1,000 in post + 200 agency, 16,000 cases held by 800 case-holding FTE (caseload 20).
        // Children in need, 31 March: 2023 10,000; 2024 10,400 (projected); 2025 11,000; 2026 11,000.
        // Census day 2023: (10,000 + 10,400) / 2 = 10,200; 2024: 10,700; 2025: 11,000.
        // Required at caseload 20: 1,200 × 10,700 / 10,200 = 1258.82 in 2024; at caseload 16: × 20/16 = 1573.53
        Projection stock = given(2021, new double[]{1000, 1000, 1000}, 1000, 1000);
        Projection agency = given(2021, new double[]{200, 200, 200}, 200, 200);
        Projection children = given(2021, new double[]{9800, 9900, 10000}, 10400, 11000, 11000);
        SupplyAndDemand.Planned asIs = SupplyAndDemand.plan(stock, null, null, null, agency, children, 16000, 800, 20.0,
                SupplyAndDemand.Levers.NONE);
        assertEquals(1200 * 10700.0 / 10200, asIs.required()[0], 1e-9);
        assertEquals(1200 * 11000.0 / 10200, asIs.required()[1], 1e-9);
        SupplyAndDemand.Row origin = asIs.rows().get(2);
        assertEquals(1200, origin.required(), 1e-9);
        assertEquals(200, origin.gap(), 1e-9, "the origin's gap is its agency workforce");
        assertEquals(200.0 / 1200 * 100, origin.agencyShareNeeded(), 1e-9);
        SupplyAndDemand.Planned lower = SupplyAndDemand.plan(stock, null, null, null, agency, children, 16000, 800, 20.0,
                new SupplyAndDemand.Levers(0, 0, 0, 16.0));
        assertEquals(1200 * 10700.0 / 10200 * 20 / 16, lower.required()[0], 1e-9);
        assertTrue(lower.caseloadBasis().contains("scenario"));
    }
}
