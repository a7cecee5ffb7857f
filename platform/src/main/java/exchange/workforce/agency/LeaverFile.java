package exchange.workforce.agency;

import exchange.workforce.adapters.tabular.Table;
import exchange.workforce.problem.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Permanent leavers uploaded as a spreadsheet: one leaving per row, in the template's columns, each cell read into the
 * field the JSON body has (POST /api/v1/agency/leavers), a cell that cannot be read named by row and column.
 */
final class LeaverFile {

    static final List<Spreadsheet.Column> COLUMNS = List.of(
            new Spreadsheet.Column("registration_number", true, "The worker's Social Work England number; replaced at once by a keyed "
                    + "pseudonym, never stored", "SW900123"),
            new Spreadsheet.Column("left_on", true, "The day they left the permanent post, YYYY-MM-DD (or DD/MM/YYYY), within the last 2 years",
                    "2026-06-30"),
            new Spreadsheet.Column("role_type", true, String.join(", ", Arrays.stream(RoleType.values()).map(Enum::name).toList()),
                    "SOCIAL_WORKER"),
            new Spreadsheet.Column("exemption", false, "REDUNDANCY or PROBATION if the leaving is exempt from cooling-off; blank otherwise", ""));

    /** A row read: its number in the file, the leaver, and whether every cell could be read. */
    record Row(int number, NewLeaver leaver, boolean readable) {
    }

    record Read(List<Row> rows, List<Problem.Violation> errors) {
    }

    private LeaverFile() {
    }

    static Read read(Table table) {
        List<Problem.Violation> errors = new ArrayList<>();
        Map<String, Integer> at = Spreadsheet.header(table, COLUMNS, "the leavers template", errors);
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            Spreadsheet.Cells cells = new Spreadsheet.Cells(row, at, errors);
            if (cells.allBlank()) {
                continue;
            }
            int before = errors.size();
            NewLeaver leaver = new NewLeaver(cells.text("registration_number"), cells.date("left_on"), cells.text("role_type"),
                    cells.text("exemption"));
            rows.add(new Row(row.number(), leaver, errors.size() == before));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.Violation("NO_ROWS", "file", null, null, "the file has a header but no leavers; add one row per leaver"));
        }
        return new Read(rows, errors);
    }

    /** The column a field of the JSON body is read from. */
    static String column(String field) {
        return switch (field == null ? "" : field) {
            case "registrationNumber" -> "registration_number";
            case "leftOn" -> "left_on";
            case "role" -> "role_type";
            case "exemption" -> "exemption";
            default -> null;
        };
    }
}
