package exchange.workforce.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the forecast answers show them. */
final class Format {

    private Format() {
    }

    /** A parameter or figure in words: at most three decimals, no trailing zeros. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "unknown";
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A published-style figure: one decimal place, as DfE publishes FTE, rates and caseloads. */
    static BigDecimal figure(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP) : null;
    }

    /** An accuracy figure: three decimals. */
    static BigDecimal accuracy(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP) : null;
    }
}
