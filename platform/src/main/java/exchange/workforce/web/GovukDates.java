package exchange.workforce.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK writes them: 3 August 2026 (no leading zero, the month in words). */
public final class GovukDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private GovukDates() {
    }

    public static String format(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
