package exchange.workforce.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as a user would send them, complete and valid unless a test changes them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> newTerms(String effectiveFrom, int coolingOffMonths) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("effectiveFrom", effectiveFrom);
        terms.put("coolingOffMonths", coolingOffMonths);
        terms.put("referenceStandardVersion", "1.1");
        terms.put("smallCountThreshold", 5);
        terms.put("dsaPurpose", "Regional workforce planning");
        terms.put("dsaLawfulBasis", "Public task: UK GDPR Article 6(1)(e)");
        terms.put("dsaDataItems", List.of("aggregate workforce statistics"));
        terms.put("retentionReturnsMonths", 84);
        terms.put("retentionReferencesMonths", 72);
        terms.put("retentionAuditMonths", 84);
        terms.put("changeReason", "Phase 2 agreed by the regional DCS group");
        return terms;
    }

    public static Map<String, Object> newContact(String email) {
        return Map.of("name", "Jo Bloggs", "email", email, "responsibility", "WORKFORCE_RETURNS");
    }
}
