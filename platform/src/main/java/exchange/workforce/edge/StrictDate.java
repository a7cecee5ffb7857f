package exchange.workforce.edge;

import exchange.workforce.problem.InputRefused;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates, in bodies and in query parameters alike: ISO {@code YYYY-MM-DD} within {@link InputLimits}'s range.
 * Year +999999999 or -4713 is refused with the range, rather than reaching the database.
 */
public final class StrictDate {

    private StrictDate() {
    }

    static LocalDate parse(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InputRefused(field, "The field '" + field + "' must be a date as YYYY-MM-DD, e.g. 2025-09-30; '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "' is not.");
        }
        String problem = InputLimits.dateProblem(date);
        if (problem != null) {
            throw new InputRefused(field, "The field '" + field + "' " + problem + ".");
        }
        return date;
    }

    /** Dates in JSON bodies. */
    @Singleton
    @Primary
    public static class InBodies implements Deserializer<LocalDate> {

        @Override
        public LocalDate deserialize(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type) throws IOException {
            JsonNode node = StrictNodes.expect(decoder, type, JsonNode::isString, "a date in quotes as YYYY-MM-DD");
            return node == null ? null : parse(type.getName(), node.getStringValue());
        }

        @Override
        public boolean allowNull() {
            return true;
        }
    }

    /** Dates in query parameters and path segments. */
    @Singleton
    public static class InParameters implements TypeConverter<String, LocalDate> {

        @Override
        public Optional<LocalDate> convert(String text, Class<LocalDate> target, ConversionContext context) {
            String name = context instanceof io.micronaut.core.convert.ArgumentConversionContext<?> argument
                    ? argument.getArgument().getName() : "date";
            return Optional.of(parse(name, text));
        }
    }
}
