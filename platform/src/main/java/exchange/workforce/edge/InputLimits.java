package exchange.workforce.edge;

import java.time.LocalDate;

/**
 * The limits every input meets at the edge, before any feature sees it, with the reason for each. One set,
 * applied to every endpoint: JSON bodies ({@link StrictJsonReader}), text and dates wherever they are bound
 * ({@link StrictValues}), uploads (the server's request size).
 */
public final class InputLimits {

    /**
     * The longest text field: a reference's free-text comments run to a few thousand characters; ten thousand
     * leaves room without letting one field carry megabytes into the database (one did: 5 MB in a consent method).
     */
    public static final int MAX_TEXT_LENGTH = 10_000;

    /**
     * The most items a list in a request may have: the longest the API defines is a return's figures (a few hundred with
     * every breakdown); ten thousand leaves room without letting one request carry millions.
     */
    public static final int MAX_ITEMS = 10_000;

    /** The largest request body or file, as the server's max-request-size (application.yml) enforces it. */
    public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    /** How deeply JSON may nest: the deepest body the API defines is four levels; twenty is generous. */
    public static final int MAX_DEPTH = 20;

    /**
     * Dates the platform deals in: workforce records, memoranda and references of living people and their
     * employers. 1900 to 2100 holds every real one; years such as +999999999 or -4713 are typing or probing
     * mistakes, and PostgreSQL cannot store some of them.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private InputLimits() {
    }

    /** Why the text cannot be accepted, or null: a control character (other than tab and line breaks), or too long. */
    public static String textProblem(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return "is " + text.length() + " characters long; the most is " + MAX_TEXT_LENGTH;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ") at position " + (i + 1)
                        + ", which is not allowed in text";
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half of a character (U+" + String.format("%04X", (int) c) + ") at position " + (i + 1)
                        + ", which is not valid Unicode text";
            }
        }
        return null;
    }

    /** Why the date cannot be accepted, or null. */
    public static String dateProblem(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            return "is " + date + "; dates must fall between " + EARLIEST_DATE + " and " + LATEST_DATE;
        }
        return null;
    }
}
