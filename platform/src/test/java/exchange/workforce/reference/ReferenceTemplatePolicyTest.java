package exchange.workforce.reference;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.support.ReferenceFixtures;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rules of the standard reference and the placement review that the committed schemas cannot state, at their
 * edges (today is 2026-03-10), with the schemas' own rules beside them in one answer.
 */
class ReferenceTemplatePolicyTest {

    static final JsonMapper JSON = JsonMapper.createDefault();
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static <T> T read(Map<String, Object> body, Class<T> type) throws IOException {
        return JSON.readValue(JSON.writeValueAsBytes(body), type);
    }

    private static ReferenceTemplate reference(String start, String end, String writtenOn) throws IOException {
        Map<String, Object> body = ReferenceFixtures.reference();
        body.put("startDate", start);
        body.put("endDate", end);
        body.put("writtenOn", writtenOn);
        return read(body, ReferenceTemplate.class);
    }

    private static List<String> fields(ApiProblem problem) {
        return problem.violations().stream().map(Problem.Violation::field).toList();
    }

    @Test
    void aReferenceEndingTheDayItStartedAndWrittenTodayIsAccepted() throws IOException {
        ReferenceTemplatePolicy.check(reference("2026-03-10", "2026-03-10", "2026-03-10"), TODAY, JSON);
    }

    @Test
    void anEndBeforeTheStartIsRefusedNamingBothDates() throws IOException {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> ReferenceTemplatePolicy.check(reference("2024-03-02", "2024-03-01", "2026-03-10"), TODAY, JSON));
        assertEquals("endDate", problem.field());
        assertEquals("endDate: the end date 2024-03-01 is before the start date 2024-03-02", problem.getMessage());
        assertEquals(List.of(), problem.violations(), "one answer to correct: named by the field and the message");
    }

    @Test
    void aStartOrAWritingDateTomorrowIsInTheFuture() throws IOException {
        ApiProblem start = assertThrows(ApiProblem.class,
                () -> ReferenceTemplatePolicy.check(reference("2026-03-11", "2026-03-12", "2026-03-10"), TODAY, JSON));
        assertEquals("startDate: cannot be in the future (2026-03-11)", start.getMessage());
        ApiProblem both = assertThrows(ApiProblem.class,
                () -> ReferenceTemplatePolicy.check(reference("2026-03-11", "2026-03-12", "2026-03-11"), TODAY, JSON));
        assertNull(both.field(), "two answers to correct: no single field");
        assertEquals(List.of("startDate", "writtenOn"), fields(both));
        assertEquals("2 answers need correcting: startDate: cannot be in the future (2026-03-11); writtenOn: cannot be in the "
                + "future (2026-03-11)", both.getMessage());
    }

    @Test
    void theSchemasRulesAndTheDatesAreAnsweredTogetherEachFieldOnce() throws IOException {
        Map<String, Object> body = ReferenceFixtures.reference();
        body.put("role", "WIZARD");
        body.put("startDate", "2026-03-11");
        body.put("endDate", "2026-03-01");
        body.put("writtenOn", "2026-03-10");
        ApiProblem problem = assertThrows(ApiProblem.class, () -> ReferenceTemplatePolicy.check(read(body, ReferenceTemplate.class), TODAY, JSON));
        assertEquals(List.of("role", "endDate", "startDate"), fields(problem));
    }

    @Test
    void aDateTheSchemaAlreadyRefusesIsNamedOnceWithTheSchemasReason() throws IOException {
        // a schema that wants references written in 2025 or before: a writtenOn of tomorrow breaks it and is in the future
        String schema = new String(java.util.Objects.requireNonNull(CommittedSchema.class.getResourceAsStream(CommittedSchema.REFERENCE_TEMPLATE))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"writtenOn\": {", "\"writtenOn\": {\"pattern\": \"^20(1[0-9]|2[0-5])-\",");
        ApiProblem problem = assertThrows(ApiProblem.class, () -> ReferenceTemplatePolicy.check(
                reference("2024-01-01", "2024-06-30", "2026-03-11"), TODAY, JSON, CommittedSchema.of(schema)));
        assertEquals("writtenOn", problem.field(), "one field, named once");
        assertEquals(List.of(), problem.violations());
    }

    @Test
    void aPlacementReviewKeepsTheSameDateRules() throws IOException {
        Map<String, Object> body = ReferenceFixtures.placementReview("SW123456");
        body.put("writtenOn", "2026-03-10");
        ReferenceTemplatePolicy.check(read(body, PlacementReview.class), TODAY, JSON);
        body.put("endDate", "2024-12-31");
        ApiProblem problem = assertThrows(ApiProblem.class, () -> ReferenceTemplatePolicy.check(read(body, PlacementReview.class), TODAY, JSON));
        assertEquals("endDate: the end date 2024-12-31 is before the start date 2025-01-06", problem.getMessage());
        body.put("endDate", "2025-07-04");
        body.put("writtenOn", "2026-03-11");
        assertEquals("writtenOn: cannot be in the future (2026-03-11)", assertThrows(ApiProblem.class,
                () -> ReferenceTemplatePolicy.check(read(body, PlacementReview.class), TODAY, JSON)).getMessage());
    }
}
