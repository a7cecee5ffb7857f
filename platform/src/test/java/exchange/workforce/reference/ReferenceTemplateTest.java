package exchange.workforce.reference;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers that break the standard template are refused with 422, the field, and what would be valid. */
@MicronautTest(transactional = false)
class ReferenceTemplateTest extends PlatformTest {


    final String kent = Tokens.authorityUser("kent-hr", "E10000016", Role.REFERENCE_OFFICER);
    final String surrey = Tokens.authorityUser("surrey-hr", "E10000030", Role.REFERENCE_OFFICER);

    private String openRequest() {
        Map<?, ?> engagement = (Map<?, ?>) api.post("/api/v1/references/engagements", kent,
                ReferenceFixtures.engagement("SW123456")).get("engagement");
        return (String) api.post("/api/v1/references/requests", kent,
                ReferenceFixtures.request(engagement.get("id"), "E10000030")).get("id");
    }

    private Api.Answer provide(Map<String, Object> reference) {
        return api.post("/api/v1/references/requests/" + openRequest() + "/reference", surrey,
                ReferenceFixtures.provide("SW123456", reference));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Api.Answer answer) {
        if (answer.get("errors") != null) {
            return ((List<Map<String, Object>>) answer.get("errors")).stream().map(e -> (String) e.get("field")).toList();
        }
        return List.of((String) answer.get("field"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"987654", "SW12A456", "AB123456", "SW", "SW 123 456 789 0", "SW-123456"})
    void aMalformedRegistrationNumberIsRefusedWithAClearMessage(String number) {
        Api.Answer answer = api.post("/api/v1/references/engagements", kent, ReferenceFixtures.engagement(number));
        assertEquals(422, answer.status(), answer.body());
        assertEquals("INVALID_REGISTRATION_NUMBER", answer.get("code"));
        assertEquals("registrationNumber", answer.get("field"));
        assertTrue(answer.get("detail").toString().contains("SW123456"));
        assertTrue(!answer.body().contains(number.trim()) || number.equals("SW"), "the typed number is not echoed back");
    }

    @Test
    void aYesToASafeguardingConcernWithoutDetailsIsRefused() {
        Map<String, Object> reference = ReferenceFixtures.reference();
        @SuppressWarnings("unchecked") Map<String, Object> conduct = (Map<String, Object>) reference.get("conduct");
        conduct.put("safeguardingConcern", Map.of("answer", "YES"));
        Api.Answer answer = provide(reference);
        assertEquals(422, answer.status());
        assertEquals(List.of("conduct.safeguardingConcern.details"), fields(answer));
    }

    @Test
    void anExpiredDisciplinaryActionNeedsDetailsToo() {
        Map<String, Object> reference = ReferenceFixtures.reference();
        @SuppressWarnings("unchecked") Map<String, Object> conduct = (Map<String, Object>) reference.get("conduct");
        conduct.put("disciplinaryAction", Map.of("answer", "EXPIRED", "details", " "));
        assertEquals(List.of("conduct.disciplinaryAction.details"), fields(provide(reference)));
    }

    @Test
    void aRatingOffTheScaleIsRefusedNamingTheScale() {
        Map<String, Object> reference = ReferenceFixtures.reference();
        Map<String, Object> practice = new HashMap<>(ReferenceFixtures.practice());
        practice.put("recording", "EXCELLENT");
        reference.put("practice", practice);
        Api.Answer answer = provide(reference);
        assertEquals(422, answer.status());
        assertEquals(List.of("practice.recording"), fields(answer));
        assertTrue(answer.get("detail").toString().contains("OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE, NOT_OBSERVED"));
    }

    @Test
    void anEndDateBeforeTheStartDateIsRefused() {
        Map<String, Object> reference = ReferenceFixtures.reference();
        reference.put("startDate", "2024-05-01");
        reference.put("endDate", "2023-05-01");
        Api.Answer answer = provide(reference);
        assertEquals(422, answer.status());
        assertEquals(List.of("endDate"), fields(answer));
    }

    @Test
    void wouldNotReemployNeedsAReason() {
        Map<String, Object> reference = ReferenceFixtures.reference();
        reference.put("wouldReemploy", Map.of("answer", "WITH_RESERVATIONS"));
        assertEquals(List.of("wouldReemploy.reason"), fields(provide(reference)));
    }

    @Test
    void anEmptyReferenceNamesEveryMissingAnswerAndStoresNothing() {
        String requestId = openRequest();
        Api.Answer answer = api.post("/api/v1/references/requests/" + requestId + "/reference", surrey,
                ReferenceFixtures.provide("SW123456", Map.of()));
        assertEquals(422, answer.status());
        assertTrue(fields(answer).containsAll(List.of("role", "engagementType", "startDate", "practice", "conduct",
                "wouldReemploy", "writtenBy", "writtenOn")), fields(answer).toString());
        assertEquals("REQUESTED", api.get("/api/v1/references/requests/" + requestId, surrey).get("status"));
    }

    @Test
    void theListsThePagesOfferAreReadFromTheSchemaFileInItsOrder() throws Exception {
        CommittedSchema stricter = CommittedSchema.of(Files.readString(Path.of("..", "schemas", "json", "reference-template-1.0.schema.json"))
                .replace("\"WITH_RESERVATIONS\"", "\"WITH_RESERVATIONS\", \"ONLY_IN_ANOTHER_ROLE\""));
        assertEquals(List.of("YES", "NO", "WITH_RESERVATIONS", "ONLY_IN_ANOTHER_ROLE"), stricter.allowed("wouldReemploy", "answer"),
                "a value added to the file is offered, with no Java change");
        assertEquals(List.of("SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER", "ADVANCED_PRACTITIONER", "TEAM_MANAGER", "IRO_CP_CHAIR"),
                ReferenceTemplatePolicy.ROLES);
        assertEquals(List.of("PERMANENT", "AGENCY"), ReferenceTemplatePolicy.ENGAGEMENT_TYPES);
        assertEquals(List.of(List.of("YES", "Yes"), List.of("WITH_RESERVATIONS", "With reservations"), List.of("NO", "No"),
                List.of("ONLY_IN_ANOTHER_ROLE", "Only in another role")),
                ReferencePages.options(stricter.allowed("wouldReemploy", "answer"), "YES", "WITH_RESERVATIONS", "NO"),
                "the page orders what it knows and offers anything new after it");
        assertEquals(List.of(List.of("NO", "No")), ReferencePages.options(List.of("NO"), "NO", "YES"), "nothing the file dropped is offered");
        String schema = Files.readString(Path.of("..", "schemas", "json", "reference-template-1.0.schema.json"));
        assertTrue(schema.contains("\"$id\": \"urn:workforce-exchange:schema:reference-template:" + ReferenceTemplate.VERSION + "\""),
                "the schema names the template version the platform stores");
    }

    /** The acceptance: the schema file holds the rule. Dropping a rating from its scale refuses it, with no Java changed. */
    @Test
    void replacingARuleInTheSchemaFileChangesTheAnswerWithNoJavaChange() throws Exception {
        String committed = Files.readString(Path.of("..", "schemas", "json", "reference-template-1.0.schema.json"));
        ReferenceTemplate reference = json.readValue(json.writeValueAsString(ReferenceFixtures.reference()), ReferenceTemplate.class);
        java.time.LocalDate today = java.time.LocalDate.now();
        ReferenceTemplatePolicy.check(reference, today, json, CommittedSchema.of(committed)); // NOT_OBSERVED is on the committed scale
        Map<String, Object> notObserved = ReferenceFixtures.reference();
        Map<String, Object> practice = new HashMap<>(ReferenceFixtures.practice());
        practice.put("timeliness", "NOT_OBSERVED");
        notObserved.put("practice", practice);
        ReferenceTemplate rated = json.readValue(json.writeValueAsString(notObserved), ReferenceTemplate.class);
        ReferenceTemplatePolicy.check(rated, today, json, CommittedSchema.of(committed));

        String stricter = committed.replace("\"INADEQUATE\",\n            \"NOT_OBSERVED\"", "\"INADEQUATE\"");
        assertTrue(!stricter.equals(committed), "the fixture edits the scale");
        exchange.workforce.problem.ApiProblem refused = org.junit.jupiter.api.Assertions.assertThrows(exchange.workforce.problem.ApiProblem.class,
                () -> ReferenceTemplatePolicy.check(rated, today, json, CommittedSchema.of(stricter)));
        assertEquals("practice.timeliness", refused.field());
        assertTrue(refused.getMessage().contains("use one of OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE")
                && !refused.getMessage().contains("NOT_OBSERVED"), refused.getMessage());

        String shorterReasons = committed.replace("\"reasonForLeaving\": {\n      \"type\": \"string\",\n      \"maxLength\": 4000",
                "\"reasonForLeaving\": {\n      \"type\": \"string\",\n      \"maxLength\": 10");
        assertTrue(!shorterReasons.equals(committed), "the fixture edits the reason's length");
        Map<String, Object> left = ReferenceFixtures.reference();
        left.put("endDate", "2024-03-31");
        left.put("reasonForLeaving", "Moved to a team manager post nearer home");
        ReferenceTemplate leaving = json.readValue(json.writeValueAsString(left), ReferenceTemplate.class);
        ReferenceTemplatePolicy.check(leaving, today, json, CommittedSchema.of(committed));
        exchange.workforce.problem.ApiProblem tooLong = org.junit.jupiter.api.Assertions.assertThrows(exchange.workforce.problem.ApiProblem.class,
                () -> ReferenceTemplatePolicy.check(leaving, today, json, CommittedSchema.of(shorterReasons)));
        assertEquals("reasonForLeaving", tooLong.field());
        assertTrue(tooLong.getMessage().contains("at most 10 characters"), tooLong.getMessage());
    }
}
