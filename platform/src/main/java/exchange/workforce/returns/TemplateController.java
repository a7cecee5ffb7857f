package exchange.workforce.returns;

import exchange.workforce.adapters.tabular.SafeCsv;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Templates generated from the catalogue: every measure a council types in, and every breakdown, one row each. The CSV is
 * the machine layout; the Excel template adds what each measure is, a guidance sheet, and locks all but the values.
 */
@Controller("/api/v1/returns/templates")
@Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "PLANNER"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Returns")
@exchange.workforce.problem.ProblemResponses
public class TemplateController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Callers callers;
    private final MeasureCatalogue catalogue;
    private final List<TemplatePrefill> prefills;
    private final ReturnQuestions questions;

    public TemplateController(Callers callers, MeasureCatalogue catalogue, List<TemplatePrefill> prefills, ReturnQuestions questions) {
        this.callers = callers;
        this.questions = questions;
        this.catalogue = catalogue;
        this.prefills = prefills;
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The template as CSV",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(value = "/{periodType}.csv", produces = "text/csv")
    @Operation(operationId = "returnTemplatesCsv", summary = "A template to fill in, as CSV: /templates/CENSUS_YEAR.csv (?period= prefills the period)",
            description = "With ?period=, the period is filled in, and so are the figures the platform already holds for your council "
                    + "in that period: the agency measures counted from your assignment register. Check them before submitting.")
    public HttpResponse<byte[]> csvTemplate(Authentication authentication,
                                            @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class))
                                            @PathVariable String periodType, @QueryValue @Nullable String period) {
        return template(authentication, periodType, "csv", period);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The template as an Excel workbook, with each measure's guidance",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Get(value = "/{periodType}.xlsx", produces = XLSX)
    @Operation(operationId = "returnTemplatesWorkbook", summary = "A template to fill in, as an Excel workbook: /templates/CENSUS_YEAR.xlsx (?period= prefills the period)",
            description = "As the CSV template, with what each measure is, a guidance sheet, and every cell but the values locked.")
    public HttpResponse<byte[]> workbookTemplate(Authentication authentication,
                                                 @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class))
                                                 @PathVariable String periodType, @QueryValue @Nullable String period) {
        return template(authentication, periodType, "xlsx", period);
    }

    private HttpResponse<byte[]> template(Authentication authentication, String periodType, String format, @Nullable String period) {
        Caller caller = callers.authorityUser(authentication);
        String type = periodType.toUpperCase(Locale.ROOT);
        if (PeriodType.of(type).isEmpty()) {
            throw ApiProblem.notFound("There is no template '" + periodType + "." + format + "'. Ask for MONTH, QUARTER or CENSUS_YEAR, as .csv or "
                    + ".xlsx, e.g. /api/v1/returns/templates/CENSUS_YEAR.csv.");
        }
        String label = period == null ? "" : period.trim().toUpperCase(Locale.ROOT);
        java.util.Map<String, String> known = new java.util.HashMap<>();
        Period.parse(type, label).ifPresent(p -> prefills.forEach(prefill -> known.putAll(prefill.figures(caller, p))));
        List<List<String>> rows = rows(caller, type, label, known);
        String name = "workforce-return-" + type.toLowerCase(Locale.ROOT) + "." + format;
        byte[] body = format.equals("csv") ? csv(rows) : xlsx(rows, type, label);
        return HttpResponse.ok(body).contentType(format.equals("csv") ? "text/csv; charset=utf-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    /** One row per figure a return asks for ({@link ReturnQuestions}), with what the platform already holds filled in. */
    private List<List<String>> rows(Caller caller, String type, String period, java.util.Map<String, String> known) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(ReturnFile.COLUMNS);
        String authority = caller.authorityCode().orElseThrow();
        for (ReturnQuestions.Question question : questions.all(caller, known.keySet())) {
            rows.add(List.of(authority, type, period, question.measure(), question.breakdown(), known.getOrDefault(question.key(), "")));
        }
        return rows;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder("\uFEFF");
        rows.forEach(row -> text.append(SafeCsv.line(row.stream().map(SafeCsv::cell).toList())));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The Excel template: the rows to fill in, each with the measure's label, unit, definition and what it allows beside
     * it; only the value column can be typed in (the sheet is protected, so the authority, period and measure stay as
     * the platform wrote them), and the value column takes a number, x or z; blank cells are true blanks ("not
     * supplied"). A guidance sheet says how to fill it in.
     */
    private byte[] xlsx(List<List<String>> rows, String type, String period) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Return");
            org.apache.poi.ss.usermodel.CellStyle open = workbook.createCellStyle();
            open.setLocked(false);
            org.apache.poi.ss.usermodel.CellStyle bold = workbook.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> header = new ArrayList<>(rows.get(0));
            header.addAll(ReturnFile.FOR_READING);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
                head.getCell(c).setCellStyle(bold);
            }
            int valueColumn = rows.get(0).indexOf("value");
            for (int r = 1; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
                (row.getCell(valueColumn) == null ? row.createCell(valueColumn, org.apache.poi.ss.usermodel.CellType.BLANK) : row.getCell(valueColumn))
                        .setCellStyle(open);
                if (period.isEmpty()) { // no period asked for: the person types it, so its cells stay open
                    row.createCell(2, org.apache.poi.ss.usermodel.CellType.BLANK).setCellStyle(open);
                }
                MeasureCatalogue.Measure measure = catalogue.measure(cells.get(3)).orElseThrow();
                List<String> about = List.of(measure.label(), measure.unit(), measure.definition(), "a number (" + measure.unit() + "), x if "
                        + "unavailable, z if it does not apply; blank if not supplied" + (measure.mustBeGiven() ? " (not allowed: required)" : ""));
                for (int i = 0; i < about.size(); i++) {
                    row.createCell(cells.size() + i).setCellValue(about.get(i));
                }
            }
            var helper = sheet.getDataValidationHelper();
            String cell = org.apache.poi.ss.util.CellReference.convertNumToColString(valueColumn) + "2";
            var validation = helper.createValidation(helper.createCustomConstraint("OR(ISNUMBER(" + cell + "),LOWER(" + cell + ")=\"x\",LOWER("
                    + cell + ")=\"z\")"), new org.apache.poi.ss.util.CellRangeAddressList(1, Math.max(1, rows.size() - 1), valueColumn, valueColumn));
            validation.setShowErrorBox(true);
            validation.createErrorBox("Not a figure", "Type a number (no formula), x if it is unavailable, or z if it does not apply. "
                    + "Leave it blank if you are not supplying it.");
            sheet.addValidationData(validation);
            sheet.createFreezePane(0, 1);
            int[] widths = {12, 12, 10, 28, 34, 12, 40, 10, 80, 50};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.protectSheet("");
            guidance(workbook.createSheet("Guidance"), bold, type, period);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void guidance(Sheet sheet, org.apache.poi.ss.usermodel.CellStyle bold, String type, String period) {
        List<String> lines = List.of(
                "How to fill in this return (" + type.toLowerCase(Locale.ROOT).replace('_', ' ') + (period.isEmpty() ? "" : " " + period) + ")",
                "Type each figure in the value column of the Return sheet; the other columns are the platform's and are locked.",
                "A row with a breakdown (for example leaving_reason=RESIGNATION) is part of the total above it: the parts must add up to it.",
                "Leavers by exit-interview theme use your memorandum's list of themes (the Memorandum page shows it); figures by team can be "
                        + "given by office too (office=YOUR_OFFICE_CODE, in the CSV) and stay inside your council unless it shares them.",
                "Symbols: x if the figure is unavailable, z if it does not apply to your council. A missing figure is never 0.",
                "Leave a value blank if you are not supplying it: nothing is stored for it, and the check names every blank.",
                "Rates (turnover, vacancy, agency) are worked out by the platform from their parts: they are not in the template.",
                "Upload the file at /returns/upload (or POST /api/v1/returns/uploads). Check it first: nothing is stored until you submit.",
                "Deadlines: your region's administrator sets each period's due date; the Returns page shows it and who has submitted.",
                "Questions: your region's memorandum administrator (their contacts are on the Memorandum page).");
        for (int r = 0; r < lines.size(); r++) {
            sheet.createRow(r).createCell(0).setCellValue(lines.get(r));
        }
        sheet.getRow(0).getCell(0).setCellStyle(bold);
        sheet.setColumnWidth(0, 120 * 256);
    }
}
