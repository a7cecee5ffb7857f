package exchange.workforce.adapters.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV as councils' spreadsheets save it: UTF-8 with or without a byte-order mark, or Windows-1252 (what
 * Excel writes as "CSV"), separated by commas, semicolons (Excel in many European locales) or tabs.
 */
public final class CsvTable {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvTable() {
    }

    public static Table read(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new UnreadableFile("The file is empty. Download the template (GET /api/v1/returns/templates/{periodType}.csv) and fill it in.", false);
        }
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableFile("This does not look like a CSV file (it contains binary data). Upload the return as .csv or .xlsx.", false);
        }
        char delimiter = delimiter(text.lines().findFirst().orElse(""));
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            List<String> header = null;
            List<Table.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw new UnreadableFile("The file has more than " + maxRows + " rows; split it, one period per file.", true);
                }
                rows.add(new Table.Row((int) parser.getCurrentLineNumber(), cells));
            }
            return new Table(header, rows);
        } catch (IOException | IllegalStateException e) {
            throw new UnreadableFile("The CSV could not be read: " + e.getMessage()
                    + ". Check for a quote (\") that is opened and never closed.", false);
        } catch (UncheckedIOException e) {
            throw new UnreadableFile("The CSV could not be read: " + e.getCause().getMessage()
                    + ". Check for a quote (\") that is opened and never closed.", false);
        }
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    static char delimiter(String headerLine) {
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
