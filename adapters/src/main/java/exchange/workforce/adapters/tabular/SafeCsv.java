package exchange.workforce.adapters.tabular;

import org.apache.commons.text.StringEscapeUtils;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV that is safe to open in a spreadsheet: a text cell that begins with =, +, -, @, tab or carriage
 * return would be run as a formula (CSV injection), so it is prefixed with an apostrophe, as OWASP advises.
 * Numbers are written as numbers.
 */
public final class SafeCsv {

    private SafeCsv() {
    }

    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return StringEscapeUtils.escapeCsv(safe);
    }

    public static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    public static String line(List<String> cells) {
        return cells.stream().collect(Collectors.joining(",")) + "\r\n";
    }
}
