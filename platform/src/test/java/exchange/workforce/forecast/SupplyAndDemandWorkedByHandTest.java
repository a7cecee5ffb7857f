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

    /** The same, with the interval half-widths the plan's demand band is made from. */
    private static Projection withWidths(int firstYear, double[] observed, double[] ahead, double[] half80, double[] half95) {
        Projection plain = given(firstYear, observed, ahead);
        return new Projection(plain.series(), plain.origin(), plain.used(), plain.choice(), ahead, half80, half95);
    }

    @Test
    void theObservedYearsShowTheFlowsDfeCountedAndWhatTheyLeaveUnexplained() {
        // 1,000 → 1,010 → 1,030 in post; starters 150, 160, 170; leavers 140, 140, 150:
        // 2022: 1010 − 1000 − 160 + 140 = −10 unexplained; 2023: 1030 − 1010 − 170 + 150 = 0
        Projection stock = given(2021, new double[]{1000, 1010, 1030}, 1030);
        Projection starters = given(2021, new double[]{150, 160, 170}, 170);
        Projection leavers = given(2021, new double[]{140, 140, 150}, 150);
        SupplyAndDemand.Planned plan = SupplyAndDemand.plan(stock, starters, leavers, null, null, null, Double.NaN, Double.NaN,
                Double.NaN, SupplyAndDemand.Levers.NONE);
        assertTrue(Double.isNaN(plan.rows().get(0).other()), "no year before the first to move from");
        assertEquals(-10, plan.rows().get(1).other(), 1e-9);
        assertEquals(0, plan.rows().get(2).other(), 1e-9);
        assertEquals(160, plan.rows().get(1).starters(), 1e-9);
        assertEquals(140, plan.rows().get(1).leavers(), 1e-9);
    }

    @Test
    void eachProjectedYearShowsItsOwnStartersTurnoverAndDemandBand() {
        Projection stock = given(2021, new double[]{1000, 1000, 1000}, 1000, 1000);
        Projection starters = given(2021, new double[]{150, 150, 150}, 150, 155);
        Projection turnover = given(2021, new double[]{15, 15, 15}, 15, 14);
        Projection agency = given(2021, new double[]{200, 200, 200}, 200, 200);
        // 31 March widths: 80% 100, 200, 300; 95% 150, 300, 450. Census day h = 1: (100 + 200) / 2 = 150 and
        // (150 + 300) / 2 = 225; h = 2: (200 + 300) / 2 = 250 and 375; scaled by the factor, here 1,200 / 10,200 × 20 / 20
        Projection children = withWidths(2021, new double[]{9800, 9900, 10000}, new double[]{10400, 11000, 11000},
                new double[]{100, 200, 300}, new double[]{150, 300, 450});
        SupplyAndDemand.Planned plan = SupplyAndDemand.plan(stock, starters, null, turnover, agency, children, 16000, 800, 20.0,
                new SupplyAndDemand.Levers(0.03, 0, 0, null));
        SupplyAndDemand.Row second = plan.rows().get(4);
        assertEquals("2025", second.period());
        assertEquals(155, second.starters(), 1e-9, "the second year's own starters");
        assertEquals(11, second.turnoverRate(), 1e-9, "14% less 3 points");
        assertEquals(12, plan.rows().get(3).turnoverRate(), 1e-9);
        double factor = 1200.0 / 10200;
        assertEquals(150 * factor, plan.requiredHalf80()[0], 1e-9);
        assertEquals(225 * factor, plan.requiredHalf95()[0], 1e-9);
        assertEquals(250 * factor, plan.requiredHalf80()[1], 1e-9);
        assertEquals(375 * factor, plan.requiredHalf95()[1], 1e-9);
        assertEquals(plan.required()[1] - plan.supply()[1], second.gap(), 1e-9);
        assertEquals(10200, SupplyAndDemand.demandOnCensusDay(children, "2023"), 1e-9, "the mean of 31 March 2023 and 2024");
        assertTrue(Double.isNaN(SupplyAndDemand.demandOnCensusDay(null, "2023")));
    }

    @Test
    void theLastYearsDemandBandUsesItsOwnWidthWhereNoLaterYearIsProjected() {
        Projection stock = given(2021, new double[]{1000, 1000, 1000}, 1000);
        Projection agency = given(2021, new double[]{200, 200, 200}, 200);
        Projection children = withWidths(2021, new double[]{9800, 9900, 10000}, new double[]{10400}, new double[]{100}, new double[]{150});
        SupplyAndDemand.Planned plan = SupplyAndDemand.plan(stock, null, null, null, agency, children, 16000, 800, 20.0,
                SupplyAndDemand.Levers.NONE);
        assertEquals(100 * 1200.0 / 10200, plan.requiredHalf80()[0], 1e-9);
        assertEquals(150 * 1200.0 / 10200, plan.requiredHalf95()[0], 1e-9);
        SupplyAndDemand.Planned noChildren = SupplyAndDemand.plan(stock, null, null, null, agency, null, 16000, 800, 20.0,
                SupplyAndDemand.Levers.NONE);
        assertTrue(Double.isNaN(noChildren.requiredHalf80()[0]) && Double.isNaN(noChildren.requiredHalf95()[0]));
    }

    @Test
    void theCaseloadAtTheOriginComesFromTheCensusCountsAndFromDfesPublishedFigureWithoutThem() {
        Projection stock = given(2021, new double[]{1000, 1000, 1000}, 1000);
        Projection agency = given(2021, new double[]{200, 200, 200}, 200);
        Projection children = given(2021, new double[]{9800, 9900, 10000}, 10400, 11000);
        SupplyAndDemand.Planned counted = SupplyAndDemand.plan(stock, null, null, null, agency, children, 16000, 800, 25.0,
                SupplyAndDemand.Levers.NONE);
        assertTrue(counted.caseloadBasis().contains("(20 cases per case-holding FTE)"), counted.caseloadBasis());
        SupplyAndDemand.Planned noHolders = SupplyAndDemand.plan(stock, null, null, null, agency, children, 16000, 0, 25.0,
                SupplyAndDemand.Levers.NONE);
        assertTrue(noHolders.caseloadBasis().contains("(25 cases per case-holding FTE)"), noHolders.caseloadBasis());
        SupplyAndDemand.Planned noCases = SupplyAndDemand.plan(stock, null, null, null, agency, children, Double.NaN, 800, 25.0,
                SupplyAndDemand.Levers.NONE);
        assertEquals(25.0, noCases.caseloadTarget(), 1e-9);
        assertEquals(List.of(), counted.notes());
    }

    @Test
    void whatThePlanCannotWorkOutItSaysInANote() {
        Projection stock = given(2021, new double[]{1000, 1000, 1000}, 1000);
        SupplyAndDemand.Planned bare = SupplyAndDemand.plan(stock, null, null, null, null, null, Double.NaN, Double.NaN, Double.NaN,
                new SupplyAndDemand.Levers(0.03, 0, 0, null));
        assertEquals(List.of("No children-in-need figures for the origin and the year after it, so no required FTE or gap.",
                "No caseload at the origin, so no required FTE or gap.",
                "There is no turnover rate to change, so the scenario's turnover change is not applied."), bare.notes());
        assertEquals(1000, bare.supply()[0], 1e-9, "the turnover change is not applied");
        SupplyAndDemand.Planned noChange = SupplyAndDemand.plan(stock, null, null, null, null, null, Double.NaN, Double.NaN, 20.0,
                SupplyAndDemand.Levers.NONE);
        assertEquals(List.of("No children-in-need figures for the origin and the year after it, so no required FTE or gap."), noChange.notes());
    }

    @Test
    void theShareOfTheRequiredWorkforceThatAgencyFillsIsUnknownWhereNothingIsRequired() {
        assertTrue(Double.isNaN(new SupplyAndDemand.Row("2024", true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10).agencyShareNeeded()));
        assertEquals(0, new SupplyAndDemand.Row("2024", true, 0, 0, 0, 0, 0, 0, 0, 0, 100, -10).agencyShareNeeded(), 1e-9,
                "a surplus needs no agency");
        assertEquals(10, new SupplyAndDemand.Row("2024", true, 0, 0, 0, 0, 0, 0, 0, 0, 100, 10).agencyShareNeeded(), 1e-9);
    }

    @Test
    void aScenariosLeversAreReadAsFractionsAndTheBaselineHasNone() {
        assertEquals(SupplyAndDemand.Levers.NONE, SupplyAndDemand.Levers.of(null));
        Scenario scenario = new Scenario(java.util.UUID.randomUUID(), "Keep more", new BigDecimal("3"), new BigDecimal("20"),
                new BigDecimal("10"), new BigDecimal("16"), "E10000016", "kent-planner", java.time.Instant.EPOCH);
        assertEquals(new SupplyAndDemand.Levers(0.03, 20, 0.10, 16.0), SupplyAndDemand.Levers.of(scenario));
        Scenario noTarget = new Scenario(java.util.UUID.randomUUID(), "Keep more", new BigDecimal("3"), BigDecimal.ZERO,
                BigDecimal.ZERO, null, "E10000016", "kent-planner", java.time.Instant.EPOCH);
        assertEquals(null, SupplyAndDemand.Levers.of(noTarget).caseloadTarget());
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
