package exchange.workforce.returns;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Optional;

/** The kinds of period a return covers: a month, a calendar quarter, or DfE's census year (the year to 30 September). */
@Serdeable
public enum PeriodType {
    /** A month, labelled YYYY-MM. */
    MONTH("month", "a month as YYYY-MM, e.g. 2025-03"),
    /** A calendar quarter, labelled YYYY-Qn. */
    QUARTER("quarter", "a quarter as YYYY-Qn, e.g. 2025-Q1"),
    /** The year to 30 September, labelled by the year it ends in, as DfE's census counts it. */
    CENSUS_YEAR("census year", "a census year as YYYY, e.g. 2025 for the year to 30 September 2025");

    /** What to say when the type itself is missing or wrong. */
    public static final String CHOICES = "periodType MONTH, QUARTER or CENSUS_YEAR";

    private final String words;
    private final String labelExpected;

    PeriodType(String words, String labelExpected) {
        this.words = words;
        this.labelExpected = labelExpected;
    }

    /** As a person reads it: "month", "quarter", "census year". */
    public String words() {
        return words;
    }

    /** A period of this type as a heading says it: "Census year 2024", "Quarter 2026-Q3". */
    public String label(String period) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " " + period;
    }

    /** What a label of this type looks like, with an example. */
    public String labelExpected() {
        return labelExpected;
    }

    /** The type a text names exactly (MONTH, QUARTER, CENSUS_YEAR); empty for anything else. */
    public static Optional<PeriodType> of(String text) {
        for (PeriodType type : values()) {
            if (type.name().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type of a well-formed label: 2025 a census year, 2025-Q1 a quarter, 2025-03 a month. */
    public static PeriodType ofLabel(String label) {
        return label.length() == 4 ? CENSUS_YEAR : label.charAt(5) == 'Q' ? QUARTER : MONTH;
    }
}
