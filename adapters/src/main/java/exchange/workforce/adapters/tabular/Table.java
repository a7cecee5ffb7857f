package exchange.workforce.adapters.tabular;

import java.util.List;

/**
 * A table read from an uploaded file: its header, and its rows with the line (CSV) or row (Excel) number the
 * user sees in their spreadsheet, so every error can point at it.
 */
public record Table(List<String> header, List<Row> rows) {

    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }
}
