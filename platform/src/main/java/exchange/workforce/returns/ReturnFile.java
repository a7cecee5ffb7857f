package exchange.workforce.returns;

import exchange.workforce.adapters.tabular.Table;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.Problem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An uploaded return in the template's tidy layout: one figure per row, columns authority (optional),
 * period_type, period, measure, breakdown (dimension=value, blank for the total), value.
 */
final class ReturnFile {

    static final List<String> COLUMNS = List.of("authority", "period_type", "period", "measure", "breakdown", "value");
    static final List<String> REQUIRED = List.of("period_type", "period", "measure", "value");
    /** The Excel template's columns for the person filling it in (what each measure is); read past, never as figures. */
    static final List<String> FOR_READING = List.of("label", "unit", "definition", "allowed");

    /** A code typed otherwise than the catalogue writes it, noted so the check report says how it was read. */
    private static void readAs(String typed, String read, List<String> notes) {
        if (!typed.equals(read)) {
            notes.add("'" + (typed.length() > 60 ? typed.substring(0, 60) + "…" : typed) + "' read as " + (read.length() > 60 ? read.substring(0, 60) + "…" : read));
        }
    }

    record Read(String periodType, String period, List<ReturnLine> lines) {
    }

    private ReturnFile() {
    }

    static Read read(Table table, Caller caller) {
        List<Problem.Violation> errors = new ArrayList<>();
        List<String> header = table.header().stream().map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (!name.isEmpty() && !COLUMNS.contains(name) && !FOR_READING.contains(name)) {
                errors.add(new Problem.Violation(ReturnRule.UNKNOWN_COLUMN.name(), name, 1, table.header().get(c), "'" + table.header().get(c)
                        + "' is not a column of the return" + closest(name) + " The columns are " + String.join(", ", COLUMNS) + "."));
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                errors.add(new Problem.Violation(ReturnRule.MISSING_COLUMN.name(), required, 1, required, "the file has no '" + required
                        + "' column; the template's header is " + String.join(",", COLUMNS) + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw SubmittingAReturn.rejected(errors);
        }
        Map<String, Integer> at = new TreeMap<>();
        for (int c = 0; c < header.size(); c++) {
            at.putIfAbsent(header.get(c), c);
        }
        Set<String> periods = new LinkedHashSet<>();
        List<ReturnLine> lines = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            if (at.containsKey("authority")) {
                AuthorityOfTheFilePolicy.check(row.cell(at.get("authority")), caller, row.number());
            }
            String type = row.cell(at.get("period_type")).trim().toUpperCase(Locale.ROOT);
            String period = row.cell(at.get("period")).trim().toUpperCase(Locale.ROOT);
            periods.add(type + " " + period);
            TreeMap<String, String> breakdown = new TreeMap<>();
            List<String> readAs = new ArrayList<>();
            String parts = at.containsKey("breakdown") ? row.cell(at.get("breakdown")).trim() : "";
            if (!parts.isEmpty()) {
                for (String part : parts.split(";")) {
                    String[] pair = part.split("=", 2);
                    if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                        errors.add(new Problem.Violation(ReturnRule.UNKNOWN_BREAKDOWN.name(), "breakdown", row.number(), "breakdown", "'" + parts
                                + "' is not a breakdown; write it as dimension=value, e.g. leaving_reason=RESIGNATION, or leave it blank for the total."));
                        continue;
                    }
                    breakdown.put(pair[0].trim().toLowerCase(Locale.ROOT), pair[1].trim().toUpperCase(Locale.ROOT));
                    readAs(pair[0].trim(), pair[0].trim().toLowerCase(Locale.ROOT), readAs);
                    readAs(pair[1].trim(), pair[1].trim().toUpperCase(Locale.ROOT), readAs);
                }
            }
            String measure = row.cell(at.get("measure")).trim();
            readAs(measure, measure.toLowerCase(Locale.ROOT), readAs);
            lines.add(new ReturnLine(row.number(), measure.toLowerCase(Locale.ROOT), breakdown, row.cell(at.get("value")),
                    readAs.isEmpty() ? null : String.join(", ", readAs)));
        }
        if (periods.size() > 1) {
            errors.add(new Problem.Violation(ReturnRule.MIXED_PERIODS.name(), "period", null, "period", "the file holds more than one period ("
                    + String.join(", ", periods) + "); upload one period per file."));
        }
        if (!errors.isEmpty()) {
            throw SubmittingAReturn.rejected(errors);
        }
        String only = periods.isEmpty() ? " " : periods.iterator().next();
        return new Read(only.substring(0, only.indexOf(' ')), only.substring(only.indexOf(' ') + 1), lines);
    }

    private static String closest(String name) {
        var distance = LevenshteinDistance.getDefaultInstance();
        return COLUMNS.stream().min(Comparator.comparingInt(c -> distance.apply(name, c)))
                .filter(c -> distance.apply(name, c) <= 3).map(c -> "; did you mean " + c + "?").orElse(".");
    }
}
