package exchange.workforce.web;

import java.math.BigDecimal;

/**
 * The one parser of numbers typed into forms: a sign, digits, a decimal point, with thousands commas, spaces and a
 * £ or % sign allowed around them (as people type "£1,250.50" or "20%"). {@link Decimal} and {@link WholeNumber} say
 * in the page's words when the text is not one.
 */
public final class FormNumbers {

    private FormNumbers() {
    }

    /** The number typed, or null for nothing typed; throws {@link NumberFormatException} for text that is not a number. */
    public static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String bare = text.replace("£", "").replace("%", "").replace(",", "").replace(" ", "").trim();
        if (!bare.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)") || bare.length() > 40) {
            throw new NumberFormatException("not a number: " + text);
        }
        return new BigDecimal(bare);
    }

    /** The whole number typed, or null for nothing typed; throws {@link NumberFormatException} for anything else. */
    public static Integer whole(String text) {
        BigDecimal number = decimal(text);
        if (number == null) {
            return null;
        }
        try {
            return number.stripTrailingZeros().scale() > 0 ? fail(text) : number.intValueExact();
        } catch (ArithmeticException e) {
            return fail(text);
        }
    }

    private static Integer fail(String text) {
        throw new NumberFormatException("not a whole number: " + text);
    }
}
