package exchange.workforce.support;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Return files as councils make them: CSV and Excel in the template's layout, built from the fixtures. */
public final class ReturnFiles {

    public static final List<String> HEADER = List.of("authority", "period_type", "period", "measure", "breakdown", "value");

    private ReturnFiles() {
    }

    public static List<List<String>> rows(String authority, String year, List<Map<String, Object>> figures) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> figure : figures) {
            @SuppressWarnings("unchecked") Map<String, String> breakdown = (Map<String, String>) figure.get("breakdown");
            String part = breakdown == null ? "" : breakdown.entrySet().iterator().next().getKey() + "=" + breakdown.values().iterator().next();
            rows.add(List.of(authority, "CENSUS_YEAR", year, (String) figure.get("measure"), part, String.valueOf(figure.get("value"))));
        }
        return rows;
    }

    public static byte[] csv(List<String> header, List<List<String>> rows, String separator) {
        StringBuilder text = new StringBuilder(String.join(separator, header)).append("\r\n");
        rows.forEach(row -> text.append(String.join(separator, row)).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Cells that look like numbers are written as numbers, as a person typing into Excel would get; "=…" as formulas. */
    public static byte[] xlsx(List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Return");
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    String text = all.get(r).get(c);
                    if (r > 0 && text.startsWith("=")) {
                        row.createCell(c).setCellFormula(text.substring(1));
                    } else if (r > 0 && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(text));
                    } else {
                        row.createCell(c).setCellValue(text);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
