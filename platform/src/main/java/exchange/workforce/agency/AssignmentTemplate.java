package exchange.workforce.agency;

import exchange.workforce.adapters.tabular.SafeCsv;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The template for uploading assignments, made from {@link AssignmentFile#COLUMNS} so the two cannot differ: as CSV the
 * header alone; as Excel the header on the first sheet (role type and project flag offered as lists) and a guidance sheet
 * saying what each column holds, which are needed, and how an upload is checked.
 */
final class AssignmentTemplate {

    private static final List<String> HOW = List.of(
            "One row per assignment. Leave assignment_id blank to record a new assignment; give an assignment's id (from the register) "
                    + "with a reason to correct it: the correction is a new version, the earlier one stays.",
            "Every rule is checked for every row, as the pre-engagement check does. A cost over your region's cap needs both sign-offs "
                    + "(director_name, director_signed_on, chief_executive_name, chief_executive_signed_on, sign_off_reason); any other rule "
                    + "not met needs its reason in the exception_ column for that rule.",
            "The file is stored whole or not at all: if any row has a problem, nothing is stored and every problem is named by row and column.",
            "Tick 'dry run' (or add ?dryRun=true) to see what would be stored without storing it.",
            "The registration number is read to check cooling-off and references and replaced by a keyed pseudonym; it is kept only "
                    + "sealed under your council's own key, for your own DfE quarterly return, and never shown anywhere else.");

    private AssignmentTemplate() {
    }

    static byte[] csv() {
        return ("\uFEFF" + SafeCsv.line(AssignmentFile.COLUMNS.stream().map(Spreadsheet.Column::name).map(SafeCsv::cell).toList()))
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet assignments = book.createSheet("Assignments");
            Row header = assignments.createRow(0);
            List<Spreadsheet.Column> columns = AssignmentFile.COLUMNS;
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).name());
                header.getCell(c).setCellStyle(bold);
                assignments.setColumnWidth(c, Math.max(14, columns.get(c).name().length() + 2) * 256);
            }
            assignments.createFreezePane(0, 1);
            DataValidationHelper validations = assignments.getDataValidationHelper();
            offer(assignments, validations, columns, "role_type", Arrays.stream(RoleType.values()).map(Enum::name).toArray(String[]::new));
            offer(assignments, validations, columns, "project_team", new String[] {"Y", "N"});

            Sheet guidance = book.createSheet("Guidance");
            int r = 0;
            Row title = guidance.createRow(r++);
            title.createCell(0).setCellValue("Agency assignments: how to fill in this template");
            title.getCell(0).setCellStyle(bold);
            for (String line : HOW) {
                guidance.createRow(r++).createCell(0).setCellValue(line);
            }
            r++;
            Row heads = guidance.createRow(r++);
            List<String> titles = List.of("column", "needed", "what it holds", "example");
            for (int c = 0; c < titles.size(); c++) {
                heads.createCell(c).setCellValue(titles.get(c));
                heads.getCell(c).setCellStyle(bold);
            }
            for (Spreadsheet.Column column : columns) {
                Row row = guidance.createRow(r++);
                row.createCell(0).setCellValue(column.name());
                row.createCell(1).setCellValue(column.required() ? "yes" : "when it applies");
                row.createCell(2).setCellValue(column.holds());
                if (!column.example().isEmpty()) {
                    row.createCell(3).setCellValue(column.example());
                }
            }
            guidance.setColumnWidth(0, 30 * 256);
            guidance.setColumnWidth(1, 16 * 256);
            guidance.setColumnWidth(2, 100 * 256);
            guidance.setColumnWidth(3, 28 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void offer(Sheet sheet, DataValidationHelper helper, List<Spreadsheet.Column> columns, String name, String[] values) {
        int c = columns.stream().map(Spreadsheet.Column::name).toList().indexOf(name);
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, AssignmentUploads.MAX_ROWS, c, c));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Not a value this column takes", name + ": one of " + String.join(", ", values));
        sheet.addValidationData(validation);
    }
}
