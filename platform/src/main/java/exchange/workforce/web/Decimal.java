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

/** Text left empty or typed as a number ({@link FormNumbers#decimal}); the message asks for it in the page's words. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = Decimal.Check.class)
public @interface Decimal {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Empty, or a number. */
    @Introspected
    final class Check implements ConstraintValidator<Decimal, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                FormNumbers.decimal(value);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
