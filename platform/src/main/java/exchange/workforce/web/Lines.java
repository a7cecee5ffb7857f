package exchange.workforce.web;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;

/** A list typed one item a line ({@link #of}): at least one item, each at most {@code maxLength} characters. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = Lines.Check.class)
public @interface Lines {

    String message();

    int maxLength();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The items typed, one a line, each trimmed, blank lines left out. */
    final class Of {
        private Of() {
        }

        public static List<String> items(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** At least one item, none too long. */
    @Introspected
    final class Check implements ConstraintValidator<Lines, String> {
        @Override
        public boolean isValid(String value, AnnotationValue<Lines> annotation, ConstraintValidatorContext context) {
            int max = annotation.intValue("maxLength").orElse(Integer.MAX_VALUE);
            List<String> items = Of.items(value);
            return !items.isEmpty() && items.stream().allMatch(item -> item.length() <= max);
        }
    }
}
