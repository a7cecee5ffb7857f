package exchange.workforce.adapters.tabular;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workbook as a council's spreadsheet makes it, read as the platform reads every upload. */
class XlsxTableTest {

    private static byte[] workbook(int dataRows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Return");
            Row header = sheet.createRow(0);
            List<String> names = List.of("measure", "value", "day", "note");
            for (int c = 0; c < names.size(); c++) {
                header.createCell(c).setCellValue(names.get(c));
            }
            sheet.createRow(1); // a blank row a person leaves between header and figures
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (int r = 0; r < dataRows; r++) {
                Row row = sheet.createRow(r + 2);
                row.createCell(0).setCellValue("inpost_fte");
                row.createCell(1).setCellValue(450.5 + r);
                row.createCell(2).setCellValue(LocalDate.of(2024, 9, 30));
                row.getCell(2).setCellStyle(date);
                row.createCell(3).setCellFormula("B" + (r + 3) + "*2");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void numbersDatesAndFormulasAreReadAsTextWithTheirRowNumbersAndBlankRowsAreSkipped() throws IOException {
        Table table = XlsxTable.read(workbook(2), 10);
        assertEquals(List.of("measure", "value", "day", "note"), table.header());
        assertEquals(2, table.rows().size());
        Table.Row first = table.rows().get(0);
        assertEquals(3, first.number(), "the row number a person sees in Excel");
        assertEquals("450.5", first.cell(1));
        assertEquals("2024-09-30", first.cell(2), "a date cell, whatever its format, as an ISO date");
        assertEquals("=B3*2", first.cell(3), "a formula is never evaluated: it is handed on for the rules to refuse");
        assertEquals("451.5", table.rows().get(1).cell(1));
    }

    @Test
    void aSheetOverTheRowLimitIsRefusedAsTooLargeAtTheFirstRowBeyondIt() throws IOException {
        byte[] eleven = workbook(11);
        assertEquals(10, XlsxTable.read(workbook(10), 10).rows().size(), "exactly the limit is read");
        UnreadableFile refused = assertThrows(UnreadableFile.class, () -> XlsxTable.read(eleven, 10));
        assertTrue(refused.tooLarge());
        assertTrue(refused.getMessage().contains("more than 10 rows"), refused.getMessage());
    }

    @Test
    void aZipBombIsRefusedBeforePoiOpensItAndPoisOwnSettingsAreLeftAlone() throws IOException {
        double ratio = ZipSecureFile.getMinInflateRatio();
        long entry = ZipSecureFile.getMaxEntrySize();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 70; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        UnreadableFile refused = assertThrows(UnreadableFile.class, () -> XlsxTable.read(out.toByteArray(), 10));
        assertTrue(refused.tooLarge() && refused.getMessage().contains("zip bomb"), refused.getMessage());
        assertEquals(ratio, ZipSecureFile.getMinInflateRatio(), "no JVM-wide setting changed");
        assertEquals(entry, ZipSecureFile.getMaxEntrySize(), "no JVM-wide setting changed");
    }

    @Test
    void somethingThatIsNotAWorkbookIsRefusedWithWhatToDo() {
        UnreadableFile refused = assertThrows(UnreadableFile.class, () -> XlsxTable.read("PK\u0003\u0004 not really".getBytes(), 10));
        assertFalse(refused.tooLarge());
        assertTrue(refused.getMessage().contains("Save it again from Excel"), refused.getMessage());
        assertTrue(XlsxTable.looksLikeXlsx(new byte[] {'P', 'K', 3, 4, 0}));
        assertFalse(XlsxTable.looksLikeXlsx("a,b\n".getBytes()));
        assertTrue(XlsxTable.looksLikeOldExcel(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}));
    }
}
