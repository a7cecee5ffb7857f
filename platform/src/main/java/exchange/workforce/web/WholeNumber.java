package exchange.workforce.web;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Text left empty or typed as a whole number from {@code min} to {@code max} ({@link FormNumbers#whole}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = WholeNumber.Check.class)
public @interface WholeNumber {

    String message();

    int min() default Integer.MIN_VALUE;

    int max() default Integer.MAX_VALUE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Empty, or a whole number in range (the bounds read from the annotation as the framework's validator gives it). */
    @Introspected
    final class Check implements io.micronaut.validation.validator.constraints.ConstraintValidator<WholeNumber, String> {
        @Override
        public boolean isValid(String value, AnnotationValue<WholeNumber> bounds,
                               io.micronaut.validation.validator.constraints.ConstraintValidatorContext context) {
            try {
                Integer number = FormNumbers.whole(value);
                return number == null || number >= bounds.intValue("min").orElse(Integer.MIN_VALUE)
                        && number <= bounds.intValue("max").orElse(Integer.MAX_VALUE);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
