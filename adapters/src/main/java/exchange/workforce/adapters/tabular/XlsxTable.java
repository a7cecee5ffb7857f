package exchange.workforce.adapters.tabular;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first sheet of an .xlsx upload. Defences: POI's zip-bomb guard (an entry may not expand more than
 * 100 times, nor beyond 64 MB), its XML parsers refuse external entities, and a formula is never evaluated —
 * it is handed on as "=…" so the rules can say that a figure, not a formula, is wanted.
 */
public final class XlsxTable {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private XlsxTable() {
    }

    public static boolean looksLikeXlsx(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    public static boolean looksLikeOldExcel(byte[] bytes) {
        return bytes.length > 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }

    public static Table read(byte[] bytes, int maxRows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableFile("The workbook has no sheets.", false);
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = null;
            List<Table.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw new UnreadableFile("The sheet has more than " + maxRows + " rows; split it, one period per file.", true);
                }
                rows.add(new Table.Row(row.getRowNum() + 1, cells));
            }
            if (header == null) {
                throw new UnreadableFile("The first sheet is empty. Download the template and fill it in.", false);
            }
            return new Table(header, rows);
        } catch (UnreadableFile e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
                throw new UnreadableFile("The workbook expands to far more than its size (a 'zip bomb'); it was not opened. "
                        + "Save the return again from your spreadsheet, or upload it as CSV.", true);
            }
            throw new UnreadableFile("The workbook could not be opened as .xlsx (" + e.getClass().getSimpleName()
                    + "). Save it again from Excel as 'Excel Workbook (.xlsx)', or upload it as CSV.", false);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().trim();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            default -> "";
        };
    }
}
