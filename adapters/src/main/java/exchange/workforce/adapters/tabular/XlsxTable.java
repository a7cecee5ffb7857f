package exchange.workforce.adapters.tabular;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the first sheet of an .xlsx upload. Defences, each for this read alone (POI's own settings are the JVM's and
 * are left as they are): the workbook's parts are measured before POI opens it — no part may expand beyond 64 MB,
 * nor all of them beyond 100 times the file's size ({@link #MAX_PART_BYTES}, {@link #MAX_INFLATION}); POI's XML parsers
 * refuse external entities; and a formula is never evaluated — it is handed on as "=…" so the rules can say that a
 * figure, not a formula, is wanted.
 */
public final class XlsxTable {

    /** A 20,000-row sheet is about 10 MB of XML; 64 MB leaves room and bounds the work. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** A real workbook expands about 5 to 15 times; a zip bomb thousands of times. */
    static final long MAX_INFLATION = 100;

    private XlsxTable() {
    }

    /** Refuses a workbook whose parts would expand too far, reading each only as far as the limit. */
    private static void measure(byte[] bytes) {
        long total = 0;
        long allowed = Math.max(MAX_PART_BYTES, bytes.length * MAX_INFLATION);
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                long part = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    part += n;
                    total += n;
                    if (part > MAX_PART_BYTES || total > allowed) {
                        throw new UnreadableFile("The workbook expands to far more than its size (a 'zip bomb'); it was not opened. "
                                + "Save the return again from your spreadsheet, or upload it as CSV.", true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableFile("The workbook could not be opened as .xlsx (" + e.getClass().getSimpleName()
                    + "). Save it again from Excel as 'Excel Workbook (.xlsx)', or upload it as CSV.", false);
        }
    }

    public static boolean looksLikeXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4; // a zip's signature
    }

    public static boolean looksLikeOldExcel(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }

    public static Table read(byte[] bytes, int maxRows) {
        measure(bytes);
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
