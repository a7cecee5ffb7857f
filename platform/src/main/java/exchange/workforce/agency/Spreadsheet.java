package exchange.workforce.agency;

import exchange.workforce.adapters.tabular.Table;
import exchange.workforce.problem.Problem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the agency uploads (assignments, leavers) share: a template's columns, the header read against them (unknown,
 * repeated and missing columns named, with the closest name), and each row's cells read into the JSON body's types,
 * every cell that cannot be read named by row and column with what would be valid. One set of parsers for dates,
 * money, whole numbers, yes/no and ids.
 */
final class Spreadsheet {

    /** One column of a template: its header, whether a file must have it, what goes in it, and an example. */
    record Column(String name, boolean required, String holds, String example) {
    }

    static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private Spreadsheet() {
    }

    /** Where each of the template's columns is in the file; what is wrong with the header is added to {@code errors}. */
    static Map<String, Integer> header(Table table, List<Column> columns, String template, List<Problem.Violation> errors) {
        List<String> names = columns.stream().map(Column::name).toList();
        List<String> header = table.header().stream().map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (name.isEmpty()) {
                continue;
            }
            if (!names.contains(name)) {
                errors.add(new Problem.Violation("UNKNOWN_COLUMN", name, 1, table.header().get(c), "'" + table.header().get(c)
                        + "' is not a column of " + template + closest(name, names)));
            } else if (at.putIfAbsent(name, c) != null) {
                errors.add(new Problem.Violation("DUPLICATE_COLUMN", name, 1, name, "the column '" + name + "' appears twice; keep one"));
            }
        }
        columns.stream().filter(Column::required).filter(c -> !at.containsKey(c.name())).forEach(c -> errors.add(new Problem.Violation(
                "MISSING_COLUMN", c.name(), 1, c.name(), "the file has no '" + c.name() + "' column: " + c.holds()
                        + ". The template's header is " + String.join(",", names) + ".")));
        return at;
    }

    private static String closest(String name, List<String> names) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return names.stream().min(Comparator.comparingInt(c -> distance.apply(name, c))).filter(c -> distance.apply(name, c) <= 3)
                .map(c -> "; did you mean " + c + "?").orElse("; the columns are listed in the template's guidance");
    }

    /** One row's cells, read by column name; what cannot be read is added to the file's errors. */
    static final class Cells {
        private final Table.Row row;
        private final Map<String, Integer> at;
        private final List<Problem.Violation> errors;

        Cells(Table.Row row, Map<String, Integer> at, List<Problem.Violation> errors) {
            this.row = row;
            this.at = at;
            this.errors = errors;
        }

        boolean allBlank() {
            return at.values().stream().allMatch(c -> row.cell(c).isBlank());
        }

        String text(String column) {
            Integer c = at.get(column);
            if (c == null) {
                return null;
            }
            String value = row.cell(c).trim();
            return value.isEmpty() ? null : value;
        }

        Problem.Violation error(String column, String message) {
            // a message quotes the cell: a cell of megabytes is quoted by its start, not sent back whole
            String said = message.length() > 400 ? message.substring(0, 300) + "… (the cell is too long to quote)" : message;
            return new Problem.Violation("UNREADABLE_CELL", column, row.number(), column, said);
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(error(column, "'" + value + "' is not a date; write it as YYYY-MM-DD (e.g. 2026-08-03) or DD/MM/YYYY"));
                return null;
            }
        }

        BigDecimal money(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String plain = value.replace("£", "").replace(",", "").trim();
            if (plain.length() > 20) {
                // refused unread: a cell of millions of digits would hold the service while it became a number
                errors.add(error(column, "'" + value.substring(0, 20) + "…' is " + value.length() + " characters long; "
                        + "give pounds to the penny, e.g. 36.01"));
                return null;
            }
            try {
                BigDecimal amount = new BigDecimal(plain);
                if (amount.stripTrailingZeros().scale() > 2) {
                    errors.add(error(column, "'" + value + "' has more than two decimal places; give pounds to the penny, e.g. 36.01"));
                    return null;
                }
                return amount;
            } catch (NumberFormatException e) {
                errors.add(error(column, "'" + value + "' is not an amount in pounds; write it as a number, e.g. 36.01"));
                return null;
            }
        }

        Integer whole(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            } catch (NumberFormatException e) {
                errors.add(error(column, "'" + value + "' is not a whole number"));
                return null;
            }
        }

        Boolean yesNo(String column) {
            String value = text(column);
            if (value == null) {
                return Boolean.FALSE;
            }
            return switch (value.toUpperCase(Locale.ROOT)) {
                case "Y", "YES", "TRUE" -> Boolean.TRUE;
                case "N", "NO", "FALSE" -> Boolean.FALSE;
                default -> {
                    errors.add(error(column, "'" + value + "' is not Y or N"));
                    yield Boolean.FALSE;
                }
            };
        }

        UUID uuid(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                errors.add(error(column, "'" + value + "' is not an id as the platform gives them (e.g. 3f2b…-…, 36 characters)"));
                return null;
            }
        }
    }
}
