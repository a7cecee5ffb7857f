package exchange.workforce.web;

/**
 * A page's form as a record: each component is the field of the same name, read by {@link FormReader} and checked by
 * {@link FormCheck} against the constraints on it (whose messages are the error summary's words). A
 * {@link DateInput} component is GOV.UK's three fields ({@code <name>-day}, {@code -month}, {@code -year}); a
 * {@code List<String>} component takes every value of a field sent more than once (checkboxes); text is trimmed, and
 * nothing typed is null. The CSRF token is checked before any handler runs ({@link FormCsrfFilter}), so no form
 * declares it.
 */
public interface Form {
}
