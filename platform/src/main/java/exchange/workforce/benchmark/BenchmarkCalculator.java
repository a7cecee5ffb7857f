package exchange.workforce.benchmark;

import exchange.workforce.measures.MeasureCatalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group's figure the way DfE computes regional figures: counts summed over members, rates derived from the summed
 * components, never an average of members' rates. A member whose component is missing or a symbol is left out and
 * named as missing, and the figure is marked partial — never silently shrunk.
 */
final class BenchmarkCalculator {

    /** A unit's figure for a measure (or why it has none), with where it came from. */
    record UnitFigure(Group.Unit unit, BigDecimal value, String symbol, String missingReason, String source, Integer version,
                      Map<String, BigDecimal> components) {
    }

    /** The group's figure for one period. */
    record GroupFigure(BigDecimal value, String symbol, List<UnitFigure> units, List<UnitFigure> missing) {
    }

    private BenchmarkCalculator() {
    }

    static GroupFigure compute(MeasureCatalogue.Measure measure, Group group, String period, BenchmarkData data) {
        List<UnitFigure> units = group.units().stream().map(u -> unitFigure(measure, u, period, data)).toList();
        List<UnitFigure> covered = units.stream().filter(u -> u.value() != null).toList();
        List<UnitFigure> missing = units.stream().filter(u -> u.value() == null).toList();
        if (covered.isEmpty()) {
            return new GroupFigure(null, "x", units, missing);
        }
        BigDecimal value;
        if (measure.derived()) {
            value = measure.formula().rate(sumComponents(covered)).orElse(null);
        } else {
            value = covered.stream().map(UnitFigure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return new GroupFigure(value, value == null ? "z" : null, units, missing);
    }

    static UnitFigure unitFigure(MeasureCatalogue.Measure measure, Group.Unit unit, String period, BenchmarkData data) {
        Map<String, BenchmarkData.Figure> ownReturn = data.returnOf(period, unit.code());
        boolean fromReturn = !ownReturn.isEmpty();
        List<String> components = measure.derived() ? measure.formula().components() : List.of(measure.code());
        Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
        Integer version = null;
        for (String component : components) {
            Optional<BenchmarkData.Figure> figure = fromReturn ? Optional.ofNullable(ownReturn.get(component + "|"))
                    : data.publishedFigure(period, unit.code(), component);
            if (figure.isEmpty()) {
                // no figure at all: from a return that lacks it, or from nowhere (DfE publishes no row): not "dfe"
                return new UnitFigure(unit, null, "x", fromReturn ? "NOT_IN_RETURN" : "NO_DATA", fromReturn ? "return" : "none", null, Map.of());
            }
            if (figure.get().value() == null) {
                return new UnitFigure(unit, null, figure.get().symbol(), reason(figure.get().symbol()), figure.get().source(),
                        figure.get().version(), Map.of());
            }
            values.put(component, figure.get().value());
            version = figure.get().version();
        }
        BigDecimal value = measure.derived() ? measure.formula().rate(values).orElse(null) : values.get(measure.code());
        return new UnitFigure(unit, value, value == null ? "z" : null, value == null ? "NOT_APPLICABLE" : null,
                fromReturn ? "return" : "dfe", version, values);
    }

    private static Map<String, BigDecimal> sumComponents(List<UnitFigure> covered) {
        Map<String, BigDecimal> sums = new java.util.HashMap<>();
        covered.forEach(u -> u.components().forEach((k, v) -> sums.merge(k, v, BigDecimal::add)));
        return sums;
    }

    private static String reason(String symbol) {
        return switch (symbol) {
            case "c" -> "SUPPRESSED";
            case "z" -> "NOT_APPLICABLE";
            case "low" -> "LOW";
            case "u" -> "LOW_RELIABILITY";
            default -> "UNAVAILABLE";
        };
    }
}
