package exchange.workforce.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.form.FormUrlEncodedDecoder;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a page's posted form ({@code application/x-www-form-urlencoded}) into its {@link Form} record: the body is
 * decoded by the framework's decoder (which bounds how many fields it takes), then each record component takes the
 * field of its name. Nothing is refused here: what is wrong with the answers is {@link FormCheck}'s to say, in words,
 * on the form again. Fields the record does not name are ignored.
 */
@Singleton
@Order(-1000)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormReader<F> implements MessageBodyReader<F> {

    private final FormUrlEncodedDecoder decoder;

    public FormReader(FormUrlEncodedDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public boolean isReadable(Argument<F> type, MediaType mediaType) {
        return Form.class.isAssignableFrom(type.getType()) && type.getType().isRecord();
    }

    @Override
    @SuppressWarnings("unchecked")
    public F read(Argument<F> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        String text;
        try {
            text = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CodecException("The form could not be read", e);
        }
        Charset charset = mediaType == null ? StandardCharsets.UTF_8 : mediaType.getCharset().orElse(StandardCharsets.UTF_8);
        Map<String, Object> fields;
        try {
            fields = decoder.decode(text, charset);
        } catch (IllegalArgumentException notAForm) {
            throw new CodecException("The form could not be read: " + notAForm.getMessage(), notAForm);
        }
        return (F) bind((Class<? extends Form>) type.getType(), fields);
    }

    /** The record of this type with each component taken from the fields of its name. */
    static <F extends Form> F bind(Class<F> type, Map<String, Object> fields) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            String name = name(component);
            if (component.getType() == DateInput.class) {
                values[i] = new DateInput(text(fields.get(name + "-day")), text(fields.get(name + "-month")), text(fields.get(name + "-year")));
            } else if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] == String.class) {
                values[i] = texts(fields.get(name));
            } else if (component.getType() == String.class) {
                values[i] = text(fields.get(name));
            } else if (component.getType() == Map.class) {
                values[i] = others(fields, components);
            } else {
                throw new IllegalStateException(type.getName() + "." + name + ": a form's fields are text, lists of text, dates or a map of text");
            }
        }
        try {
            Constructor<F> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("A form record needs its canonical constructor: " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** The field a component reads: its own name, or the one {@link FieldName} gives. */
    static String name(RecordComponent component) {
        FieldName named = component.getAnnotation(FieldName.class);
        return named == null ? component.getName() : named.value();
    }

    /** One field's text, trimmed; null for nothing but spaces (and the first of a field sent twice). */
    private static String text(Object value) {
        Object one = value instanceof Collection<?> many ? many.stream().findFirst().orElse(null) : value;
        return one == null || one.toString().isBlank() ? null : one.toString().trim();
    }

    private static List<String> texts(Object value) {
        List<String> all = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> {
                String text = text(v);
                if (text != null) {
                    all.add(text);
                }
            });
        } else if (text(value) != null) {
            all.add(text(value));
        }
        return List.copyOf(all);
    }

    /** Every field no component of the record names, but the CSRF token: keyed answers, as typed (trimmed, "" for nothing). */
    private static Map<String, String> others(Map<String, Object> fields, RecordComponent[] components) {
        java.util.Set<String> named = new java.util.HashSet<>(List.of(Csrf.FIELD));
        for (RecordComponent component : components) {
            named.add(name(component));
            if (component.getType() == DateInput.class) {
                named.addAll(List.of(name(component) + "-day", name(component) + "-month", name(component) + "-year"));
            }
        }
        Map<String, String> keyed = new java.util.LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!named.contains(name)) {
                String text = text(value);
                keyed.put(name, text == null ? "" : text);
            }
        });
        return keyed;
    }
}
