package exchange.workforce.measures;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The measure catalogue (schemas/measures/catalogue.json) as the platform reads it. Data, not code. */
@Singleton
public class MeasureCatalogue {

    @Serdeable
    public record Formula(List<String> numerator, List<String> denominator, double scale, @Nullable Double denominatorFactor) {
    }

    @Serdeable
    public record Measure(String code, String label, String unit, String kind, boolean countsPeople, String better,
                          @Nullable List<String> dimensions, @Nullable Formula formula, String definition, String source,
                          @Nullable Boolean returnable) {

        /** Whether councils submit it in returns (false for figures only DfE publishes). */
        public boolean submitted() {
            return !derived() && !Boolean.FALSE.equals(returnable);
        }

        public boolean derived() {
            return "derived".equals(kind);
        }

        public List<String> breakdowns() {
            return dimensions == null ? List.of() : dimensions;
        }
    }

    @Serdeable
    public record Dimension(String code, String label, List<String> values) {
    }

    @Serdeable
    public record Document(String version, List<Dimension> dimensions, List<Measure> measures) {
    }

    private final Document document;
    private final Map<String, Measure> byCode;
    private final Map<String, Dimension> dimensions;

    public MeasureCatalogue(JsonMapper json) {
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(MeasureController.CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("The measure catalogue is missing from the build");
            }
            this.document = json.readValue(in.readAllBytes(), Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.byCode = document.measures().stream().collect(Collectors.toMap(Measure::code, Function.identity()));
        this.dimensions = document.dimensions().stream().collect(Collectors.toMap(Dimension::code, Function.identity()));
    }

    public Optional<Measure> measure(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Optional<Dimension> dimension(String code) {
        return Optional.ofNullable(dimensions.get(code));
    }

    public List<Dimension> dimensions() {
        return document.dimensions();
    }

    public List<Measure> measures() {
        return document.measures();
    }

    public String version() {
        return document.version();
    }
}
