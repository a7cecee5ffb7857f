package exchange.workforce.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A GOV.UK date input as typed: day, month and year, each null when left empty. The one parser of dates for every
 * form; {@link RealDate} and {@link DateGiven} say what is wrong in the page's words.
 */
public record DateInput(String day, String month, String year) {

    public static final DateInput EMPTY = new DateInput(null, null, null);

    /** The same date as a form would show it back, for a form filled in with what is known. */
    public static DateInput of(LocalDate date) {
        return date == null ? EMPTY : new DateInput(Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                Integer.toString(date.getYear()));
    }

    /** Nothing typed in any of the three fields. */
    public boolean empty() {
        return day == null && month == null && year == null;
    }

    /** The date typed, if the three fields make a real one (a four-digit year, a month and a day that exist). */
    public Optional<LocalDate> date() {
        if (empty() || year == null || month == null || day == null || !year.matches("\\d{4}") || !month.matches("\\d{1,2}")
                || !day.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The date typed, or null when nothing (or no real date) was typed: read after {@link FormCheck} has passed the form. */
    public LocalDate orNull() {
        return date().orElse(null);
    }
}
