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

/** Templates generated from the catalogue: every measure a council types in, and every breakdown, one row each. */
@Controller("/api/v1/returns/templates")
@Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "PLANNER"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Returns")
public class TemplateController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Callers callers;
    private final MeasureCatalogue catalogue;
    private final List<TemplatePrefill> prefills;

    public TemplateController(Callers callers, MeasureCatalogue catalogue, List<TemplatePrefill> prefills) {
        this.callers = callers;
        this.catalogue = catalogue;
        this.prefills = prefills;
    }

    @Get("/{file}")
    @Operation(summary = "A template to fill in: /templates/CENSUS_YEAR.csv, /templates/MONTH.xlsx, ... (?period= prefills the period)",
            description = "With ?period=, the period is filled in, and so are the figures the platform already holds for your council "
                    + "in that period: the agency measures counted from your assignment register. Check them before submitting.")
    public HttpResponse<byte[]> template(Authentication authentication, @PathVariable String file, @QueryValue @Nullable String period) {
        Caller caller = callers.authorityUser(authentication);
        String[] parts = file.split("\\.", 2);
        String type = parts[0].toUpperCase(Locale.ROOT);
        String format = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "";
        if (!List.of("MONTH", "QUARTER", "CENSUS_YEAR").contains(type) || !List.of("csv", "xlsx").contains(format)) {
            throw ApiProblem.notFound("There is no template '" + file + "'. Ask for MONTH, QUARTER or CENSUS_YEAR, as .csv or .xlsx, "
                    + "e.g. /api/v1/returns/templates/CENSUS_YEAR.csv.");
        }
        String label = period == null ? "" : period.trim().toUpperCase(Locale.ROOT);
        java.util.Map<String, String> known = new java.util.HashMap<>();
        Period.parse(type, label).ifPresent(p -> prefills.forEach(prefill -> known.putAll(prefill.figures(caller, p))));
        List<List<String>> rows = rows(caller.authorityCode().orElseThrow(), type, label, known);
        String name = "workforce-return-" + type.toLowerCase(Locale.ROOT) + "." + format;
        byte[] body = format.equals("csv") ? csv(rows) : xlsx(rows);
        return HttpResponse.ok(body).contentType(format.equals("csv") ? "text/csv; charset=utf-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private List<List<String>> rows(String authority, String type, String period, java.util.Map<String, String> known) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(ReturnFile.COLUMNS);
        for (MeasureCatalogue.Measure measure : catalogue.measures()) {
            if (!measure.submitted()) {
                continue;
            }
            rows.add(List.of(authority, type, period, measure.code(), "", known.getOrDefault(measure.code() + "|", "")));
            for (String dimension : measure.breakdowns()) {
                catalogue.dimension(dimension).ifPresent(d -> d.values().forEach(value -> rows.add(List.of(authority, type, period,
                        measure.code(), dimension + "=" + value, known.getOrDefault(measure.code() + "|" + dimension + "=" + value, "")))));
            }
        }
        return rows;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder("\uFEFF");
        rows.forEach(row -> text.append(SafeCsv.line(row.stream().map(SafeCsv::cell).toList())));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Return");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
