package exchange.workforce.tenancy;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The list of England's regions and local authorities the platform ships with
 * (schemas/reference/authorities.csv, derived from DfE's published statistics, Open Government Licence).
 * The database is seeded from it; the token command checks codes against it without a database.
 */
public record ReferenceAuthorities(Map<String, String> regions, List<Row> authorities) {

    public static final String RESOURCE = "/contracts/reference/authorities.csv";

    public record Row(String gssCode, String dfeNumber, String name, String regionCode, String regionName,
                      String subRegion, int firstPublishedYear, int lastPublishedYear, boolean active,
                      String jointReturnCode, java.time.LocalDate established, java.time.LocalDate abolished,
                      List<String> predecessors) {
    }

    public static ReferenceAuthorities load() {
        try (InputStream in = ReferenceAuthorities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The reference list " + RESOURCE + " is missing from the build");
            }
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
            Map<String, String> regions = new TreeMap<>();
            List<Row> rows = records.stream().map(r -> {
                regions.put(r.get("region_code"), r.get("region_name"));
                String subRegion = r.get("sub_region");
                java.time.LocalDate abolished = date(r.get("abolished"));
                return new Row(r.get("gss_code"), r.get("dfe_number"), r.get("name"), r.get("region_code"),
                        r.get("region_name"), subRegion.isEmpty() ? null : subRegion,
                        Integer.parseInt(r.get("first_year")), Integer.parseInt(r.get("last_year")), abolished == null,
                        r.get("joint_code").isEmpty() ? null : r.get("joint_code"), date(r.get("established")), abolished,
                        r.get("predecessors").isEmpty() ? List.of() : List.of(r.get("predecessors").split(";")));
            }).toList();
            return new ReferenceAuthorities(Map.copyOf(regions), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.time.LocalDate date(String text) {
        return text.isEmpty() ? null : java.time.LocalDate.parse(text);
    }

    /** An authority by its ONS code (E10000016) or DfE number (886); a DfE number names the current authority. */
    public Optional<Row> authority(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return authorities.stream()
                .filter(a -> a.gssCode().equals(wanted) || a.dfeNumber().equals(wanted))
                .max(Comparator.comparing(Row::active).thenComparingInt(Row::lastPublishedYear));
    }

    public boolean hasRegion(String code) {
        return regions.containsKey(code.trim().toUpperCase(Locale.ROOT));
    }

    /** The closest authority names or codes to what was typed, for "did you mean" messages. */
    public List<String> suggestionsFor(String typed) {
        var distance = LevenshteinDistance.getDefaultInstance();
        String wanted = typed.trim().toLowerCase(Locale.ROOT);
        return authorities.stream()
                .filter(Row::active)
                .sorted(Comparator.comparingInt(a -> Math.min(
                        Math.min(distance.apply(wanted, a.name().toLowerCase(Locale.ROOT)),
                                distance.apply(wanted, a.gssCode().toLowerCase(Locale.ROOT))),
                        distance.apply(wanted, a.dfeNumber()))))
                .limit(3)
                .map(a -> a.gssCode() + " (" + a.name() + ", DfE " + a.dfeNumber() + ")")
                .toList();
    }
}
