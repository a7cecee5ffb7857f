package exchange.workforce.adapters.tabular;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers' and writers' limits exactly at their edges: the row limit, delimiters, signatures, short rows. */
class TablesAtTheirEdgesTest {

    @Test
    void exactlyTheRowLimitIsReadAndOneMoreIsRefused() {
        assertEquals(2, CsvTable.read("a\n1\n2\n".getBytes(StandardCharsets.UTF_8), 2).rows().size());
        assertTrue(assertThrows(UnreadableFile.class, () -> CsvTable.read("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), 2)).tooLarge());
    }

    @Test
    void theDelimiterIsTheOneTheHeaderUsesMostWithCommasWinningTies() {
        assertEquals(',', CsvTable.delimiter("measure;value,breakdown"), "one each: a comma");
        assertEquals(';', CsvTable.delimiter("measure;value;breakdown,x"));
        assertEquals(';', CsvTable.delimiter("measure;value\tbreakdown"), "semicolons tie with tabs and beat commas");
        assertEquals(',', CsvTable.delimiter("measure\tvalue,breakdown"), "a tab ties with a comma: a comma");
        assertEquals('\t', CsvTable.delimiter("measure\tvalue\tbreakdown,x"));
        assertEquals(',', CsvTable.delimiter("measure"));
    }

    @Test
    void aFileOfNothingButAByteOrderMarkIsEmpty() {
        assertEquals("", CsvTable.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        assertEquals("a", CsvTable.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}));
        UnreadableFile empty = assertThrows(UnreadableFile.class, () -> CsvTable.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 10));
        assertTrue(empty.getMessage().startsWith("The file is empty."), empty.getMessage());
    }

    @Test
    void binaryDataIsRefusedWhereverItsFirstZeroByteIs() {
        for (byte[] binary : new byte[][] {{0, 'a', ',', 'b'}, {'a', ',', 'b', 0}}) {
            UnreadableFile refused = assertThrows(UnreadableFile.class, () -> CsvTable.read(binary, 10));
            assertTrue(refused.getMessage().contains("binary data"), refused.getMessage());
        }
    }

    @Test
    void aRowShorterThanTheHeaderHasBlankCellsBeyondItsEnd() {
        Table.Row row = new Table.Row(2, List.of("inpost_fte", "450"));
        assertEquals("450", row.cell(1));
        assertEquals("", row.cell(2));
    }

    @Test
    void numbersAndLinesAreWrittenAsSpreadsheetsReadThem() {
        assertEquals("", SafeCsv.number(null));
        assertEquals("12.5", SafeCsv.number(12.5));
        assertEquals("a,b\r\n", SafeCsv.line(List.of("a", "b")));
        assertEquals("\r\n", SafeCsv.line(List.of()));
    }

    @Test
    void aFileIsAWorkbookByItsFourByteSignatureAlone() {
        assertTrue(XlsxTable.looksLikeXlsx(new byte[] {'P', 'K', 3, 4}));
        assertFalse(XlsxTable.looksLikeXlsx(new byte[] {'P', 'K', 3}));
        assertTrue(XlsxTable.looksLikeOldExcel(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}));
        assertFalse(XlsxTable.looksLikeOldExcel(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11}));
        assertFalse(XlsxTable.looksLikeOldExcel(new byte[] {'P', 'K', 3, 4, 0}));
        assertFalse(XlsxTable.looksLikeOldExcel(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, 0x00}));
    }
}
