package exchange.workforce.returns;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rates a return's answer gives back, from the committed catalogue's formulas: symbols and zeros at their edges. */
class DerivedRatesTest {

    static final MeasureCatalogue CATALOGUE = new MeasureCatalogue(JsonMapper.createDefault());

    private static ReturnValue value(String measure, String number) {
        return new ReturnValue(measure, "", new BigDecimal(number), null);
    }

    private static ReturnValue symbol(String measure, String symbol) {
        return new ReturnValue(measure, "", null, Symbol.stored(symbol));
    }

    private static Map<String, ReturnValue> rates(ReturnValue... values) {
        return DerivedRates.of(List.of(values), CATALOGUE).stream().collect(Collectors.toMap(ReturnValue::measure, v -> v));
    }

    @Test
    void aRateIsComputedFromTheTotalsAsDfeDoes() {
        Map<String, ReturnValue> rates = rates(value("leavers_fte", "60.0"), value("inpost_fte", "450.5"));
        assertEquals(new BigDecimal("13.3"), rates.get("turnover_rate_fte").value());
        assertNull(rates.get("turnover_rate_fte").symbol());
        assertEquals("", rates.get("turnover_rate_fte").breakdown());
    }

    @Test
    void aRateIsNotGivenWhenAComponentIsMissingAndBreakdownsAreNotTotals() {
        assertFalse(rates(value("leavers_fte", "60.0")).containsKey("turnover_rate_fte"));
        ReturnValue resignedOnly = new ReturnValue("leavers_fte", "leaving_reason=RESIGNATION", new BigDecimal("45"), null);
        assertFalse(rates(resignedOnly, value("inpost_fte", "450")).containsKey("turnover_rate_fte"),
                "a breakdown is not the total a rate needs");
    }

    @Test
    void aZeroDenominatorMakesTheRateZNeverZero() {
        ReturnValue rate = rates(value("leavers_fte", "0"), value("inpost_fte", "0")).get("turnover_rate_fte");
        assertNull(rate.value());
        assertEquals(Symbol.NOT_APPLICABLE, rate.symbol());
        assertEquals(new BigDecimal("0.0"), rates(value("leavers_fte", "0"), value("inpost_fte", "10")).get("turnover_rate_fte").value(),
                "no leavers of ten is a real 0.0");
    }

    @Test
    void aSymbolInAComponentIsTheRatesSymbolAndZOutranksX() {
        assertEquals(Symbol.UNAVAILABLE, rates(symbol("leavers_fte", "x"), value("inpost_fte", "10")).get("turnover_rate_fte").symbol());
        assertEquals(Symbol.NOT_APPLICABLE, rates(symbol("leavers_fte", "z"), value("inpost_fte", "10")).get("turnover_rate_fte").symbol());
        assertEquals(Symbol.NOT_APPLICABLE, rates(symbol("leavers_fte", "x"), symbol("inpost_fte", "z")).get("turnover_rate_fte").symbol());
        assertEquals(Symbol.NOT_APPLICABLE, rates(symbol("leavers_fte", "z"), symbol("inpost_fte", "x")).get("turnover_rate_fte").symbol());
        assertEquals(Symbol.UNAVAILABLE, rates(symbol("leavers_fte", "x"), symbol("inpost_fte", "x")).get("turnover_rate_fte").symbol());
        assertNull(rates(symbol("leavers_fte", "x"), value("inpost_fte", "10")).get("turnover_rate_fte").value());
    }
}
