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

/** A date input with something typed in it; the message asks for the date, for example "Enter the date the reference is due". */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Constraint(validatedBy = DateGiven.Check.class)
public @interface DateGiven {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Something typed in at least one of the three fields (whether it is a real date is {@link RealDate}'s to say). */
    @Introspected
    final class Check implements ConstraintValidator<DateGiven, DateInput> {
        @Override
        public boolean isValid(DateInput value, ConstraintValidatorContext context) {
            return value != null && !value.empty();
        }
    }
}
