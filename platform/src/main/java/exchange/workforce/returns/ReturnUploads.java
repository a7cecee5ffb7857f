package exchange.workforce.returns;

import exchange.workforce.adapters.tabular.CsvTable;
import exchange.workforce.adapters.tabular.Table;
import exchange.workforce.adapters.tabular.UnreadableFile;
import exchange.workforce.adapters.tabular.XlsxTable;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.util.Locale;

/**
 * A return file as uploaded, by the API or the web page alike: recognised as Excel or CSV by its content, refused
 * with a reason a person can act on if it is neither, then read into the return's lines by row and column.
 */
public final class ReturnUploads {

    /** A monthly return of every measure and breakdown is about 150 rows; 20,000 leaves room and bounds the work. */
    static final int MAX_ROWS = 20_000;

    /** The file's lines and what it was (CSV or XLSX). */
    public record Upload(ReturnFile.Read read, String source) {
    }

    private ReturnUploads() {
    }

    public static Upload read(byte[] bytes, String fileName, Caller caller) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Table table;
        String source;
        try {
            if (XlsxTable.looksLikeXlsx(bytes)) {
                table = XlsxTable.read(bytes, MAX_ROWS);
                source = "XLSX";
            } else if (XlsxTable.looksLikeOldExcel(bytes) || name.endsWith(".xls")) {
                throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "file", "This is an old-style Excel file (.xls). "
                        + "Save it as 'Excel Workbook (.xlsx)' or as CSV, and upload that.");
            } else if (name.matches(".*\\.(pdf|docx?|pptx?|png|jpe?g|zip|json|xml)$")) {
                throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "file", "'" + fileName
                        + "' is not a spreadsheet. Upload the return as .csv or .xlsx (templates: GET /api/v1/returns/templates/CENSUS_YEAR.csv).");
            } else {
                table = CsvTable.read(bytes, MAX_ROWS);
                source = "CSV";
            }
        } catch (UnreadableFile unreadable) {
            throw new ApiProblem(unreadable.tooLarge() ? ProblemCode.PAYLOAD_TOO_LARGE : ProblemCode.UNREADABLE_FILE, "file",
                    unreadable.getMessage());
        }
        return new Upload(ReturnFile.read(table, caller), source);
    }
}
