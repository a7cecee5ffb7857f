package exchange.workforce.web;

import exchange.workforce.measures.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One rule for how a figure reads: rates and FTEs to one decimal as DfE publishes them, money in pounds or pence, symbols in words. */
class FiguresInWordsTest {

    @Test
    void ratesAndFtesHaveOneDecimalWhateverTheirOwnPrecision() {
        assertEquals("12.0%", Figures.format("percent", new BigDecimal("12"), null));
        assertEquals("9.6%", Figures.format("percent", new BigDecimal("9.60"), null));
        assertEquals("9.7%", Figures.format("percent", new BigDecimal("9.65"), null), "half up");
        assertEquals("1,234.5 FTE", Figures.format("fte", new BigDecimal("1234.5"), null));
        assertEquals("167.0 FTE", Figures.format("fte", new BigDecimal("167"), null));
        assertEquals("18.7", Figures.format("ratio", new BigDecimal("18.66"), null));
        assertEquals("340.1 per 10,000 children", Figures.format("per-10000-children", new BigDecimal("340.1"), null));
    }

    @Test
    void countsMoneyAndDaysReadAsGivenAndNoFigureIsNeverANumber() {
        assertEquals("3,117", Figures.format("count", new BigDecimal("3117"), null));
        assertEquals("£39,512", Figures.format("pounds", new BigDecimal("39512.00"), null));
        assertEquals("£198,763.50", Figures.format("pounds", new BigDecimal("198763.5"), null));
        assertEquals("1 day", Figures.format("days", BigDecimal.ONE, null));
        assertEquals("450.5", Figures.format(null, new BigDecimal("450.5"), null), "a figure whose unit is not known reads as given");
        assertEquals(Symbol.SUPPRESSED.words(), Figures.format("percent", null, Symbol.SUPPRESSED));
    }
}
