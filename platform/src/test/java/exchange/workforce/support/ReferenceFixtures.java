package exchange.workforce.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Complete, valid reference-work bodies; tests change one thing at a time. */
public final class ReferenceFixtures {

    private ReferenceFixtures() {
    }

    public static Map<String, Object> engagement(String registrationNumber) {
        return Map.of("registrationNumber", registrationNumber, "role", "SOCIAL_WORKER", "engagementType", "AGENCY");
    }

    public static Map<String, Object> request(Object engagementId, String referee) {
        return Map.of("engagementId", engagementId, "refereeAuthority", referee,
                "dueOn", LocalDate.now().plusDays(14).toString(),
                "consent", Map.of("givenOn", LocalDate.now().toString(), "method", "signed application form"));
    }

    public static Map<String, Object> practice() {
        Map<String, Object> practice = new HashMap<>();
        practice.put("directWorkWithChildrenAndFamilies", "GOOD");
        practice.put("assessmentAndAnalysis", "OUTSTANDING");
        practice.put("recording", "REQUIRES_IMPROVEMENT");
        practice.put("workingWithPartners", "GOOD");
        practice.put("useOfSupervision", "GOOD");
        practice.put("timeliness", "GOOD");
        practice.put("comments", "Strong analysis; recording sometimes late.");
        return practice;
    }

    public static Map<String, Object> reference() {
        Map<String, Object> reference = new HashMap<>();
        reference.put("role", "SOCIAL_WORKER");
        reference.put("engagementType", "PERMANENT");
        reference.put("startDate", "2019-09-02");
        reference.put("endDate", "2024-03-31");
        reference.put("reasonForLeaving", "Moved to agency work");
        reference.put("practice", practice());
        reference.put("conduct", new HashMap<>(Map.of(
                "safeguardingConcern", Map.of("answer", "NO"),
                "disciplinaryAction", Map.of("answer", "NONE"),
                "capabilityProcedures", Map.of("answer", "NO"))));
        reference.put("wouldReemploy", Map.of("answer", "YES"));
        reference.put("writtenBy", Map.of("name", "Sam Patel", "jobTitle", "Team Manager"));
        reference.put("writtenOn", LocalDate.now().toString());
        return reference;
    }

    public static Map<String, Object> provide(String registrationNumber, Map<String, Object> reference) {
        return Map.of("registrationNumber", registrationNumber, "reference", reference);
    }

    public static Map<String, Object> placementReview(String registrationNumber) {
        Map<String, Object> review = new HashMap<>();
        review.put("registrationNumber", registrationNumber);
        review.put("role", "SENIOR_SOCIAL_WORKER");
        review.put("agency", "Example Recruitment Ltd");
        review.put("startDate", "2025-01-06");
        review.put("endDate", "2025-07-04");
        review.put("practice", practice());
        review.put("summary", "Reliable; good rapport with families; needs support with court work.");
        review.put("writtenBy", Map.of("name", "Alex Green", "jobTitle", "Service Manager"));
        review.put("writtenOn", LocalDate.now().toString());
        return review;
    }
}
