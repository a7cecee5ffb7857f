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
        Spreadsheet sheet = spreadsheet(bytes, fileName, MAX_ROWS, "GET /api/v1/returns/templates/CENSUS_YEAR.csv");
        return new Upload(ReturnFile.read(sheet.table(), caller), sheet.source());
    }

    /** An uploaded file read as a table, and whether it was CSV or XLSX. */
    public record Spreadsheet(Table table, String source) {
    }

    /**
     * Any upload read as a table: recognised as Excel or CSV by its content; an old .xls, a document or an image refused
     * with what to do instead (the template named); a file over {@code maxRows} refused as too large.
     */
    public static Spreadsheet spreadsheet(byte[] bytes, String fileName, int maxRows, String template) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (XlsxTable.looksLikeXlsx(bytes)) {
                return new Spreadsheet(XlsxTable.read(bytes, maxRows), "XLSX");
            } else if (XlsxTable.looksLikeOldExcel(bytes) || name.endsWith(".xls")) {
                throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "file", "This is an old-style Excel file (.xls). "
                        + "Save it as 'Excel Workbook (.xlsx)' or as CSV, and upload that.");
            } else if (name.matches(".*\\.(pdf|docx?|pptx?|png|jpe?g|zip|json|xml)$")) {
                throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "file", "'" + fileName
                        + "' is not a spreadsheet. Upload it as .csv or .xlsx (template: " + template + ").");
            }
            return new Spreadsheet(CsvTable.read(bytes, maxRows), "CSV");
        } catch (UnreadableFile unreadable) {
            throw new ApiProblem(unreadable.tooLarge() ? ProblemCode.PAYLOAD_TOO_LARGE : ProblemCode.UNREADABLE_FILE, "file",
                    unreadable.getMessage());
        }
    }
}
