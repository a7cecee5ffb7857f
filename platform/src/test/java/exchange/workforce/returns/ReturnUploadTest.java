package exchange.workforce.returns;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFiles;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ReturnUploadTest extends PlatformTest {

    static final String KENT = "E10000016";
    final String kent = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);

    private Api.Answer upload(String name, byte[] bytes) {
        return upload(name, bytes, "");
    }

    private Api.Answer upload(String name, byte[] bytes, String query) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build();
        return api.send(HttpRequest.POST("/api/v1/returns/uploads" + query, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(kent));
    }

    private void nothingStored() {
        assertEquals("[]", api.get("/api/v1/returns", kent).body());
    }

    private List<?> storedValues(String year) {
        return (List<?>) api.get("/api/v1/returns/CENSUS_YEAR/" + year, kent).get("values");
    }

    @Test
    void theSameFiguresAsJsonCsvAndExcelStoreIdenticalValues() throws Exception {
        assertEquals(201, api.post("/api/v1/returns", kent, censusReturn("2022", kentFigures())).status());
        Api.Answer csv = upload("kent-2023.csv", ReturnFiles.csv(ReturnFiles.HEADER, ReturnFiles.rows(KENT, "2023", kentFigures()), ","));
        assertEquals(201, csv.status(), csv.body());
        Api.Answer xlsx = upload("kent-2024.xlsx", ReturnFiles.xlsx(ReturnFiles.HEADER, ReturnFiles.rows(KENT, "2024", kentFigures())));
        assertEquals(201, xlsx.status(), xlsx.body());
        assertEquals(storedValues("2022"), storedValues("2023"));
        assertEquals(storedValues("2022"), storedValues("2024"));
        assertEquals(List.of("API", "CSV", "XLSX"), List.of("2022", "2023", "2024").stream()
                .map(y -> ((Map<?, ?>) api.get("/api/v1/returns/CENSUS_YEAR/" + y, kent).get("version")).get("source")).toList());
    }

    @Test
    void aCsvSavedByExcelWithSemicolonsByteOrderMarkAndWindows1252IsRead() {
        byte[] semicolons = ReturnFiles.csv(ReturnFiles.HEADER, ReturnFiles.rows(KENT, "2024", kentFigures()), ";");
        String text = "\uFEFF" + new String(semicolons, StandardCharsets.UTF_8);
        Api.Answer withBom = upload("return.csv", text.getBytes(StandardCharsets.UTF_8), "?dryRun=true");
        assertEquals(200, withBom.status(), withBom.body());
        // Excel's "CSV" is Windows-1252; a number formatted with a trailing non-breaking space is byte 0xA0 there
        String ansiText = new String(semicolons, StandardCharsets.UTF_8).replace(";450.5\r\n", ";450.5\u00A0\r\n");
        byte[] windows1252 = ansiText.getBytes(Charset.forName("windows-1252"));
        assertFalse(new String(windows1252, StandardCharsets.UTF_8).equals(ansiText), "not valid UTF-8");
        Api.Answer ansi = upload("return.csv", windows1252, "?dryRun=true");
        assertEquals(200, ansi.status(), ansi.body());
        nothingStored();
    }

    @Test
    void anUnknownColumnIsNamedWithADidYouMean() {
        List<String> header = List.of("authority", "period_type", "period", "mesure", "breakdown", "value");
        Api.Answer answer = upload("return.csv", ReturnFiles.csv(header, ReturnFiles.rows(KENT, "2024", kentFigures()), ","));
        assertEquals(422, answer.status());
        List<?> errors = (List<?>) answer.get("errors");
        assertTrue(answer.body().contains("\"code\":\"UNKNOWN_COLUMN\"") && answer.body().contains("did you mean measure?"), answer.body());
        assertTrue(answer.body().contains("\"code\":\"MISSING_COLUMN\""));
        assertEquals(2, errors.size());
        nothingStored();
    }

    @Test
    void aFileMayNameItsAuthorityByDfesNumberButNotByAnothersNumber() {
        List<List<String>> rows = ReturnFiles.rows("886", "2024", kentFigures());
        Api.Answer answer = upload("return.csv", ReturnFiles.csv(ReturnFiles.HEADER, rows, ","), "?dryRun=true");
        assertEquals(200, answer.status(), answer.body());
        rows.set(2, List.of("887", "CENSUS_YEAR", "2024", "leavers_headcount", "", "63"));
        Api.Answer medway = upload("return.csv", ReturnFiles.csv(ReturnFiles.HEADER, rows, ","), "?dryRun=true");
        assertEquals(422, medway.status(), medway.body());
        assertTrue(medway.body().contains("or DfE's number for it, 886"), medway.body());
    }

    @Test
    void aFileWithAnotherAuthorityOnARowIsRefusedAtThatRow() {
        List<List<String>> rows = ReturnFiles.rows(KENT, "2024", kentFigures());
        rows.set(3, List.of("E10000030", "CENSUS_YEAR", "2024", "leavers_headcount", "", "63"));
        Api.Answer answer = upload("return.csv", ReturnFiles.csv(ReturnFiles.HEADER, rows, ","));
        assertEquals(422, answer.status());
        Map<?, ?> error = (Map<?, ?>) ((List<?>) answer.get("errors")).get(0);
        assertEquals("AUTHORITY_NOT_YOURS", error.get("code"));
        assertEquals(5, error.get("row"), "line 5 of the file: the header is line 1");
        nothingStored();
    }

    @Test
    void twoPeriodsInOneFileAreRefused() {
        List<List<String>> rows = ReturnFiles.rows(KENT, "2024", kentFigures());
        rows.addAll(ReturnFiles.rows(KENT, "2023", List.of(kentFigures().get(0))));
        Api.Answer answer = upload("return.csv", ReturnFiles.csv(ReturnFiles.HEADER, rows, ","));
        assertTrue(answer.body().contains("MIXED_PERIODS"), answer.body());
        nothingStored();
    }

    @Test
    void aFormulaInAnExcelCellIsRefusedAtItsRowNotEvaluated() throws Exception {
        List<List<String>> rows = ReturnFiles.rows(KENT, "2024", kentFigures());
        rows.set(0, List.of(KENT, "CENSUS_YEAR", "2024", "inpost_fte", "", "=400+50.5"));
        Api.Answer answer = upload("return.xlsx", ReturnFiles.xlsx(ReturnFiles.HEADER, rows));
        assertEquals(422, answer.status(), answer.body());
        Map<?, ?> error = (Map<?, ?>) ((List<?>) answer.get("errors")).get(0);
        assertEquals("NOT_A_NUMBER", error.get("code"));
        assertEquals(2, error.get("row"));
        assertTrue(error.get("message").toString().contains("formula"));
        nothingStored();
    }

    @Test
    void hostileAndBrokenFilesGetAClear4xxAndStoreNothing() throws Exception {
        assertProblem(upload("return.csv", new byte[0]), 400, "UNREADABLE_FILE");
        assertProblem(upload("return.csv", new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0}), 400, "UNREADABLE_FILE");
        assertProblem(upload("return.pdf", "%PDF-1.7".getBytes()), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(upload("return.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(upload("return.xlsx", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1)), 400, "UNREADABLE_FILE");
        assertProblem(upload("return.csv", "authority,period_type,period,measure,breakdown,value\n\"unterminated,1\n".getBytes()), 400, "UNREADABLE_FILE");

        StringBuilder many = new StringBuilder("period_type,period,measure,value\n");
        for (int i = 0; i <= ReturnUploads.MAX_ROWS; i++) {
            many.append("CENSUS_YEAR,2024,inpost_fte,1\n");
        }
        assertProblem(upload("return.csv", many.toString().getBytes()), 413, "PAYLOAD_TOO_LARGE");
        assertEquals(413, upload("return.csv", new byte[11 * 1024 * 1024]).status());
        assertProblem(upload("bomb.xlsx", zipBomb()), 413, "PAYLOAD_TOO_LARGE");

        Api.Answer entity = upload("entity.xlsx", withExternalEntity(ReturnFiles.xlsx(ReturnFiles.HEADER,
                ReturnFiles.rows(KENT, "2024", kentFigures()))));
        assertTrue(entity.status() >= 400 && entity.status() < 500, entity.status() + " " + entity.body());
        assertFalse(entity.body().contains("root:"), "no file content leaks");
        nothingStored();
    }

    @Test
    void theTemplateRoundTripsFilledWithSymbols() {
        Api.Answer template = api.get("/api/v1/returns/templates/CENSUS_YEAR.csv?period=2024", kent);
        assertEquals(200, template.status());
        assertTrue(template.body().contains("E10000016,CENSUS_YEAR,2024,leavers_fte,leaving_reason=RESIGNATION,"));
        assertFalse(template.body().contains("turnover_rate_fte"), "rates are derived, never typed in");
        assertTrue(template.body().contains("E10000016,CENSUS_YEAR,2024,agency_assignments,,\r\n"),
                "Kent keeps no agency register here: nothing pre-filled, never a 0 that is not its figure");
        String filled = template.body().lines().map(line -> line.startsWith("\uFEFFauthority") ? line : line + "x")
                .reduce("", (a, b) -> a + b + "\r\n");
        Api.Answer accepted = upload("filled.csv", filled.getBytes(StandardCharsets.UTF_8), "?dryRun=true");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(200, api.get("/api/v1/returns/templates/MONTH.xlsx", kent).status());
        assertEquals(404, api.get("/api/v1/returns/templates/WEEK.csv", kent).status());
    }

    @Test
    void everyReinterpretationOfAFileIsListedInTheCheckReport() {
        String csv = "authority,period_type,period,measure,breakdown,value\n"
                + KENT + ",CENSUS_YEAR,2024,INPOST_FTE,,\"1,000\"\n"
                + KENT + ",CENSUS_YEAR,2024,inpost_headcount,,1200\n"
                + KENT + ",CENSUS_YEAR,2024,leavers_headcount,leaving_reason=resignation,4\n";
        Api.Answer checked = upload("kent.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "?dryRun=true");
        assertEquals(200, checked.status(), checked.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) checked.get("warnings");
        List<String> readAs = warnings.stream().filter(w -> "READ_AS".equals(w.get("code"))).map(w -> w.get("row") + ": " + w.get("message")).toList();
        assertTrue(readAs.contains("2: '1,000' was read as 1000."), readAs.toString());
        assertTrue(readAs.contains("2: 'INPOST_FTE' read as inpost_fte, as the catalogue writes it."), readAs.toString());
        assertTrue(readAs.contains("4: 'resignation' read as RESIGNATION, as the catalogue writes it."), readAs.toString());
        assertEquals(3, readAs.size(), "row 3 was typed as read: " + readAs);
    }

    private static void assertProblem(Api.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, answer.get("code"), answer.body());
    }

    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] withExternalEntity(byte[] xlsx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    xml = xml.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                            .replaceFirst("<t>inpost_fte</t>", "<t>&xxe;</t>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
