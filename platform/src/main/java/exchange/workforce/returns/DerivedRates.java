package exchange.workforce.returns;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;

import java.math.BigDecimal;
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
        for (String component : formula.components()) {
            ReturnValue part = totals.get(component);
            if (part == null) {
                return Optional.empty();
            }
            parts.add(part);
        }
        Optional<Symbol> symbol = parts.stream().map(ReturnValue::symbol).filter(s -> s != null)
                .reduce((a, b) -> a == Symbol.NOT_APPLICABLE || b == Symbol.NOT_APPLICABLE ? Symbol.NOT_APPLICABLE : Symbol.UNAVAILABLE);
        if (symbol.isPresent()) {
            return Optional.of(new ReturnValue(measure.code(), "", null, symbol.get()));
        }
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        parts.forEach(part -> values.put(part.measure(), part.value()));
        return Optional.of(formula.rate(values)
                .map(value -> new ReturnValue(measure.code(), "", value, null))
                .orElse(new ReturnValue(measure.code(), "", null, Symbol.NOT_APPLICABLE)));
    }
}
