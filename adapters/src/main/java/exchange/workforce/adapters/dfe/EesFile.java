package exchange.workforce.adapters.dfe;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a DfE explore-education-statistics CSV: the layout of every file in DfE's statistics releases
 * ({@code time_period, time_identifier, geographic_level, country_code, …, new_la_code, la_name}, then the
 * measures). Handles the byte-order mark, keeps every symbol, and says why anything is skipped.
 */
public final class EesFile {

    static final List<String> REQUIRED = List.of("time_period", "time_identifier", "geographic_level", "country_code",
            "region_code", "region_name", "old_la_code", "new_la_code", "la_name");
    /** Columns that describe the row rather than measure something (ONS's population files add the age group). */
    static final Set<String> DESCRIPTIVE = Set.of("time_period", "time_identifier", "geographic_level", "country_code",
            "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "category", "age_group");
    static final Set<String> LEVELS = Set.of("National", "Regional", "Local authority");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** Something not read, with the line and column it was on and why. */
    public record Skipped(long line, String column, String reason) {
    }

    /** What a file held: its rows, the measure columns, and what was skipped. */
    public record Contents(List<String> measures, List<PublishedRow> rows, List<Skipped> skipped, long linesRead) {
    }

    private EesFile() {
    }

    public static Contents read(InputStream in) throws IOException {
        Reader reader = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get().parse(skipByteOrderMark(reader))) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("This is not an explore-education-statistics file: it has no column(s) "
                        + missing + ". Expected the DfE layout time_period, time_identifier, geographic_level, … la_name.");
            }
            List<String> measures = header.stream().filter(c -> !DESCRIPTIVE.contains(c)).toList();
            List<PublishedRow> rows = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            long lines = 0;
            for (CSVRecord record : parser) {
                lines++;
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    skipped.add(new Skipped(line, null, "has " + record.size() + " columns; the header has " + header.size()));
                    continue;
                }
                row(record, line, measures, skipped).ifPresent(rows::add);
            }
            return new Contents(measures, rows, skipped, lines);
        }
    }

    private static java.util.Optional<PublishedRow> row(CSVRecord record, long line, List<String> measures, List<Skipped> skipped) {
        String level = record.get("geographic_level");
        if (!LEVELS.contains(level)) {
            skipped.add(new Skipped(line, "geographic_level", "'" + level + "' is not National, Regional or Local authority"));
            return java.util.Optional.empty();
        }
        String areaCode = switch (level) {
            case "National" -> record.get("country_code");
            case "Regional" -> record.get("region_code");
            default -> record.get("new_la_code");
        };
        String areaName = switch (level) {
            case "National" -> record.get("country_name");
            case "Regional" -> record.get("region_name");
            default -> record.get("la_name");
        };
        if (areaCode == null || areaCode.isBlank()) {
            skipped.add(new Skipped(line, "new_la_code", "no code for the " + level.toLowerCase(Locale.ROOT) + " row '" + areaName + "'"));
            return java.util.Optional.empty();
        }
        String period = record.get("time_period");
        if (!period.matches("[0-9]{4}([0-9]{2})?")) {
            skipped.add(new Skipped(line, "time_period", "'" + period + "' is not a year such as 2023 or 202223"));
            return java.util.Optional.empty();
        }
        List<PublishedValue> values = new ArrayList<>();
        for (String measure : measures) {
            String text = record.get(measure);
            PublishedValue.Symbol symbol = PublishedValue.Symbol.of(text);
            if (symbol != null) {
                values.add(new PublishedValue(measure.toLowerCase(Locale.ROOT), null, symbol));
            } else if (NUMBER.matcher(text).matches()) {
                values.add(new PublishedValue(measure.toLowerCase(Locale.ROOT), new BigDecimal(text), null));
            } else {
                skipped.add(new Skipped(line, measure, text.isEmpty() ? "is empty (DfE marks a missing figure with x)"
                        : "'" + text + "' is neither a number nor a DfE symbol (c, x, z, low, u)"));
            }
        }
        return java.util.Optional.of(new PublishedRow(line, period, record.get("time_identifier"), level, areaCode.trim(),
                areaName, record.get("region_code"), record.get("old_la_code"), values));
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        int first = reader.read();
        if (first != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
