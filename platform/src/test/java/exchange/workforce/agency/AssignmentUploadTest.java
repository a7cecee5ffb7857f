package exchange.workforce.agency;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFiles;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static exchange.workforce.support.AssignmentRows.HEADER;
import static exchange.workforce.support.AssignmentRows.overCapSignedOff;
import static exchange.workforce.support.AssignmentRows.withinCap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A council uploads its agency assignments as a spreadsheet: checked row by row by every rule, stored whole or not at all. */
@MicronautTest(transactional = false)
class AssignmentUploadTest extends PlatformTest {

    final String surrey = Tokens.authorityUser("surrey-lead", "E10000030", Role.AUTHORITY_SUBMITTER);
    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);

    @BeforeEach
    void theSouthEastCapsSocialWorkersAt45() {
        assertEquals(201, api.post("/api/v1/agency/caps", Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN),
                Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 45.00, "effectiveFrom", "2025-04-01", "source", "South East RIIA")).status());
    }

    private Api.Answer upload(String token, String name, byte[] bytes, String query, String key) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build();
        var request = HttpRequest.POST("/api/v1/agency/assignments/uploads" + query, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request);
    }

    private static byte[] csv(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(row -> text.append(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList())).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private int parseList(String body) {
        return body.replace(" ", "").equals("[]") ? 0 : body.split("\"assignmentId\"").length - 1;
    }

    @Test
    void assignmentsUploadedAsCsvAndAsExcelAreRecordedWithEveryRulesVerdict() throws Exception {
        Api.Answer answer = upload(surrey, "q3.csv", csv(HEADER, List.of(withinCap("SW900123"), overCapSignedOff("SW900124"))), "", null);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, ((Number) answer.get("newAssignments")).intValue());
        assertTrue(answer.body().contains("\"outcome\":\"NEEDS_SIGN_OFF\""), "the breach's verdict is kept: " + answer.body());
        assertTrue(answer.get("summary").toString().startsWith("Recorded 2 new assignments and 0 corrections; 1 over the cap"), answer.body());
        assertFalse(answer.body().contains("SW90012"), "never the number back");

        Api.Answer excel = upload(surrey, "q3.xlsx", ReturnFiles.xlsx(HEADER, List.of(withinCap("SW900125"))), "", null);
        assertEquals(201, excel.status(), excel.body());
        assertEquals("XLSX", excel.get("source"));
        assertEquals(3, parseList(api.get("/api/v1/agency/assignments", surrey).body()));
    }

    @Test
    void recordingTheSameSpreadsheetTwiceChangesNothingAndSaysSo() {
        byte[] file = csv(HEADER, List.of(withinCap("SW900123"), overCapSignedOff("SW900124"), withinCap("SW900125")));
        assertEquals(201, upload(surrey, "q3.csv", file, "", null).status());
        Api.Answer again = upload(surrey, "q3.csv", file, "", null);
        assertEquals(201, again.status(), again.body());
        assertEquals(0, ((Number) again.get("newAssignments")).intValue(), again.body());
        assertEquals(3, ((Number) again.get("unchanged")).intValue(), again.body());
        assertTrue(again.get("summary").toString().contains("3 rows were already recorded exactly so, and left as they were"), again.body());
        assertEquals(3, parseList(api.get("/api/v1/agency/assignments", surrey).body()), "3 workers, 3 assignments: not 6");

        List<String> changed = new java.util.ArrayList<>(withinCap("SW900123"));
        changed.set(6, "32.00");
        Api.Answer refused = upload(surrey, "q3.csv", csv(HEADER, List.of(changed)), "", null);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("ALREADY_RECORDED") && refused.body().contains("To correct it, say why in reason"), refused.body());
        assertEquals(3, parseList(api.get("/api/v1/agency/assignments", surrey).body()), "nothing stored");
    }

    @Test
    void aFileWithAnyBadRowStoresNothingAndNamesEveryProblemByRowAndColumn() {
        List<String> badDate = new ArrayList<>(withinCap("SW900126"));
        badDate.set(4, "31/02/2026");
        List<String> unsigned = new ArrayList<>(overCapSignedOff("SW900127"));
        for (int c = 15; c <= 19; c++) {
            unsigned.set(c, "");
        }
        List<String> noReason = new ArrayList<>(withinCap("SW900128"));
        noReason.set(20, "");
        List<String> notANumber = new ArrayList<>(withinCap("12345"));
        Api.Answer answer = upload(surrey, "q3.csv", csv(HEADER, List.of(withinCap("SW900123"), badDate, unsigned, noReason, notANumber)), "", null);
        assertEquals(422, answer.status(), answer.body());
        assertEquals("UPLOAD_REJECTED", answer.get("code"));
        assertTrue(answer.get("detail").toString().startsWith("4 problems, nothing was stored. The first: row 3, start_date: '31/02/2026' is not a date"),
                answer.body());
        String body = answer.body();
        assertTrue(body.contains("\"code\":\"CAP_BREACH_NOT_SIGNED_OFF\",\"field\":\"sign_off_reason\",\"row\":4"), body);
        assertTrue(body.contains("\"code\":\"REFERENCES\",\"field\":\"exception_references\",\"row\":5"), body);
        assertTrue(body.contains("\"field\":\"registration_number\",\"row\":6"), body);
        assertEquals(0, parseList(api.get("/api/v1/agency/assignments", surrey).body()), "the good first row was not stored either");
    }

    @Test
    void anUnknownColumnIsNamedWithADidYouMeanAndAMissingOneWithWhatItHolds() {
        List<String> header = new ArrayList<>(HEADER);
        header.set(header.indexOf("hourly_pay"), "houry_pay");
        Api.Answer answer = upload(surrey, "q3.csv", csv(header, List.of(withinCap("SW900123"))), "", null);
        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.body().contains("'houry_pay' is not a column of the assignment template; did you mean hourly_pay?"), answer.body());
        assertTrue(answer.body().contains("the file has no 'hourly_pay' column: Pay to the worker, pounds an hour"), answer.body());
    }

    @Test
    void aDryRunAnswersWhatWouldBeStoredAndStoresNothing() {
        Api.Answer answer = upload(surrey, "q3.csv", csv(HEADER, List.of(withinCap("SW900123"))), "?dryRun=true", null);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(Boolean.TRUE, answer.get("dryRun"));
        assertTrue(answer.get("summary").toString().startsWith("Nothing stored (dry run): the file would record 1 new assignment"), answer.body());
        assertEquals(0, parseList(api.get("/api/v1/agency/assignments", surrey).body()));
    }

    @Test
    void aRetryWithTheSameKeyAnswersWhatTheFirstMadeAndTheKeyWithOtherRowsIsRefused() {
        byte[] file = csv(HEADER, List.of(withinCap("SW900123")));
        Api.Answer first = upload(surrey, "q3.csv", file, "", "upload-2026-q3-0001");
        assertEquals(201, first.status(), first.body());
        Api.Answer retry = upload(surrey, "q3.csv", file, "", "upload-2026-q3-0001");
        assertEquals(200, retry.status(), retry.body());
        assertEquals(Boolean.TRUE, retry.get("replayed"));
        assertEquals(((Map<?, ?>) ((List<?>) first.get("rows")).get(0)).get("assignmentId"),
                ((Map<?, ?>) ((List<?>) retry.get("rows")).get(0)).get("assignmentId"));
        Api.Answer other = upload(surrey, "q3.csv", csv(HEADER, List.of(withinCap("SW900124"))), "", "upload-2026-q3-0001");
        assertEquals(422, other.status(), other.body());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.get("code"));
        assertEquals(1, parseList(api.get("/api/v1/agency/assignments", surrey).body()));
        assertEquals(201, upload(kent, "q3.csv", csv(HEADER, List.of(withinCap("SW900129"))), "", "upload-2026-q3-0001").status(),
                "a key is the council's own: another council's same key is another upload");
    }

    @Test
    void aRowWithAnAssignmentIdCorrectsItAndAnotherCouncilCannotCorrectItByFile() {
        Api.Answer first = upload(surrey, "q3.csv", csv(HEADER, List.of(withinCap("SW900123"))), "", null);
        String id = ((Map<?, ?>) ((List<?>) first.get("rows")).get(0)).get("assignmentId").toString();
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(List.of("assignment_id", "reason", "actual_end_date"));
        List<String> ended = new ArrayList<>(withinCap("SW900123"));
        ended.addAll(List.of(id, "", "2026-10-30"));
        Api.Answer noReason = upload(surrey, "fix.csv", csv(header, List.of(ended)), "", null);
        assertEquals(422, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("\"field\":\"reason\",\"row\":2"), noReason.body());

        ended.set(HEADER.size() + 1, "Ended early by agreement");
        Api.Answer kents = upload(kent, "fix.csv", csv(header, List.of(ended)), "", null);
        assertEquals(422, kents.status(), kents.body());
        assertTrue(kents.body().contains("there is no assignment " + id + " of your council"), kents.body());
        assertEquals(1, parseList(api.get("/api/v1/agency/assignments/" + id, surrey).body()), "Kent's file changed nothing of Surrey's");

        Api.Answer corrected = upload(surrey, "fix.csv", csv(header, List.of(ended)), "", null);
        assertEquals(201, corrected.status(), corrected.body());
        assertEquals(1, ((Number) corrected.get("corrections")).intValue());
        String versions = api.get("/api/v1/agency/assignments/" + id, surrey).body();
        assertEquals(2, parseList(versions));
        assertTrue(versions.contains("\"actualEndDate\":\"2026-10-30\"") && versions.contains("\"reason\":\"Ended early by agreement\""), versions);
    }

    @Test
    void theExcelTemplateFilledInAsItComesIsAccepted() throws Exception {
        Api.Answer csvTemplate = api.get("/api/v1/agency/templates/assignments.csv", surrey);
        assertEquals(200, csvTemplate.status());
        assertTrue(csvTemplate.body().contains("assignment_id,reason,registration_number,council_reference,role_type,"), csvTemplate.body());
        byte[] template = http.toBlocking().exchange(HttpRequest.GET("/api/v1/agency/templates/assignments.xlsx").bearerAuth(surrey), byte[].class)
                .body();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertEquals("Guidance", book.getSheetAt(1).getSheetName());
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            Row row = sheet.createRow(1);
            List<String> values = withinCap("SW900123");
            for (int c = 0; c < header.getLastCellNum(); c++) {
                int at = HEADER.indexOf(header.getCell(c).getStringCellValue());
                if (at >= 0) {
                    row.createCell(c).setCellValue(values.get(at));
                }
            }
            book.write(out);
            filled = out.toByteArray();
        }
        Api.Answer answer = upload(surrey, "agency-assignments.xlsx", filled, "", null);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(404, api.get("/api/v1/agency/templates/assignments.pdf", surrey).status());
    }

    @Test
    void malformedOversizedAndUnauthorisedUploadsGetAClearErrorAndStoreNothing() {
        Api.Answer noFile = api.send(HttpRequest.POST("/api/v1/agency/assignments/uploads", MultipartBody.builder()
                .addPart("other", "x").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(surrey));
        assertTrue(noFile.status() >= 400 && noFile.status() < 500, noFile.status() + " " + noFile.body());
        Api.Answer empty = upload(surrey, "q3.csv", new byte[0], "", null);
        assertTrue(empty.status() >= 400 && empty.status() < 500, empty.body());
        Api.Answer headerOnly = upload(surrey, "q3.csv", csv(HEADER, List.of()), "", null);
        assertEquals(422, headerOnly.status(), headerOnly.body());
        assertTrue(headerOnly.body().contains("the file has a header but no assignments"), headerOnly.body());
        Api.Answer document = upload(surrey, "q3.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8), "", null);
        assertEquals(415, document.status(), document.body());
        assertTrue(document.body().contains("GET /api/v1/agency/templates/assignments.csv"), "the template is named: " + document.body());
        List<List<String>> many = new ArrayList<>();
        for (int i = 0; i < AssignmentUploads.MAX_ROWS + 1; i++) {
            many.add(withinCap("SW9" + String.format("%05d", i)));
        }
        assertEquals(413, upload(surrey, "q3.csv", csv(HEADER, many), "", null).status(), "beyond 2,000 rows");
        String viewer = Tokens.authorityUser("surrey-viewer", "E10000030", Role.AUTHORITY_VIEWER);
        assertEquals(403, upload(viewer, "q3.csv", csv(HEADER, List.of(withinCap("SW900123"))), "", null).status(), "a viewer cannot record");
        Api.Answer badKey = upload(surrey, "q3.csv", csv(HEADER, List.of(withinCap("SW900123"))), "", "short");
        assertEquals(422, badKey.status(), badKey.body());
        assertEquals(0, parseList(api.get("/api/v1/agency/assignments", surrey).body()), "nothing stored by any of them");
    }
}
