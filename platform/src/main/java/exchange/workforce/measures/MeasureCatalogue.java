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
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/** The measure catalogue (schemas/measures/catalogue.json) as the platform reads it. Data, not code. */
@Singleton
public class MeasureCatalogue {

    /**
     * A derived rate's formula, DfE's way: {@code scale × Σ numerator / (denominatorFactor × Σ denominator)}, to one
     * decimal place. The one implementation of it, used by returns, benchmarks and exports alike.
     */
    @Serdeable
    public record Formula(List<String> numerator, List<String> denominator, double scale, @Nullable Double denominatorFactor) {

        /** Every component the formula reads, numerator first, each once. */
        public List<String> components() {
            List<String> all = new java.util.ArrayList<>(numerator);
            denominator.stream().filter(c -> !all.contains(c)).forEach(all::add);
            return List.copyOf(all);
        }

        /** The rate from the components' values (each must be present), or empty where the denominator is zero. */
        public Optional<java.math.BigDecimal> rate(Map<String, java.math.BigDecimal> values) {
            java.math.BigDecimal top = numerator.stream().map(values::get).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            java.math.BigDecimal bottom = denominator.stream().map(values::get).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                    .multiply(java.math.BigDecimal.valueOf(denominatorFactor == null ? 1 : denominatorFactor));
            if (bottom.signum() == 0) {
                return Optional.empty();
            }
            return Optional.of(top.multiply(java.math.BigDecimal.valueOf(scale)).divide(bottom, 1, java.math.RoundingMode.HALF_UP));
        }
    }

    /** How a group's figure is made from its members' (see {@link Aggregate}): sum, ratio, max, weighted-mean or median. */
    @Serdeable
    public record Aggregation(String method, @Nullable String weight) {
    }

    @Serdeable
    public record Measure(String code, String label, String unit, String kind, boolean countsPeople, String better,
                          @Nullable List<String> dimensions, @Nullable Formula formula, String definition, String source,
                          @Nullable Boolean returnable, Aggregation aggregation, String referenceDate, @Nullable Boolean required,
                          String theme, @Nullable java.math.BigDecimal largest, @Nullable String sharing) {

        /** A measure as before limits and sharing were said: its unit's largest figure, shared as every measure is. */
        public Measure(String code, String label, String unit, String kind, boolean countsPeople, String better,
                       @Nullable List<String> dimensions, @Nullable Formula formula, String definition, String source,
                       @Nullable Boolean returnable, Aggregation aggregation, String referenceDate, @Nullable Boolean required, String theme) {
            this(code, label, unit, kind, countsPeople, better, dimensions, formula, definition, source, returnable, aggregation,
                    referenceDate, required, theme, null, null);
        }

        /**
         * Whether a council's figures of it stay inside the council unless it chooses to share them with its memorandum
         * (team and office figures): never released, never in anyone else's group figure.
         */
        public boolean keptInsideTheCouncil() {
            return "council".equals(sharing);
        }

        /** Whether every return must give it: a blank value is then an error; otherwise a blank means "not supplied". */
        public boolean mustBeGiven() {
            return Boolean.TRUE.equals(required);
        }

        /** The figures a member must have for the group's figure: the formula's components, the measure and its weight, or the measure. */
        public List<String> inputs() {
            if (derived()) {
                return formula.components();
            }
            return aggregation.weight() == null ? List.of(code) : List.of(code, aggregation.weight());
        }

        /** Whether its periods are children-in-need years (to 31 March) rather than census years (to 30 September). */
        public boolean childrenInNeedYear() {
            return "cin-year".equals(referenceDate);
        }

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

    /**
     * A breakdown's dimension and its values: the catalogue's list, the region's own list (kept and versioned by its
     * memorandum administrator; the catalogue's values are the starting list), or the council's own codes (its offices).
     */
    @Serdeable
    public record Dimension(String code, String label, List<String> values, @Nullable String valuesFrom) {

        public Dimension(String code, String label, List<String> values) {
            this(code, label, values, null);
        }

        /** Whether each region keeps its own list of the values (exit-interview themes). */
        public boolean keptByTheRegion() {
            return "region".equals(valuesFrom);
        }

        /** Whether each council names the values itself (its offices or localities). */
        public boolean namedByTheCouncil() {
            return "council".equals(valuesFrom);
        }
    }

    /** A council's own code for a value of a dimension it names itself: capital letters, digits and underscores. */
    public static final java.util.regex.Pattern COUNCILS_OWN_CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9_]{0,39}");

    @Serdeable
    public record Document(String version, List<Dimension> dimensions, List<Measure> measures,
                           @Nullable Map<String, java.math.BigDecimal> largest) {
    }

    /** Where the catalogue is on the classpath (schemas/measures/catalogue.json, packaged by the schemas module). */
    public static final String RESOURCE = "/contracts/measures/catalogue.json";

    private final Document document;
    private final Map<String, Measure> byCode;
    private final Map<String, Dimension> dimensions;
    /** Any measure's code as a word in a message, the longest first (so leavers_fte is not read as leavers). */
    private final java.util.regex.Pattern codes;

    @jakarta.inject.Inject
    public MeasureCatalogue(JsonMapper json) {
        this(json, committed());
    }

    /** A catalogue from its text: the committed one, or (in a test) one changed to show the data, not code, decides. */
    public MeasureCatalogue(JsonMapper json, byte[] catalogue) {
        try {
            this.document = json.readValue(catalogue, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.byCode = document.measures().stream().collect(Collectors.toMap(Measure::code, Function.identity()));
        this.dimensions = document.dimensions().stream().collect(Collectors.toMap(Dimension::code, Function.identity()));
        this.codes = java.util.regex.Pattern.compile("\\b(" + document.measures().stream().map(Measure::code)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).map(java.util.regex.Pattern::quote)
                .collect(Collectors.joining("|")) + ")\\b");
    }

    /** The committed catalogue's text, from the classpath. */
    public static byte[] committed() {
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The measure catalogue is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest figure one authority can return for a measure: its own limit, else its unit's (the catalogue's "largest"); empty if neither is set. */
    public Optional<java.math.BigDecimal> largest(Measure measure) {
        if (measure.largest() != null) {
            return Optional.of(measure.largest());
        }
        return Optional.ofNullable(document.largest()).map(l -> l.get(measure.unit()));
    }

    /** Each theme in words, in the order pages list them: the census families first, then the retention levers. */
    public static final Map<String, String> THEMES = themes();

    private static Map<String, String> themes() {
        Map<String, String> words = new java.util.LinkedHashMap<>();
        words.put("workforce", "Workforce: in post, starters, leavers and vacancies");
        words.put("agency", "Agency social workers");
        words.put("caseload", "Caseloads");
        words.put("absence", "Sickness absence");
        words.put("recruitment", "Recruitment");
        words.put("demand", "Demand for children's social care");
        words.put("voice", "Workforce voice and wellbeing");
        words.put("supervision", "Supervision");
        words.put("progression", "Progression");
        words.put("pay", "Pay");
        words.put("exit", "Leaving: exit interviews and destinations");
        words.put("pipeline", "Pipeline: students, trainees and newly qualified social workers");
        words.put("diversity", "Equality and diversity");
        words.put("teams", "Teams and offices");
        return java.util.Collections.unmodifiableMap(words);
    }

    /** CHILD_IN_NEED_AND_PROTECTION → "Child in need and protection"; 30_TO_39 → "30 to 39"; ASYE stays ASYE. */
    public static String words(String code) {
        String lower = (" " + code.toLowerCase(java.util.Locale.UK).replace('_', ' ') + " ").replace(" asye ", " ASYE ").trim();
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * A rule's message for a page: each measure code in it ("inpost_fte is 450.5 but ...") replaced by the measure's label
     * in quotes, for people who never see codes. The API keeps the codes, which integrators act on.
     */
    public String inWords(String message) {
        if (message == null) {
            return null;
        }
        Matcher code = codes.matcher(message);
        StringBuilder words = new StringBuilder();
        while (code.find()) {
            code.appendReplacement(words, Matcher.quoteReplacement("‘" + byCode.get(code.group()).label() + "’"));
        }
        code.appendTail(words);
        return words.toString();
    }

    /** A measure's label, or its code if the catalogue has no such measure (a figure of an older catalogue). */
    public String label(String measure) {
        return measure(measure).map(Measure::label).orElse(measure);
    }

    /** "leaving_reason=RESIGNATION" → "Leaving reason: Resignation"; several parts joined by "; "; "" for a total. */
    public String breakdownWords(String breakdown) {
        if (breakdown == null || breakdown.isEmpty()) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String part : breakdown.split(";")) {
            int equals = part.indexOf('=');
            String dimension = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            parts.add(dimension(dimension).map(Dimension::label).orElse(words(dimension)) + ": " + words(value));
        }
        return String.join("; ", parts);
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

    /** "; did you mean turnover_rate_fte?" for a code within a few edits of a measure's, else "". */
    public String didYouMean(String typed) {
        if (typed.length() > 64) {
            return ""; // no code is that long; comparing megabytes with every code would hold the service
        }
        var distance = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        return document.measures().stream().min(java.util.Comparator.comparingInt(m -> distance.apply(typed, m.code())))
                .filter(m -> distance.apply(typed, m.code()) <= 4).map(m -> "; did you mean " + m.code() + "?").orElse("");
    }

    public String version() {
        return document.version();
    }
}
