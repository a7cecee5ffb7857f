package exchange.workforce.web;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A date input left empty or typed as a real date; the message says which date, for example "The date the reference is due must be a real date, for example 27 3 2026". */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = RealDate.Check.class)
public @interface RealDate {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Empty, or a real date. */
    @Introspected
    final class Check implements ConstraintValidator<RealDate, DateInput> {
        @Override
        public boolean isValid(DateInput value, ConstraintValidatorContext context) {
            return value == null || value.empty() || value.date().isPresent();
        }
    }
}
