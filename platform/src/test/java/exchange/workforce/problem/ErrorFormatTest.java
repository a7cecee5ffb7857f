package exchange.workforce.problem;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error, whoever raises it, is problem+json with a documented code; bad input never gets a 500. */
@MicronautTest(transactional = false)
class ErrorFormatTest extends PlatformTest {


    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);

    private void assertProblem(Api.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(code, answer.get("code"));
        assertNotNull(answer.get("requestId"));
        assertNotNull(answer.get("detail"));
    }

    @Test
    void anUnknownAddressAnswers404() {
        assertProblem(api.get("/api/v1/nothing-here", kent), 404, "NOT_FOUND");
    }

    @Test
    void bodyThatIsNotJsonAnswers400SayingWhere() {
        Api.Answer answer = api.send(HttpRequest.POST("/api/v1/contacts", "{\"name\": \"Jo\",,}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(kent));
        assertProblem(answer, 400, "MALFORMED_REQUEST");
        assertTrue(answer.get("detail").toString().contains("line 1"), answer.body());
    }

    @Test
    void anIdThatIsNotAnIdAnswers400Not500() {
        Api.Answer answer = api.get("/api/v1/contacts/not-a-uuid", kent);
        assertTrue(answer.status() == 400 || answer.status() == 404, answer.body());
        assertEquals("application/problem+json", answer.contentType());
    }

    @Test
    void aWrongMethodAnswers405() {
        assertProblem(api.send(HttpRequest.PUT("/api/v1/me", "{}").bearerAuth(kent)), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aBodyOfTheWrongTypeAnswers415() {
        assertProblem(api.send(HttpRequest.POST("/api/v1/contacts", "name=Jo")
                .contentType(MediaType.TEXT_PLAIN).bearerAuth(kent)), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBodyPastTheSizeLimitAnswers413() {
        String huge = "{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        Api.Answer answer = api.send(HttpRequest.POST("/api/v1/contacts", huge).contentType(MediaType.APPLICATION_JSON).bearerAuth(kent));
        assertEquals(413, answer.status());
    }

    @Test
    void hostileStringsAreStoredAsTextNotExecuted() {
        Api.Answer answer = api.post("/api/v1/contacts", kent, java.util.Map.of(
                "name", "Robert'); drop table authority_contact;--", "email", "bobby@kent.gov.uk", "responsibility", "REFERENCES"));
        assertEquals(201, answer.status());
        assertEquals(200, api.get("/api/v1/contacts", kent).status());
    }

    @Test
    void aQueryParameterOfTheWrongTypeAnswers400() {
        String seAdmin = Tokens.regionalUser("a", "E12000008", Role.REGION_ADMIN);
        assertProblem(api.get("/api/v1/audit?limit=lots", seAdmin), 400, "MALFORMED_REQUEST");
        assertProblem(api.get("/api/v1/regions/E12000008/memorandum?on=yesterday", seAdmin), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aQueryParameterOutOfRangeAnswers422() {
        String seAdmin = Tokens.regionalUser("a", "E12000008", Role.REGION_ADMIN);
        assertProblem(api.get("/api/v1/audit?limit=100000", seAdmin), 422, "VALIDATION_FAILED");
    }

    @Test
    void everyErrorCodeIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "errors.md"));
        List<String> undocumented = java.util.Arrays.stream(ProblemCode.values()).map(Enum::name)
                .filter(code -> !docs.contains("`" + code + "`")).toList();
        assertEquals(List.of(), undocumented, "codes missing from docs/errors.md");
        List<String> undocumentedRules = java.util.Arrays.stream(exchange.workforce.returns.ReturnRule.values()).map(Enum::name)
                .filter(code -> !docs.contains("`" + code + "`")).toList();
        assertEquals(List.of(), undocumentedRules, "return rules missing from docs/errors.md");
    }
}
