package exchange.workforce.edge;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way in that once stored junk or answered 500 now gets a 400 that names the field and the limit. */
@MicronautTest(transactional = false)
class InputLimitsTest extends PlatformTest {

    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER, Role.REFERENCE_OFFICER);
    final String seAdmin = Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN);

    private Api.Answer postJson(String uri, String token, String body) {
        return api.send(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token));
    }

    private static void refused(Api.Answer answer, String field, String words) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("MALFORMED_REQUEST", answer.get("code"), answer.body());
        assertEquals(field, answer.get("field"), answer.body());
        assertTrue(String.valueOf(answer.get("detail")).contains(words), answer.body());
        assertFalse(answer.body().contains("exchange.workforce") || answer.body().contains("$"), "no Java names: " + answer.body());
    }

    @Test
    void aNulOrOtherControlCharacterInAnyTextFieldIsRefusedNamingTheField() {
        refused(postJson("/api/v1/contacts", kent,
                "{\"name\":\"Jo\\u0000\",\"email\":\"jo@kent.gov.uk\",\"responsibility\":\"WORKFORCE_RETURNS\"}"), "name", "U+0000");
        Map<String, Object> request = new HashMap<>(ReferenceFixtures.request("00000000-0000-0000-0000-000000000000", "E10000030"));
        request.put("consent", Map.of("givenOn", "2026-01-01", "method", "signed\u0007form"));
        refused(api.post("/api/v1/references/requests", kent, request), "consent/method", "U+0007");
        refused(api.get("/api/v1/benchmarks?group=england&period=2023&measures=a%00b", kent), "measures", "U+0000");
    }

    @Test
    void textLongerThanTheLimitIsRefusedNotStored() {
        String fiveMegabytes = "x".repeat(5_000_000);
        refused(postJson("/api/v1/contacts", kent, "{\"name\":\"" + fiveMegabytes
                + "\",\"email\":\"jo@kent.gov.uk\",\"responsibility\":\"WORKFORCE_RETURNS\"}"), "name", "the most is 10000");
        assertEquals("[]", api.get("/api/v1/contacts", kent).body());
    }

    @Test
    void aListLongerThanAnyTheApiTakesIsRefusedNamingItAndTheLongestAllowedIsRead() {
        String tooMany = "\"E10000016\",".repeat(InputLimits.MAX_ITEMS) + "\"E10000030\"";
        refused(postJson("/api/v1/region/groups", seAdmin, "{\"name\":\"Too many\",\"authorityCodes\":[" + tooMany + "]}"),
                "authorityCodes", "has more than 10000 items");
        String asMany = tooMany.substring(0, tooMany.lastIndexOf(','));
        Api.Answer read = postJson("/api/v1/region/groups", seAdmin, "{\"name\":\"As many\",\"authorityCodes\":[" + asMany + "]}");
        assertFalse(read.status() == 400 && "MALFORMED_REQUEST".equals(read.get("code")), "the longest list allowed is read: " + read.body());
    }

    @Test
    void datesOutside1900To2100AreRefusedInQueriesAndBodies() {
        refused(api.get("/api/v1/regions/E12000008/memorandum?on=%2B999999999-12-31", kent), "on", "between 1900-01-01 and 2100-12-31");
        refused(api.get("/api/v1/regions/E12000008/memorandum?on=-4713-01-01", kent), "on", "between 1900-01-01 and 2100-12-31");
        Map<String, Object> terms = new HashMap<>(exchange.workforce.support.Fixtures.newTerms("+999999999-12-31", 3));
        refused(api.post("/api/v1/region/terms", seAdmin, terms), "effectiveFrom", "between 1900-01-01 and 2100-12-31");
        Map<String, Object> request = new HashMap<>(ReferenceFixtures.request("00000000-0000-0000-0000-000000000000", "E10000030"));
        request.put("dueOn", "-4713-01-01");
        refused(api.post("/api/v1/references/requests", kent, request), "dueOn", "between 1900-01-01 and 2100-12-31");
    }

    @Test
    void jsonIsReadStrictlyWithNothingCoerced() {
        String contact = "\"email\":\"jo@kent.gov.uk\",\"responsibility\":\"WORKFORCE_RETURNS\"";
        refused(postJson("/api/v1/contacts", kent, "{\"name\":\"Jo\",\"name\":\"Al\"," + contact + "}"), "name", "appears twice");
        refused(postJson("/api/v1/contacts", kent, "{\"name\":\"Jo\"," + contact + "} {\"name\":\"Al\"}"), null, "more after its JSON value");
        refused(postJson("/api/v1/contacts", kent, "{\"name\":[\"Jo\"]," + contact + "}"), "name", "must be text in quotes, not a list");
        refused(postJson("/api/v1/contacts", kent, "{\"name\":7," + contact + "}"), "name", "not a number");
        Map<String, Object> terms = new HashMap<>(exchange.workforce.support.Fixtures.newTerms("2027-01-01", 3));
        terms.put("coolingOffMonths", 1.5);
        refused(api.post("/api/v1/region/terms", seAdmin, terms), "coolingOffMonths", "1.5 is not");
        assertEquals("[]", api.get("/api/v1/contacts", kent).body(), "nothing was stored");
    }

    @Test
    void aFieldOfTheWrongFormIsNamedWithoutJavaTypes() {
        Map<String, Object> request = new HashMap<>(ReferenceFixtures.request("not-a-uuid", "E10000030"));
        Api.Answer answer = api.post("/api/v1/references/requests", kent, request);
        refused(answer, "engagementId", "could not be read");
    }

    @Test
    void uploadsUpToTheDocumentedTenMegabytesAreReadAndLargerOnesRefusedWith413() {
        byte[] twoMegabytes = ("measure,breakdown,value\n" + ("inpost_fte," + " ".repeat(200) + ",1\n").repeat(10_000)).getBytes();
        assertTrue(twoMegabytes.length > 2_000_000);
        Api.Answer read = api.send(HttpRequest.POST("/api/v1/returns/uploads?dryRun=true", MultipartBody.builder()
                .addPart("file", "return.csv", MediaType.TEXT_CSV_TYPE, twoMegabytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(kent));
        assertNotEquals(413, read.status(), "2 MB is within the 10 MB limit: " + read.body());
        assertTrue(read.status() < 500, read.body());
        byte[] elevenMegabytes = new byte[11 * 1024 * 1024];
        Api.Answer tooLarge = api.send(HttpRequest.POST("/api/v1/returns/uploads?dryRun=true", MultipartBody.builder()
                .addPart("file", "return.csv", MediaType.TEXT_CSV_TYPE, elevenMegabytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(kent));
        assertEquals(413, tooLarge.status(), tooLarge.body());
    }

    @Test
    void halfACharacterInAnyTextIsRefusedNamingTheFieldNotA500() {
        Api.Answer answer = postJson("/api/v1/region/groups", seAdmin, "{\"name\":\"Coastal \\ud800\",\"authorityCodes\":[\"E10000016\",\"E06000046\"]}");
        refused(answer, "name", "not valid Unicode");
        refused(postJson("/api/v1/region/groups", seAdmin, "{\"name\":\"Coastal \\udc00 councils\",\"authorityCodes\":[\"E10000016\",\"E06000046\"]}"),
                "name", "U+DC00");
        assertEquals(201, postJson("/api/v1/region/groups", seAdmin, "{\"name\":\"Ysgolion \\ud83c\\udff4 Cymru\",\"authorityCodes\":[\"E10000016\",\"E06000046\"]}").status(),
                "a whole character outside the basic plane is text like any other");
    }

    @Test
    void aNumberInQuotesWhereANumberBelongsIsRefusedNamingTheField() {
        Map<String, Object> target = new HashMap<>(Map.of("measure", "turnover_rate_fte", "comparison", "AT_MOST", "value", "36",
                "source", "our plan", "effectiveFrom", "2026-01-01"));
        refused(api.post("/api/v1/region/targets", seAdmin, target), "value", "a number (not in quotes)");
        target.put("value", new java.math.BigDecimal("1" + "0".repeat(39)));
        refused(api.post("/api/v1/region/targets", seAdmin, target), "value", "more than 15 significant digits");
    }

    @Test
    void aFigureOfMillionsOfDigitsIsRefusedAtOnceByUploadAndByApi() {
        String digits = "1".repeat(2_000_000);
        long started = System.nanoTime();
        Api.Answer upload = api.send(HttpRequest.POST("/api/v1/returns/uploads?dryRun=true", MultipartBody.builder()
                .addPart("file", "return.csv", MediaType.TEXT_CSV_TYPE, ("authority,period_type,period,measure,breakdown,value\n"
                        + "E10000016,CENSUS_YEAR,2024,inpost_fte,," + digits + "\n").getBytes()).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(kent));
        assertEquals(422, upload.status(), upload.body().substring(0, Math.min(500, upload.body().length())));
        assertTrue(upload.body().contains("TOO_MANY_DIGITS"), upload.body().substring(0, Math.min(500, upload.body().length())));
        assertTrue(upload.body().length() < 10_000, "the refusal does not repeat the cell");
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "not the minute it took");
        Map<String, Object> huge = exchange.workforce.support.ReturnFixtures.censusReturn("2024",
                List.of(exchange.workforce.support.ReturnFixtures.figure("inpost_fte", "1" + "0".repeat(39))));
        Api.Answer json = api.post("/api/v1/returns", kent, huge);
        assertEquals(422, json.status(), json.body());
        assertTrue(json.body().contains("TOO_MANY_DIGITS"), json.body());
        huge = exchange.workforce.support.ReturnFixtures.censusReturn("2024",
                List.of(exchange.workforce.support.ReturnFixtures.figure("inpost_fte", "2000000")));
        Api.Answer outOfRange = api.post("/api/v1/returns", kent, huge);
        assertEquals(422, outOfRange.status(), outOfRange.body());
        assertTrue(outOfRange.body().contains("OUT_OF_RANGE") && outOfRange.body().contains("at most 100000"), outOfRange.body());
        assertEquals("[]", api.get("/api/v1/returns", kent).body().replace(" ", ""), "nothing was stored");
        Api.Answer longMeasure = api.send(HttpRequest.POST("/api/v1/returns/uploads?dryRun=true", MultipartBody.builder()
                .addPart("file", "return.csv", MediaType.TEXT_CSV_TYPE, ("authority,period_type,period,measure,breakdown,value\n"
                        + "E10000016,CENSUS_YEAR,2024," + "m".repeat(2_000_000) + ",,1\n").getBytes()).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(kent));
        assertEquals(422, longMeasure.status());
        assertTrue(longMeasure.body().contains("UNKNOWN_MEASURE") && longMeasure.body().length() < 10_000,
                "a measure of megabytes is named by its start, not compared with every code: " + longMeasure.body().length());
    }
}
