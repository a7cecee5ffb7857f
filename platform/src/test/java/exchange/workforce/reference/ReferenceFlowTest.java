package exchange.workforce.reference;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static exchange.workforce.support.ReferenceFixtures.engagement;
import static exchange.workforce.support.ReferenceFixtures.provide;
import static exchange.workforce.support.ReferenceFixtures.reference;
import static exchange.workforce.support.ReferenceFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kent asks Surrey and Hampshire for references about a social worker; Essex, a third authority, sees nothing. */
@MicronautTest(transactional = false)
class ReferenceFlowTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";
    static final String HAMPSHIRE = "E10000014";
    static final String ESSEX = "E10000012";


    final String kent = Tokens.authorityUser("kent-hr", KENT, Role.REFERENCE_OFFICER);
    final String surrey = Tokens.authorityUser("surrey-hr", SURREY, Role.REFERENCE_OFFICER);
    final String hampshire = Tokens.authorityUser("hants-hr", HAMPSHIRE, Role.REFERENCE_OFFICER);
    final String essex = Tokens.authorityUser("essex-hr", ESSEX, Role.REFERENCE_OFFICER);

    private String kentEngages(String number) {
        Api.Answer created = api.post("/api/v1/references/engagements", kent, engagement(number));
        assertEquals(201, created.status(), created.body());
        return (String) ((Map<?, ?>) created.get("engagement")).get("id");
    }

    private String kentAsks(String engagementId, String referee) {
        Api.Answer asked = api.post("/api/v1/references/requests", kent, request(engagementId, referee));
        assertEquals(201, asked.status(), asked.body());
        return (String) asked.get("id");
    }

    @Test
    void aReferenceIsRequestedProvidedAndReadAndTheEngagementMeetsTheMinimumAtTwo() {
        String engagementId = kentEngages("sw 123 456");
        String fromSurrey = kentAsks(engagementId, SURREY);
        String fromHampshire = kentAsks(engagementId, HAMPSHIRE);

        assertTrue(api.get("/api/v1/references/requests/incoming", surrey).body().contains(fromSurrey));
        Api.Answer provided = api.post("/api/v1/references/requests/" + fromSurrey + "/reference", surrey, provide("SW123456", reference()));
        assertEquals(201, provided.status(), provided.body());

        Api.Answer read = api.get("/api/v1/references/requests/" + fromSurrey + "/reference", kent);
        assertEquals(200, read.status());
        assertEquals(SURREY, read.get("refereeAuthority"));
        assertEquals("OUTSTANDING", ((Map<?, ?>) ((Map<?, ?>) read.get("reference")).get("practice")).get("assessmentAndAnalysis"));

        Api.Answer halfway = api.get("/api/v1/references/engagements/" + engagementId, kent);
        assertEquals(1, halfway.get("referencesProvided"));
        assertEquals(false, halfway.get("meetsTwoReferenceMinimum"));

        assertEquals(201, api.post("/api/v1/references/requests/" + fromHampshire + "/reference", hampshire,
                provide("SW 123456", reference())).status());
        assertEquals(true, api.get("/api/v1/references/engagements/" + engagementId, kent).get("meetsTwoReferenceMinimum"));
    }

    @Test
    void aThirdAuthorityGets404ForTheRequestTheReferenceAndTheEngagement() {
        String engagementId = kentEngages("SW123456");
        String requestId = kentAsks(engagementId, SURREY);
        api.post("/api/v1/references/requests/" + requestId + "/reference", surrey, provide("SW123456", reference()));

        assertEquals(404, api.get("/api/v1/references/requests/" + requestId, essex).status());
        assertEquals(404, api.get("/api/v1/references/requests/" + requestId + "/reference", essex).status());
        assertEquals(404, api.get("/api/v1/references/requests/" + requestId + "/reference/export", essex).status());
        assertEquals(404, api.get("/api/v1/references/engagements/" + engagementId, essex).status());
        assertEquals(404, api.get("/api/v1/references/engagements/" + engagementId, surrey).status(), "the referee does not see the engagement");
        assertEquals(404, api.post("/api/v1/references/requests/" + requestId + "/decline", essex, Map.of("reason", "x")).status());
        assertEquals("[]", api.get("/api/v1/references/requests/incoming", essex).body());
    }

    @Test
    void theRequesterCannotAnswerItsOwnRequest() {
        String requestId = kentAsks(kentEngages("SW123456"), SURREY);
        assertEquals(404, api.post("/api/v1/references/requests/" + requestId + "/reference", kent, provide("SW123456", reference())).status());
    }

    @Test
    void aRefereeWhoEntersAnotherWorkersNumberIsStopped() {
        String requestId = kentAsks(kentEngages("SW123456"), SURREY);
        Api.Answer answer = api.post("/api/v1/references/requests/" + requestId + "/reference", surrey, provide("SW654321", reference()));
        assertEquals(422, answer.status());
        assertEquals("WORKER_MISMATCH", answer.get("code"));
    }

    @Test
    void theRefereeFindsItsIncomingRequestsForAWorkerByRegistrationNumber() {
        String requestId = kentAsks(kentEngages("SW123456"), SURREY);
        kentAsks(kentEngages("SW777777"), SURREY);
        Api.Answer matching = api.post("/api/v1/references/requests/incoming/matching", surrey, Map.of("registrationNumber", "sw123456"));
        assertEquals(200, matching.status());
        assertTrue(matching.body().contains(requestId));
        assertEquals(1, matching.body().split("\"id\"").length - 1);
    }

    @Test
    void aDeclinedRequestCannotThenBeProvided() {
        String requestId = kentAsks(kentEngages("SW123456"), SURREY);
        Api.Answer declined = api.post("/api/v1/references/requests/" + requestId + "/decline", surrey,
                Map.of("reason", "No record of employment"));
        assertEquals("DECLINED", declined.get("status"));
        assertEquals("No record of employment", api.get("/api/v1/references/requests/" + requestId, kent).get("declineReason"));
        Api.Answer late = api.post("/api/v1/references/requests/" + requestId + "/reference", surrey, provide("SW123456", reference()));
        assertEquals(409, late.status());
        assertEquals("ALREADY_ANSWERED", late.get("code"));
    }

    @Test
    void twoConcurrentAttemptsToProvideTheSameReferenceOneSucceedsTheOtherGets409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String requestId = kentAsks(kentEngages("SW123456"), SURREY);
            Callable<Integer> attempt = () -> api.post("/api/v1/references/requests/" + requestId + "/reference", surrey,
                    provide("SW123456", reference())).status();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> both = pool.invokeAll(List.of(attempt, attempt));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> one : both) {
                    statuses.add(one.get());
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(201, 409), statuses);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void requestsPastTheirDueDateAreListedAsOverdueForBothParties() throws SQLException {
        String late = kentAsks(kentEngages("SW123456"), SURREY);
        String onTime = kentAsks(kentEngages("SW222222"), SURREY);
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
            statement.executeUpdate("update reference_request set due_on = current_date - 3 where id = '" + late + "'");
        }
        String overdue = api.get("/api/v1/references/requests/incoming?overdue=true", surrey).body();
        assertTrue(overdue.contains(late) && !overdue.contains(onTime), overdue);
        assertTrue(api.get("/api/v1/references/requests/outgoing?overdue=true", kent).body().contains(late));
        assertEquals(true, api.get("/api/v1/references/requests/" + late, kent).get("overdue"));
    }

    @Test
    void theWorkersCopyCanBeExportedAndItsSharingRecorded() {
        String requestId = kentAsks(kentEngages("SW123456"), SURREY);
        api.post("/api/v1/references/requests/" + requestId + "/reference", surrey, provide("SW123456", reference()));
        Api.Answer copy = api.get("/api/v1/references/requests/" + requestId + "/reference/export", kent);
        assertEquals(200, copy.status());
        assertEquals("Surrey", copy.get("writtenByAuthority"));
        assertTrue(copy.get("notice").toString().contains("UK GDPR"));

        // the same copy as a PDF to print or send, by content negotiation; read back, it says what the reference says
        io.micronaut.http.HttpResponse<byte[]> pdf = http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/api/v1/references/requests/"
                + requestId + "/reference/export").bearerAuth(kent).accept("application/pdf"), byte[].class);
        assertEquals("application/pdf", pdf.getContentType().map(Object::toString).orElse(""));
        String text = pdfText(pdf.body());
        assertTrue(text.contains("A reference about you") && text.contains("Written by") && text.contains("Surrey")
                && text.contains("Assessment and analysis") && text.contains("Outstanding"), text);
        assertTrue(!text.contains("SW123456"), "never the registration number");
        io.micronaut.http.HttpResponse<byte[]> page = http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/references/requests/"
                + requestId + "/worker-copy.pdf").bearerAuth(kent), byte[].class);
        assertTrue(pdfText(page.body()).contains("A reference about you"), "the reference page's download is the same copy");
        assertEquals(404, api.send(io.micronaut.http.HttpRequest.GET("/api/v1/references/requests/" + requestId + "/reference/export")
                .bearerAuth(Tokens.authorityUser("essex-hr", "E10000012", Role.REFERENCE_OFFICER)).accept("application/pdf")).status(),
                "another council gets no copy in any format");
        try (java.sql.Connection owner = exchange.workforce.support.TestDatabase.shared().asOwner(); java.sql.Statement s = owner.createStatement();
             java.sql.ResultSet rows = s.executeQuery("select detail->>'format' from audit_event where action = 'REFERENCE_EXPORTED' and target_id = '"
                     + requestId + "' order by id")) {
            List<String> formats = new java.util.ArrayList<>();
            while (rows.next()) {
                formats.add(rows.getString(1));
            }
            assertEquals(List.of("JSON", "PDF", "PDF"), formats, "every export is audited with its format");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        Api.Answer shared = api.post("/api/v1/references/requests/" + requestId + "/reference/shared-with-worker", kent,
                Map.of("sharedOn", java.time.LocalDate.now().toString(), "method", "e-mailed to the worker"));
        assertEquals(200, shared.status(), shared.body());
        assertEquals(java.time.LocalDate.now().toString(), shared.get("sharedWithWorkerOn"));
    }

    @Test
    void onlyReferenceOfficersTouchReferences() {
        String submitter = Tokens.authorityUser("lead", KENT, Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER);
        assertEquals(403, api.post("/api/v1/references/engagements", submitter, engagement("SW123456")).status());
        assertEquals(403, api.get("/api/v1/references/requests/incoming", submitter).status());
        assertEquals(403, api.post("/api/v1/placement-reviews", submitter, Map.of()).status());
    }

    @Test
    void anAuthorityOutsideEveryMemorandumCannotBeAskedForAReference() throws SQLException {
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
            statement.executeUpdate("update memorandum_membership set effective_to = current_date where authority_code = '" + SURREY + "'");
        }
        Api.Answer answer = api.post("/api/v1/references/requests", kent, request(kentEngages("SW123456"), SURREY));
        assertEquals(403, answer.status());
        assertEquals("NOT_A_SIGNATORY", answer.get("code"));
        assertEquals("refereeAuthority", answer.get("field"));
    }

    @Test
    void anAuthorityOfAnotherMemorandumCannotBeAskedForAReference() {
        Api.Answer answer = api.post("/api/v1/references/requests", kent, request(kentEngages("SW123456"), "E09000022"));
        assertEquals(403, answer.status(), "Kent (South East) may not ask Lambeth (London): " + answer.body());
        assertEquals("NOT_A_SIGNATORY", answer.get("code"));
        assertEquals("refereeAuthority", answer.get("field"));
    }

    @Test
    void anEngagementHasOneRequestPerRefereeUntilTheRefereeDeclines() {
        String engagementId = kentEngages("SW123456");
        String first = kentAsks(engagementId, SURREY);
        Api.Answer again = api.post("/api/v1/references/requests", kent, request(engagementId, SURREY));
        assertEquals(409, again.status(), "a second request while the first is open: " + again.body());
        assertEquals("CONFLICT", again.get("code"));
        assertEquals(201, api.post("/api/v1/references/requests/" + first + "/reference", surrey, provide("SW123456", reference())).status());
        assertEquals(409, api.post("/api/v1/references/requests", kent, request(engagementId, SURREY)).status(),
                "nor once the referee has provided one");

        String declined = kentAsks(engagementId, HAMPSHIRE);
        api.post("/api/v1/references/requests/" + declined + "/decline", hampshire, Map.of("reason", "Wrong worker details"));
        assertEquals(201, api.post("/api/v1/references/requests", kent, request(engagementId, HAMPSHIRE)).status(),
                "after a decline, asking again is allowed");
    }

    @Test
    void aRequestWithoutConsentOrWithADueDateInThePastIsRefusedNamingEachField() {
        String engagementId = kentEngages("SW123456");
        Api.Answer answer = api.post("/api/v1/references/requests", kent,
                Map.of("engagementId", engagementId, "refereeAuthority", SURREY, "dueOn", "2020-01-01"));
        assertEquals(422, answer.status());
        assertTrue(answer.body().contains("consent.givenOn") && answer.body().contains("consent.method")
                && answer.body().contains("dueOn"), answer.body());
        assertEquals("[]", api.get("/api/v1/references/requests/outgoing", kent).body(), "nothing was stored");
    }

    @Test
    void theRegistrationNumberIsNeverAUrlParameterOfTheApi() {
        String spec = http.toBlocking().retrieve(HttpRequest.GET("/openapi/workforce-exchange-v1.yml"));
        assertTrue(spec.contains("registrationNumber:"), "it is a body property");
        assertTrue(!spec.contains("name: registrationNumber"), "it must never be a path or query parameter");
    }

    /** The PDF's text as a reader extracts it (PDFBox), with every font checked to be embedded and the document tagged. */
    private static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    assertTrue(page.getResources().getFont(name).isEmbedded(), "every font is embedded");
                }
            }
            assertTrue(document.getDocumentCatalog().getMarkInfo() != null && document.getDocumentCatalog().getMarkInfo().isMarked()
                    && document.getDocumentCatalog().getStructureTreeRoot() != null, "tagged for a screen reader");
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
