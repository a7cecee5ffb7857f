package exchange.workforce.benchmark;

import exchange.workforce.measures.Aggregate;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each unit's figure as its source gives it, and the group's recomputation from them by the measure's aggregation.
 * <ul>
 *   <li>A unit's own figure is as published or returned: DfE's published rate with its symbol (u, low, c, x, z), never
 *       recomputed from rounded components; a rate from a return is computed from the return's components.</li>
 *   <li>The group's recomputation aggregates the units' inputs (for a rate, its components): a published low counts
 *       as 0, as DfE's regional sums include it, and is counted; any other symbol or a missing input leaves the unit
 *       out, named as missing, and makes the recomputation partial — never silently shrunk.</li>
 * </ul>
 */
final class BenchmarkCalculator {

    /**
     * A unit's figure for a measure (or why it has none), where it came from, and the inputs it adds to the group
     * (null where it cannot: missingReason says why).
     */
    record UnitFigure(Group.Unit unit, BigDecimal value, Symbol symbol, String missingReason, FigureSource source, Integer version,
                      Map<String, BigDecimal> inputs, int lowCounted, String revisedFrom) {

        UnitFigure(Group.Unit unit, BigDecimal value, Symbol symbol, String missingReason, FigureSource source, Integer version,
                   Map<String, BigDecimal> inputs, int lowCounted) {
            this(unit, value, symbol, missingReason, source, version, inputs, lowCounted, null);
        }

        boolean counted() {
            return inputs != null;
        }
    }

    /** The group's recomputed figure for one period, over the units counted; {@code partial} if any was not. */
    record GroupFigure(BigDecimal value, Symbol symbol, List<UnitFigure> units, List<UnitFigure> missing, int lowCounted) {

        boolean partial() {
            return !missing.isEmpty();
        }
    }

    private BenchmarkCalculator() {
    }

    static GroupFigure compute(MeasureCatalogue.Measure measure, List<Group.Unit> group, String period, BenchmarkData data, SeenReturns seen) {
        List<UnitFigure> units = seen.protect(measure, period, group.stream().map(u -> unitFigure(measure, u, period, data, seen)).toList());
        List<UnitFigure> counted = units.stream().filter(UnitFigure::counted).toList();
        List<UnitFigure> missing = units.stream().filter(u -> !u.counted()).toList();
        int low = counted.stream().mapToInt(UnitFigure::lowCounted).sum();
        if (counted.isEmpty()) {
            // nothing counted because councils' returns were withheld from this viewer: withheld, not unavailable
            boolean withheld = missing.stream().anyMatch(u -> SeenReturns.WITHHELD.equals(u.missingReason()));
            return new GroupFigure(null, withheld ? Symbol.SUPPRESSED : Symbol.UNAVAILABLE, units, missing, 0);
        }
        BigDecimal value = Aggregate.of(measure, counted.stream().map(UnitFigure::inputs).toList()).orElse(null);
        return new GroupFigure(value, value == null ? Symbol.NOT_APPLICABLE : null, units, missing, low);
    }

    /** The unit's own figure as the viewer may read it: its return where {@code seen} gives it, else DfE's publication. */
    static UnitFigure unitFigure(MeasureCatalogue.Measure measure, Group.Unit unit, String period, BenchmarkData data, SeenReturns seen) {
        Map<String, BenchmarkData.Figure> ownReturn = measure.childrenInNeedYear() ? Map.of() : seen.of(measure, period, unit);
        return ownReturn.isEmpty() ? fromPublication(measure, unit, period, data) : fromReturn(measure, unit, ownReturn);
    }

    private static UnitFigure fromReturn(MeasureCatalogue.Measure measure, Group.Unit unit, Map<String, BenchmarkData.Figure> ownReturn) {
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        Integer version = null;
        for (String input : measure.inputs()) {
            BenchmarkData.Figure figure = ownReturn.get(input + "|");
            if (figure == null) {
                return new UnitFigure(unit, null, Symbol.UNAVAILABLE, "NOT_IN_RETURN", FigureSource.RETURN, null, null, 0);
            }
            version = figure.version();
            if (figure.value() == null) {
                return new UnitFigure(unit, null, figure.symbol(), reason(figure.symbol()), FigureSource.RETURN, version, null, 0);
            }
            inputs.put(input, figure.value());
        }
        BigDecimal value = measure.derived() ? measure.formula().rate(inputs).orElse(null) : inputs.get(measure.code());
        return new UnitFigure(unit, value, value == null ? Symbol.NOT_APPLICABLE : null, null, FigureSource.RETURN, version, inputs, 0);
    }

    private static UnitFigure fromPublication(MeasureCatalogue.Measure measure, Group.Unit unit, String period, BenchmarkData data) {
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        int low = 0;
        String unusable = null;
        Symbol unusableSymbol = null;
        boolean anything = false;
        for (String input : measure.inputs()) {
            Optional<BenchmarkData.Figure> figure = data.publishedFigure(period, unit.code(), input);
            anything |= figure.isPresent();
            if (figure.isEmpty()) {
                unusable = unusable == null ? "NO_DATA" : unusable;
                unusableSymbol = unusableSymbol == null ? Symbol.UNAVAILABLE : unusableSymbol;
            } else if (figure.get().value() != null) {
                inputs.put(input, figure.get().value());
            } else if (figure.get().symbol() == Symbol.LOW) {
                inputs.put(input, BigDecimal.ZERO);
                low++;
            } else if (unusable == null) {
                unusable = reason(figure.get().symbol());
                unusableSymbol = figure.get().symbol();
            }
        }
        // the unit's own figure as DfE published it, where DfE publishes the measure itself
        Optional<BenchmarkData.Figure> own = data.publishedFigure(period, unit.code(), measure.code());
        BigDecimal value;
        Symbol symbol;
        if (own.isPresent()) {
            value = own.get().value();
            symbol = own.get().symbol();
        } else if (unusable == null && measure.derived()) {
            value = measure.formula().rate(inputs).orElse(null);
            symbol = value == null ? Symbol.NOT_APPLICABLE : null;
        } else {
            value = null;
            symbol = unusableSymbol == null ? Symbol.UNAVAILABLE : unusableSymbol;
        }
        FigureSource source = anything || own.isPresent() ? FigureSource.DFE : FigureSource.NONE;
        String revisedFrom = own.map(BenchmarkData.Figure::revisedFrom).orElse(null);
        if (unusable != null) {
            return new UnitFigure(unit, value, symbol, unusable, source, null, null, 0, revisedFrom);
        }
        return new UnitFigure(unit, value, symbol, null, source, null, inputs, low, revisedFrom);
    }

    /** Why a member's figure is not counted, in the symbol's own name: SUPPRESSED, NOT_APPLICABLE, LOW_RELIABILITY... */
    static String reason(Symbol symbol) {
        return symbol.name();
    }
}
