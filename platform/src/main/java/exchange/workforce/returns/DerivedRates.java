package exchange.workforce.returns;

import exchange.workforce.measures.MeasureCatalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rates computed from a return's components by the catalogue's formulas, the way DfE computes them, to one
 * decimal place. A component given as x or z makes the rate x or z; a zero denominator makes it z. Never 0.
 */
final class DerivedRates {

    private DerivedRates() {
    }

    static List<ReturnValue> of(List<ReturnValue> values, MeasureCatalogue catalogue) {
        Map<String, ReturnValue> totals = new java.util.HashMap<>();
        values.stream().filter(v -> v.breakdown().isEmpty()).forEach(v -> totals.put(v.measure(), v));
        List<ReturnValue> derived = new ArrayList<>();
        for (MeasureCatalogue.Measure measure : catalogue.measures()) {
            if (measure.derived()) {
                rate(measure, totals).ifPresent(derived::add);
            }
        }
        return derived;
    }

    private static Optional<ReturnValue> rate(MeasureCatalogue.Measure measure, Map<String, ReturnValue> totals) {
        MeasureCatalogue.Formula formula = measure.formula();
        List<ReturnValue> parts = new ArrayList<>();
        for (String component : distinct(formula)) {
            ReturnValue part = totals.get(component);
            if (part == null) {
                return Optional.empty();
            }
            parts.add(part);
        }
        Optional<String> symbol = parts.stream().map(ReturnValue::symbol).filter(s -> s != null)
                .reduce((a, b) -> a.equals("z") || b.equals("z") ? "z" : "x");
        if (symbol.isPresent()) {
            return Optional.of(new ReturnValue(measure.code(), "", null, symbol.get()));
        }
        BigDecimal numerator = sum(formula.numerator(), totals);
        BigDecimal denominator = sum(formula.denominator(), totals)
                .multiply(BigDecimal.valueOf(formula.denominatorFactor() == null ? 1 : formula.denominatorFactor()));
        if (denominator.signum() == 0) {
            return Optional.of(new ReturnValue(measure.code(), "", null, "z"));
        }
        BigDecimal value = numerator.multiply(BigDecimal.valueOf(formula.scale())).divide(denominator, 1, RoundingMode.HALF_UP);
        return Optional.of(new ReturnValue(measure.code(), "", value, null));
    }

    private static List<String> distinct(MeasureCatalogue.Formula formula) {
        List<String> all = new ArrayList<>(formula.numerator());
        formula.denominator().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    private static BigDecimal sum(List<String> components, Map<String, ReturnValue> totals) {
        return components.stream().map(c -> totals.get(c).value()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
