package exchange.workforce.returns;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a return covers: a month (2025-03), a calendar quarter (2025-Q1) or a census year, the
 * year to 30 September (2025 = 1 October 2024 to 30 September 2025, as DfE's census counts it).
 */
public record Period(PeriodType type, String label, LocalDate start, LocalDate end) {

    public static final int EARLIEST_YEAR = 2015;
    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");
    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("([0-9]{4})");

    /** Empty if the type is not a period type or the text not a period of it; see {@link #expected(String)}. */
    public static Optional<Period> parse(String type, String text) {
        return PeriodType.of(type).flatMap(t -> parse(t, text));
    }

    /** Empty if the text is not a period of the type; see {@link PeriodType#labelExpected()}. */
    public static Optional<Period> parse(PeriodType type, String text) {
        if (type == null || text == null) {
            return Optional.empty();
        }
        String label = text.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            switch (type) {
                case MONTH -> {
                    Matcher m = MONTH.matcher(label);
                    if (m.matches()) {
                        YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                        return Optional.of(new Period(type, label, month.atDay(1), month.atEndOfMonth()));
                    }
                }
                case QUARTER -> {
                    Matcher m = QUARTER.matcher(label);
                    if (m.matches()) {
                        YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1);
                        return Optional.of(new Period(type, label, first.atDay(1), first.plusMonths(2).atEndOfMonth()));
                    }
                }
                case CENSUS_YEAR -> {
                    Matcher m = YEAR.matcher(label);
                    if (m.matches()) {
                        int year = Integer.parseInt(m.group(1));
                        return Optional.of(new Period(type, label, LocalDate.of(year - 1, 10, 1), LocalDate.of(year, 9, 30)));
                    }
                }
            }
        } catch (java.time.DateTimeException notADate) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A label of any type: 2025 (census year), 2025-Q1 (quarter) or 2025-03 (month). */
    public static Optional<Period> parseAny(String text) {
        return parse(PeriodType.CENSUS_YEAR, text).or(() -> parse(PeriodType.QUARTER, text)).or(() -> parse(PeriodType.MONTH, text));
    }

    /** The period of the same type just before this one. */
    public Period previous() {
        String label = switch (type) {
            case CENSUS_YEAR -> Integer.toString(end.getYear() - 1);
            case QUARTER -> {
                YearMonth first = YearMonth.from(start).minusMonths(3);
                yield first.getYear() + "-Q" + (first.getMonthValue() + 2) / 3;
            }
            case MONTH -> YearMonth.from(start).minusMonths(1).toString();
        };
        return parse(type, label).orElseThrow();
    }

    /** Whether a label is of this period's type. */
    public boolean sameTypeAs(String label) {
        return parse(type, label).isPresent();
    }

    /** What a label of the named type looks like, or the types to choose from where the name is none of them. */
    public static String expected(String type) {
        return PeriodType.of(type).map(PeriodType::labelExpected).orElse(PeriodType.CHOICES);
    }

    /**
     * The periods a council is most likely entering a return for on a day: the last two census years that have ended,
     * and the current and previous quarter and month.
     */
    public static List<Period> recent(LocalDate today) {
        List<Period> periods = new java.util.ArrayList<>();
        int censusYear = today.isBefore(LocalDate.of(today.getYear(), 10, 1)) ? today.getYear() - 1 : today.getYear();
        for (int year = censusYear; year > censusYear - 2; year--) {
            parse(PeriodType.CENSUS_YEAR, String.valueOf(year)).ifPresent(periods::add);
        }
        Period quarter = parse(PeriodType.QUARTER, today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1)).orElseThrow();
        periods.add(quarter);
        periods.add(quarter.previous());
        Period month = parse(PeriodType.MONTH, String.format("%d-%02d", today.getYear(), today.getMonthValue())).orElseThrow();
        periods.add(month);
        periods.add(month.previous());
        return periods;
    }

    /** A return is for a period that has begun, and not before the platform's earliest year. */
    public Optional<String> outOfRange(LocalDate today) {
        if (start.isAfter(today)) {
            return Optional.of("the period " + label + " has not started yet (it starts on " + start + ")");
        }
        if (end.getYear() < EARLIEST_YEAR) {
            return Optional.of("returns start from " + EARLIEST_YEAR + "; " + label + " is earlier");
        }
        return Optional.empty();
    }
}
