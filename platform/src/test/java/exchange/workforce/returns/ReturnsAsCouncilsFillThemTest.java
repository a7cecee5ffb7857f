package exchange.workforce.returns;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static exchange.workforce.support.ReturnFixtures.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Returns as council officers fill them in: the template with only some figures typed (the rest left blank, "not
 * supplied", stored as nothing and named in one warning); a return of nothing but blanks; a correction that leaves out a
 * figure the version before gave (accepted, and the figure is named).
 */
@MicronautTest(transactional = false)
class ReturnsAsCouncilsFillThemTest extends PlatformTest {

    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);

    private Api.Answer upload(String csv, String query) {
        MultipartBody body = MultipartBody.builder().addPart("file", "return.csv", MediaType.TEXT_PLAIN_TYPE,
                csv.getBytes(StandardCharsets.UTF_8)).build();
        return api.send(HttpRequest.POST("/api/v1/returns/uploads" + query, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(kent));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Api.Answer answer, String field) {
        return (List<Map<String, Object>>) answer.get(field);
    }

    @Test
    void theTemplateWithOnlyItsTotalsTypedInIsAcceptedAndTheBlanksAreNamedNotStored() {
        String template = api.get("/api/v1/returns/templates/CENSUS_YEAR.csv?period=2024", kent).body();
        Map<String, String> typed = Map.of("inpost_fte", "450.5", "inpost_headcount", "480", "leavers_fte", "60", "agency_fte", "90");
        String filled = template.lines().map(line -> {
            String[] cells = line.split(",", -1);
            return cells.length == 6 && cells[4].isEmpty() && typed.containsKey(cells[3]) ? line + typed.get(cells[3]) : line;
        }).collect(Collectors.joining("\r\n", "", "\r\n"));
        long blanks = template.lines().count() - 1 - typed.size();

        Api.Answer answer = upload(filled, "?dryRun=true");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(typed.size(), list(answer, "values").size(), "only what was typed is a figure");
        Map<String, Object> warning = list(answer, "warnings").stream().filter(w -> "NOT_SUPPLIED".equals(w.get("code"))).findFirst().orElseThrow();
        String message = warning.get("message").toString();
        assertTrue(message.startsWith(blanks + " figures were left blank and so not supplied: nothing is stored for them (never 0)."), message);
        assertTrue(message.contains("starters_fte") && message.contains("and " + (blanks - 20) + " more"), message);
        assertFalse(answer.body().contains("the value is empty"), "a blank is not an error");

        assertEquals(201, upload(filled, "").status());
        Api.Answer stored = api.get("/api/v1/returns/CENSUS_YEAR/2024", kent);
        assertFalse(stored.body().contains("\"starters_fte\""), "nothing is stored for a blank: " + stored.body());
    }

    @Test
    void aReturnOfNothingButBlanksIsEmpty() {
        String template = api.get("/api/v1/returns/templates/CENSUS_YEAR.csv?period=2024", kent).body();
        Api.Answer answer = upload(template, "?dryRun=true");
        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"code\":\"EMPTY_RETURN\"") && answer.body().contains("Every value in the return is blank"), answer.body());
        Map<String, Object> viaApi = new HashMap<>(ReturnFixtures.censusReturn("2024", List.of(figure("inpost_fte", null))));
        Api.Answer json = api.post("/api/v1/returns?dryRun=true", kent, viaApi);
        assertEquals(422, json.status(), "a null value by API is a blank too: " + json.body());
    }

    @Test
    void aCorrectionThatLeavesOutAFigureIsAcceptedAndSaysWhichFigureTheNewVersionLacks() {
        List<Map<String, Object>> first = new ArrayList<>(ReturnFixtures.kentFigures());
        first.add(figure("applications", 420));
        assertEquals(201, api.post("/api/v1/returns", kent, ReturnFixtures.censusReturn("2024", first)).status());
        Map<String, Object> correction = new HashMap<>(ReturnFixtures.censusReturn("2024", ReturnFixtures.kentFigures()));
        correction.put("reason", "Recounted leavers");
        Api.Answer answer = api.post("/api/v1/returns", kent, correction);
        assertEquals(201, answer.status(), answer.body());
        Map<String, Object> warning = list(answer, "warnings").stream().filter(w -> "DROPPED_IN_CORRECTION".equals(w.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no warning of the dropped figure: " + answer.body()));
        assertEquals("This correction leaves out 1 figure that version 1 gives, so version 2 will not have it: applications 420. If they "
                + "still hold, include them; version 1 keeps them either way.", warning.get("message"));
        Map<String, Object> same = new HashMap<>(ReturnFixtures.censusReturn("2024", ReturnFixtures.kentFigures()));
        same.put("reason", "Nothing left out this time");
        Api.Answer again = api.post("/api/v1/returns", kent, same);
        assertFalse(again.body().contains("DROPPED_IN_CORRECTION"), "nothing dropped, no warning: " + again.body());
    }

    /** The catalogue is data: marking a measure required there (no Java change) turns its blank into an error. */
    @Test
    void aBlankOfAMeasureTheCatalogueMarksRequiredIsAnErrorNotAGap() {
        String committed = new String(exchange.workforce.measures.MeasureCatalogue.committed(), StandardCharsets.UTF_8);
        String required = committed.replace("\"code\": \"inpost_headcount\",", "\"code\": \"inpost_headcount\",\n      \"required\": true,");
        assertFalse(required.equals(committed), "the fixture marks inpost_headcount required");
        var catalogue = new exchange.workforce.measures.MeasureCatalogue(json, required.getBytes(StandardCharsets.UTF_8));
        List<ReturnLine> lines = List.of(new ReturnLine(2, "inpost_fte", new java.util.TreeMap<>(), "450.5"),
                new ReturnLine(3, "inpost_headcount", new java.util.TreeMap<>(), ""), new ReturnLine(4, "applications", new java.util.TreeMap<>(), " "));
        ReturnRules.Outcome outcome = ReturnRules.check(lines, catalogue, Map.of());
        assertEquals(List.of("REQUIRED_FIGURE_BLANK"), outcome.errors().stream().map(e -> e.code()).toList());
        assertEquals(3, outcome.errors().get(0).row());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.code().equals("NOT_SUPPLIED") && w.message().endsWith(" applications.")),
                outcome.warnings().toString());
        ReturnRules.Outcome asCommitted = ReturnRules.check(lines, new exchange.workforce.measures.MeasureCatalogue(json,
                committed.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertEquals(List.of(), asCommitted.errors(), "in the committed catalogue nothing is required: both blanks are gaps");
    }

    @Test
    void theExcelTemplateSaysWhatEachMeasureIsLocksAllButTheValuesAndFilledInPartlyIsAccepted() throws Exception {
        byte[] template = http.toBlocking().exchange(HttpRequest.GET("/api/v1/returns/templates/CENSUS_YEAR.xlsx?period=2024").bearerAuth(kent),
                byte[].class).body();
        byte[] filled;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template));
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.getSheet("Return");
            assertTrue(sheet.getProtect(), "only the values can be typed in");
            assertEquals("Guidance", book.getSheetAt(1).getSheetName());
            var header = sheet.getRow(0);
            assertEquals(List.of("authority", "period_type", "period", "measure", "breakdown", "value", "label", "unit", "definition", "allowed"),
                    java.util.stream.IntStream.range(0, header.getLastCellNum()).mapToObj(c -> header.getCell(c).getStringCellValue()).toList());
            var first = sheet.getRow(1);
            assertEquals("E10000016", first.getCell(0).getStringCellValue());
            assertTrue(first.getCell(0).getCellStyle().getLocked(), "the authority is the platform's");
            assertFalse(first.getCell(5).getCellStyle().getLocked(), "the value is the council's");
            assertEquals(org.apache.poi.ss.usermodel.CellType.BLANK, first.getCell(5).getCellType(), "a true blank, not an empty string");
            assertEquals("Children and family social workers in post", first.getCell(6).getStringCellValue());
            assertEquals(1, sheet.getDataValidations().size(), "the value column takes a number, x or z");
            first.getCell(5).setCellValue(450.5);
            book.write(out);
            filled = out.toByteArray();
        }
        MultipartBody body = MultipartBody.builder().addPart("file", "kent-2024.xlsx", MediaType.APPLICATION_OCTET_STREAM_TYPE, filled).build();
        Api.Answer answer = api.send(HttpRequest.POST("/api/v1/returns/uploads?dryRun=true", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(kent));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, list(answer, "values").size());
        assertTrue(answer.body().contains("\"code\":\"NOT_SUPPLIED\""), answer.body());
    }
}
