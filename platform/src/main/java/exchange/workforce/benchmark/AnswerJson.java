package exchange.workforce.benchmark;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON of each benchmark answer, written once and sent as bytes while {@link Benchmarking} serves the same
 * answer: a region's dashboard is 78 KB, and writing it per request cost more than everything else a cached request
 * does (JDK Flight Recorder, docs/performance.md). Kept by the answer's identity (never its contents, which would be
 * compared field by field), the 500 most recently used.
 */
@Singleton
class AnswerJson {

    private static final int KEPT = 500;

    private final JsonMapper json;
    private final Map<Identity, byte[]> written = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(KEPT)
            .<Identity, byte[]>build().asMap();

    AnswerJson(JsonMapper json) {
        this.json = json;
    }

    byte[] of(BenchmarkResponse answer) {
        Identity key = new Identity(answer);
        byte[] bytes = written.get(key);
        if (bytes == null) {
            try {
                bytes = json.writeValueAsBytes(answer);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write a benchmark answer as JSON", e);
            }
            written.put(key, bytes);
        }
        return bytes;
    }

    /** Equal only to itself: the same answer object, whatever its contents. */
    private static final class Identity {
        private final Object answer;

        Identity(Object answer) {
            this.answer = answer;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.answer == answer;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(answer);
        }
    }
}
