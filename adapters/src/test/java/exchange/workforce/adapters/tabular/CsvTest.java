package exchange.workforce.adapters.tabular;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        assertEquals("'=1+1", SafeCsv.cell("=1+1"));
        assertEquals("'+44 1234", SafeCsv.cell("+44 1234"));
        assertEquals("'-2", SafeCsv.cell("-2"));
        assertEquals("'@SUM(A1)", SafeCsv.cell("@SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", SafeCsv.cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("Kent", SafeCsv.cell("Kent"));
        assertEquals("\"Bristol, City of\"", SafeCsv.cell("Bristol, City of"));
    }

    @Test
    void windows1252IsReadWhenTheFileIsNotUtf8() {
        byte[] pounds = "measure;value\r\nnote;£5\r\n".getBytes(Charset.forName("windows-1252"));
        Table table = CsvTable.read(pounds, 10);
        assertEquals(List.of("measure", "value"), table.header());
        assertEquals("£5", table.rows().get(0).cell(1));
        assertEquals(2, table.rows().get(0).number());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        Table table = CsvTable.read("\uFEFFmeasure,value\ninpost_fte,1\n".getBytes(StandardCharsets.UTF_8), 10);
        assertEquals("measure", table.header().get(0));
    }

    @Test
    void tooManyRowsIsRefusedAsTooLarge() {
        UnreadableFile refused = assertThrows(UnreadableFile.class, () -> CsvTable.read("a\n1\n2\n3\n".getBytes(), 2));
        assertTrue(refused.tooLarge());
    }
}
