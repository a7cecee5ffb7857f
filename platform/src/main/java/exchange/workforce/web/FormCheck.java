package exchange.workforce.web;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a posted {@link Form}, by the framework's validator: one error a field (the first of its
 * constraints, in the order they are written), in the order the fields are on the form, each linking to its box (a
 * date's day box). The constraints' messages are the words shown, so a form says its rules where it declares its fields.
 */
@Singleton
public class FormCheck {

    private final Validator validator;

    public FormCheck(Validator validator) {
        this.validator = validator;
    }

    public List<FieldError> problems(Form form) {
        List<RecordComponent> components = Arrays.asList(form.getClass().getRecordComponents());
        Map<String, FieldError> first = new LinkedHashMap<>();
        validator.validate(form).stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<Form> v) -> position(components, v))
                        .thenComparingInt(v -> rank(components, v)))
                .forEach(v -> {
                    String name = root(v);
                    RecordComponent component = components.stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
                    String field = component == null ? name : FormReader.name(component);
                    boolean date = component != null && component.getType() == DateInput.class;
                    first.putIfAbsent(name, new FieldError(date ? field + "-day" : field, v.getMessage()));
                });
        return new ArrayList<>(first.values());
    }

    private static String root(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    private static int position(List<RecordComponent> components, ConstraintViolation<?> violation) {
        String name = root(violation);
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).getName().equals(name)) {
                return i;
            }
        }
        return components.size();
    }

    /** Where the violated constraint is written among its field's annotations: the first written is the first said. */
    private static int rank(List<RecordComponent> components, ConstraintViolation<?> violation) {
        Class<? extends Annotation> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        String name = root(violation);
        return components.stream().filter(c -> c.getName().equals(name)).findFirst()
                .map(c -> {
                    Annotation[] written = c.getAccessor().getAnnotations();
                    for (int i = 0; i < written.length; i++) {
                        if (written[i].annotationType() == type) {
                            return i;
                        }
                    }
                    return written.length;
                }).orElse(0);
    }
}
