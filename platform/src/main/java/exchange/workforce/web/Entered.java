package exchange.workforce.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's answers as its page shows them back: what was typed by the name of its box ({@code form}), the error
 * summary ({@code errors}) and each box's first error by its name ({@code fieldErrors}).
 */
public record Entered(Map<String, Object> form, List<FieldError> errors, Map<String, Object> fieldErrors) implements ViewPart {

    /** A form not yet filled in. */
    public static final Entered NOTHING = new Entered(Map.of(), List.of(), Map.of());

    /** What was typed (but the boxes named, such as a registration number, which is typed again) with its errors. */
    public static Entered of(Form form, List<FieldError> errors, String... neverShownBack) {
        Map<String, Object> values = form == null ? new HashMap<>() : Pages.shown(form);
        for (String field : neverShownBack) {
            values.remove(field);
        }
        Map<String, Object> fieldErrors = new HashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        return new Entered(values, List.copyOf(errors), fieldErrors);
    }
}
