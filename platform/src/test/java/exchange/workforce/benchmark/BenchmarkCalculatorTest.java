package exchange.workforce.benchmark;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.tenancy.AuthorityHistory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each member's figure as its source gives it (its own return, else DfE's publication), with the symbol, the reason it
 * has none and where it came from; and the group's recomputation over the members it can count.
 */
class BenchmarkCalculatorTest {

    static final MeasureCatalogue.Formula TURNOVER_FORMULA = new MeasureCatalogue.Formula(List.of("leavers_fte"), List.of("inpost_fte"), 100, null);
    static final MeasureCatalogue.Measure TURNOVER = measure("turnover_rate_fte", "derived", TURNOVER_FORMULA, "ratio", "census");
    static final MeasureCatalogue.Measure IN_POST = measure("inpost_fte", "stock", null, "sum", "census");
    static final MeasureCatalogue.Measure REFERRALS = measure("referral_count", "flow", null, "sum", "cin-year");
    static final String YEAR = "2023";

    static MeasureCatalogue.Measure measure(String code, String kind, MeasureCatalogue.Formula formula, String method, String referenceDate) {
        return new MeasureCatalogue.Measure(code, code, "number", kind, false, "lower", null, formula, "d", "s", null,
                new MeasureCatalogue.Aggregation(method, null), referenceDate, null, "workforce");
    }

    static Group.Unit unit(String code) {
        return new Group.Unit(code, code, List.of(code));
    }

    private final Map<String, Map<String, BenchmarkData.Figure>> published = new HashMap<>();
    private final Map<String, Map<String, BenchmarkData.Figure>> returns = new HashMap<>();

    private BenchmarkCalculatorTest dfe(String area, String measure, String value, String symbol) {
        published.computeIfAbsent(area, a -> new HashMap<>()).put(measure,
                new BenchmarkData.Figure(value == null ? null : new BigDecimal(value), Symbol.stored(symbol), FigureSource.DFE, null));
        return this;
    }

    private BenchmarkCalculatorTest returned(String area, String measure, String value, String symbol, int version) {
        returns.computeIfAbsent(area, a -> new HashMap<>()).put(measure + "|",
                new BenchmarkData.Figure(value == null ? null : new BigDecimal(value), Symbol.stored(symbol), FigureSource.RETURN, version));
        return this;
    }

    private BenchmarkData data() {
        return new BenchmarkData("2026-01-01:1:0:0:0", Map.of(), Map.of(YEAR, published), Map.of(), Map.of(), Set.of(YEAR),
                Map.of(YEAR, returns), Map.of(), new AuthorityHistory(List.of()), List.of(), Set.of());
    }

    /** A viewer who is shown every area by name: these tests are of the arithmetic, SeenReturnsTest of who sees what. */
    static SeenReturns everything(BenchmarkData data) {
        exchange.workforce.identity.Caller caller = new exchange.workforce.identity.Caller("analyst", java.util.Optional.empty(),
                java.util.Optional.of("R"), java.util.Optional.of("R"), Set.of());
        return new SeenReturns(new exchange.workforce.visibility.Visibility.Viewer(caller, java.util.Optional.of("R"),
                Set.of("A", "B", "C", "D")), data, region -> 5);
    }

    private BenchmarkCalculator.UnitFigure figure(MeasureCatalogue.Measure measure, String area) {
        BenchmarkData data = data();
        return BenchmarkCalculator.unitFigure(measure, unit(area), YEAR, data, everything(data));
    }

    private BenchmarkCalculator.GroupFigure compute(MeasureCatalogue.Measure measure, List<Group.Unit> units) {
        BenchmarkData data = data();
        return BenchmarkCalculator.compute(measure, units, YEAR, data, everything(data));
    }

    /** The same returns, released, as a viewer outside every memorandum reads them at the threshold given. */
    private BenchmarkCalculator.GroupFigure asAnOutsider(MeasureCatalogue.Measure measure, int threshold, List<Group.Unit> units) {
        BenchmarkData data = new BenchmarkData("2026-01-01:1:0:0:0", Map.of(), Map.of(YEAR, published), Map.of(), Map.of(), Set.of(YEAR),
                Map.of(YEAR, returns), Map.of(YEAR, returns), new AuthorityHistory(List.of()), List.of(), Set.of());
        exchange.workforce.identity.Caller caller = new exchange.workforce.identity.Caller("outsider", java.util.Optional.of("Z"),
                java.util.Optional.empty(), java.util.Optional.empty(), Set.of());
        SeenReturns outsider = new SeenReturns(new exchange.workforce.visibility.Visibility.Viewer(caller, java.util.Optional.empty(),
                Set.of("Z")), data, region -> threshold);
        return BenchmarkCalculator.compute(measure, units, YEAR, data, outsider);
    }

    @Test
    void anOutsiderReadsReleasedReturnsOnlyAsAWholeMemorandumOfAtLeastItsThreshold() {
        returned("A", "inpost_fte", "100", null, 1).returned("B", "inpost_fte", "50", null, 1);
        BenchmarkCalculator.GroupFigure below = asAnOutsider(IN_POST, 3, List.of(unit("A"), unit("B")));
        assertNull(below.value(), "two returns under a threshold of three");
        assertEquals(Symbol.SUPPRESSED, below.symbol(), "withheld, not unavailable");
        assertEquals(List.of(SeenReturns.WITHHELD, SeenReturns.WITHHELD), below.missing().stream().map(BenchmarkCalculator.UnitFigure::missingReason).toList());
        assertEquals(new BigDecimal("150"), asAnOutsider(IN_POST, 2, List.of(unit("A"), unit("B"))).value(), "the whole block at its threshold");
        BenchmarkCalculator.GroupFigure part = asAnOutsider(IN_POST, 1, List.of(unit("A")));
        assertNull(part.value(), "A without B is part of the block: A less the whole would give B");
        assertEquals(Symbol.SUPPRESSED, part.symbol());
    }

    @Test
    void aMembersOwnReturnGivesItsRateFromItsComponentsWithTheVersion() {
        returned("A", "leavers_fte", "60", null, 3).returned("A", "inpost_fte", "450.5", null, 3);
        BenchmarkCalculator.UnitFigure a = figure(TURNOVER, "A");
        assertEquals(new BigDecimal("13.3"), a.value());
        assertNull(a.symbol());
        assertNull(a.missingReason());
        assertEquals(FigureSource.RETURN, a.source());
        assertEquals(3, a.version());
        assertEquals(Map.of("leavers_fte", new BigDecimal("60"), "inpost_fte", new BigDecimal("450.5")), a.inputs());
        assertTrue(a.counted());
        assertEquals(new BigDecimal("450.5"), figure(IN_POST, "A").value(), "a count is the return's own figure");
    }

    @Test
    void aReturnWithoutAComponentOrWithItsSymbolIsMissingAndSaysWhy() {
        returned("A", "leavers_fte", "60", null, 2);
        BenchmarkCalculator.UnitFigure absent = figure(TURNOVER, "A");
        assertEquals(Symbol.UNAVAILABLE, absent.symbol());
        assertEquals("NOT_IN_RETURN", absent.missingReason());
        assertEquals(FigureSource.RETURN, absent.source());
        assertNull(absent.version());
        assertFalse(absent.counted());
        returned("B", "leavers_fte", null, "z", 4).returned("B", "inpost_fte", "10", null, 4);
        BenchmarkCalculator.UnitFigure b = figure(TURNOVER, "B");
        assertEquals(Symbol.NOT_APPLICABLE, b.symbol());
        assertEquals("NOT_APPLICABLE", b.missingReason());
        assertEquals(4, b.version());
        assertNull(b.value());
    }

    @Test
    void aZeroDenominatorInAReturnIsZNotZeroYetItsComponentsStillCount() {
        returned("A", "leavers_fte", "0", null, 1).returned("A", "inpost_fte", "0", null, 1);
        BenchmarkCalculator.UnitFigure a = figure(TURNOVER, "A");
        assertNull(a.value());
        assertEquals(Symbol.NOT_APPLICABLE, a.symbol());
        assertTrue(a.counted());
    }

    @Test
    void dfesOwnPublishedRateIsTakenAsPublishedNeverRecomputedFromRoundedComponents() {
        dfe("A", "turnover_rate_fte", "13.4", null).dfe("A", "leavers_fte", "60", null).dfe("A", "inpost_fte", "450.5", null);
        BenchmarkCalculator.UnitFigure a = figure(TURNOVER, "A");
        assertEquals(new BigDecimal("13.4"), a.value());
        assertEquals(FigureSource.DFE, a.source());
        assertTrue(a.counted());
        dfe("B", "turnover_rate_fte", null, "c").dfe("B", "leavers_fte", "6", null).dfe("B", "inpost_fte", "45", null);
        BenchmarkCalculator.UnitFigure b = figure(TURNOVER, "B");
        assertNull(b.value());
        assertEquals(Symbol.SUPPRESSED, b.symbol(), "DfE's symbol for the rate is kept");
        assertTrue(b.counted(), "its components still count in the group");
        dfe("C", "leavers_fte", "6", null).dfe("C", "inpost_fte", "45", null);
        assertEquals(new BigDecimal("13.3"), figure(TURNOVER, "C").value(), "no published rate: computed from the published components");
        dfe("D", "leavers_fte", "0", null).dfe("D", "inpost_fte", "0", null);
        assertEquals(Symbol.NOT_APPLICABLE, figure(TURNOVER, "D").symbol());
        assertNull(figure(TURNOVER, "D").value());
    }

    @Test
    void aPublishedLowCountsAsZeroAndIsCounted() {
        dfe("A", "leavers_fte", null, "low").dfe("A", "inpost_fte", "40", null);
        BenchmarkCalculator.UnitFigure a = figure(TURNOVER, "A");
        assertEquals(1, a.lowCounted());
        assertEquals(BigDecimal.ZERO, a.inputs().get("leavers_fte"));
        assertEquals(new BigDecimal("0.0"), a.value());
        assertNull(a.missingReason());
    }

    @Test
    void aSuppressedOrMissingPublishedInputLeavesTheMemberOutWithTheFirstReason() {
        dfe("A", "leavers_fte", null, "c").dfe("A", "inpost_fte", null, "u");
        BenchmarkCalculator.UnitFigure a = figure(TURNOVER, "A");
        assertEquals("SUPPRESSED", a.missingReason());
        assertEquals(Symbol.SUPPRESSED, a.symbol());
        assertEquals(FigureSource.DFE, a.source());
        assertFalse(a.counted());
        assertEquals(0, a.lowCounted());
        dfe("B", "inpost_fte", "40", null);
        BenchmarkCalculator.UnitFigure b = figure(TURNOVER, "B");
        assertEquals("NO_DATA", b.missingReason());
        assertEquals(Symbol.UNAVAILABLE, b.symbol());
        assertEquals(FigureSource.DFE, b.source(), "DfE has a row for it");
        dfe("C", "leavers_fte", null, "u");
        BenchmarkCalculator.UnitFigure c = figure(TURNOVER, "C");
        assertEquals("LOW_RELIABILITY", c.missingReason(), "the first unusable input's reason, not the later missing one");
        assertEquals(Symbol.LOW_RELIABILITY, c.symbol());
        BenchmarkCalculator.UnitFigure nothing = figure(TURNOVER, "Z");
        assertEquals(FigureSource.NONE, nothing.source());
        assertEquals("NO_DATA", nothing.missingReason());
        assertEquals(Symbol.UNAVAILABLE, nothing.symbol());
        dfe("E", "inpost_fte", null, "z");
        assertEquals(Symbol.NOT_APPLICABLE, figure(IN_POST, "E").symbol());
        assertEquals("NOT_APPLICABLE", figure(IN_POST, "E").missingReason());
    }

    @Test
    void childrenInNeedMeasuresAreDfesEvenWhereTheMemberReturnedFigures() {
        returned("A", "referral_count", "999", null, 1);
        dfe("A", "referral_count", "1200", null);
        BenchmarkCalculator.UnitFigure a = figure(REFERRALS, "A");
        assertEquals(new BigDecimal("1200"), a.value());
        assertEquals(FigureSource.DFE, a.source());
    }

    @Test
    void theGroupFigureCountsWhoItCanSaysWhoItCannotAndIsNeverSilentlyShrunk() {
        dfe("A", "leavers_fte", "10", null).dfe("A", "inpost_fte", "100", null);
        dfe("B", "leavers_fte", null, "low").dfe("B", "inpost_fte", "50", null);
        dfe("C", "leavers_fte", null, "c").dfe("C", "inpost_fte", "50", null);
        BenchmarkCalculator.GroupFigure group = compute(TURNOVER, List.of(unit("A"), unit("B"), unit("C")));
        assertEquals(new BigDecimal("6.7"), group.value(), "10 / 150: A and B counted, B's low as 0");
        assertNull(group.symbol());
        assertEquals(1, group.lowCounted());
        assertEquals(List.of("C"), group.missing().stream().map(u -> u.unit().code()).toList());
        assertTrue(group.partial());
        assertEquals(3, group.units().size());

        BenchmarkCalculator.GroupFigure none = compute(TURNOVER, List.of(unit("C")));
        assertNull(none.value());
        assertEquals(Symbol.UNAVAILABLE, none.symbol());
        assertEquals(0, none.lowCounted());

        dfe("D", "leavers_fte", "0", null).dfe("D", "inpost_fte", "0", null);
        BenchmarkCalculator.GroupFigure zero = compute(TURNOVER, List.of(unit("D")));
        assertNull(zero.value());
        assertEquals(Symbol.NOT_APPLICABLE, zero.symbol());
        assertFalse(zero.partial());
    }

    @Test
    void eachSymbolHasItsReasonInWords() {
        assertEquals("SUPPRESSED", BenchmarkCalculator.reason(Symbol.SUPPRESSED));
        assertEquals("NOT_APPLICABLE", BenchmarkCalculator.reason(Symbol.NOT_APPLICABLE));
        assertEquals("LOW", BenchmarkCalculator.reason(Symbol.LOW));
        assertEquals("LOW_RELIABILITY", BenchmarkCalculator.reason(Symbol.LOW_RELIABILITY));
        assertEquals("UNAVAILABLE", BenchmarkCalculator.reason(Symbol.UNAVAILABLE));
    }
}
