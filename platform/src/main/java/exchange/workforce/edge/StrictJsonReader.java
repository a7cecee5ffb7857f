package exchange.workforce.edge;

import exchange.workforce.problem.InputRefused;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads every JSON request body strictly before it is bound: one JSON value and nothing after it, no key twice
 * in an object, no control characters and no overlong text in any string (keys included), nesting within
 * bounds. Each refusal names the place by JSON pointer (e.g. {@code /consent/method}), so a council officer or
 * an integrator can find it. What passes is read by Micronaut's own JSON reader.
 */
@Singleton
@Primary
@Order(-1000)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader<T> implements MessageBodyReader<T> {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonMessageHandler<T> delegate;

    public StrictJsonReader(JsonMapper mapper) {
        this.delegate = new JsonMessageHandler<>(mapper);
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return delegate.isReadable(type, mediaType);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        byte[] bytes = body.toByteArray();
        check(bytes);
        return delegate.read(type, mediaType, headers, new ByteArrayInputStream(bytes));
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw new CodecException("The request body could not be read", e);
        }
        check(bytes);
        return delegate.read(type, mediaType, headers, new ByteArrayInputStream(bytes));
    }

    /** Walks the whole body once, keeping the JSON pointer of where it is, and refuses at the first problem. */
    static void check(byte[] body) {
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrayIndexes = new ArrayDeque<>();
        try (JsonParser parser = STRICT.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            int depth = 0;
            do {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > InputLimits.MAX_DEPTH) {
                            throw new InputRefused(pointer(path), "The request body nests deeper than "
                                    + InputLimits.MAX_DEPTH + " levels at " + pointer(path) + ".");
                        }
                        if (token == JsonToken.START_ARRAY) {
                            arrayIndexes.push(new int[] {0});
                            path.addLast("0");
                        } else {
                            arrayIndexes.push(new int[] {-1});
                            path.addLast("");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        arrayIndexes.pop();
                        path.removeLast();
                        advance(path, arrayIndexes);
                    }
                    case FIELD_NAME -> {
                        path.removeLast();
                        path.addLast(parser.currentName());
                        String problem = InputLimits.textProblem(parser.currentName());
                        if (problem != null) {
                            throw new InputRefused(pointer(path), "A field name in the request body " + problem + ".");
                        }
                    }
                    case VALUE_STRING -> {
                        String problem = InputLimits.textProblem(parser.getText());
                        if (problem != null) {
                            throw new InputRefused(pointer(path), "The value of " + pointer(path) + " " + problem + ".");
                        }
                        advance(path, arrayIndexes);
                    }
                    default -> advance(path, arrayIndexes);
                }
                token = parser.nextToken();
            } while (depth > 0 && token != null);
            if (parser.nextToken() != null) {
                throw new InputRefused(null, "The request body has more after its JSON value (line "
                        + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr()
                        + "). Send exactly one JSON object.");
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                throw new InputRefused(pointer(path), "The field " + pointer(path) + " appears twice in the same object; "
                        + "send each field once.");
            }
            throw new InputRefused(null, "The request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "). Check for a missing quote, comma or bracket.");
        } catch (IOException e) {
            throw new InputRefused(null, "The request body could not be read as JSON.");
        }
    }

    /** After a value inside an array, the pointer moves to the next index; a list longer than any the API takes is refused. */
    private static void advance(Deque<String> path, Deque<int[]> arrayIndexes) {
        if (!arrayIndexes.isEmpty() && arrayIndexes.peek()[0] >= 0) {
            int next = ++arrayIndexes.peek()[0];
            path.removeLast();
            if (next > InputLimits.MAX_ITEMS) {
                throw new InputRefused(pointer(path), "The list at " + pointer(path) + " has more than " + InputLimits.MAX_ITEMS
                        + " items, the most any list in a request may have.");
            }
            path.addLast(Integer.toString(next));
        }
    }

    private static String pointer(Deque<String> path) {
        if (path.isEmpty()) {
            return "/";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : path) {
            pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
