package exchange.workforce.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/** A GOV.UK date input (three fields: {@code <name>-day}, {@code -month}, {@code -year}) read from a posted form. */
public final class DateField {

    private DateField() {
    }

    /** The date, or null if all three fields are empty; throws {@link IllegalArgumentException} in words if not a date. */
    public static LocalDate read(Map<String, String> form, String name, String what) {
        String day = form.getOrDefault(name + "-day", "").trim();
        String month = form.getOrDefault(name + "-month", "").trim();
        String year = form.getOrDefault(name + "-year", "").trim();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        try {
            if (year.length() != 4) {
                throw new NumberFormatException();
            }
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException(what + " must be a real date, for example 27 3 2026");
        }
    }
}
