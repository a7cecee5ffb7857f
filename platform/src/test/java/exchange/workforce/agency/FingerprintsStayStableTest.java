package exchange.workforce.agency;

import exchange.workforce.support.PlatformTest;
import exchange.workforce.worker.Pseudonym;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * An assignment is known again by its fingerprint, so recording the same file twice changes nothing. A field added to
 * what a council records must leave the fingerprints stored before it unchanged, or every council's next upload of the
 * same file would be refused as a change without a reason. The value below is the fingerprint the platform stored for
 * this assignment before it kept how an assignment ended (computed at that commit); it must not move.
 */
@MicronautTest(transactional = false)
class FingerprintsStayStableTest extends PlatformTest {

    static final String BEFORE_HOW_IT_ENDED = "450eeccddc8e0ee3765f4802d77aa90644d8c8de36343de62249936722ebf374";

    @Inject
    AssignmentDao assignments;

    private NewAssignment recorded(String endedHow) throws Exception {
        java.util.Map<String, Object> body = new java.util.HashMap<>(exchange.workforce.support.AssignmentRows.body("SW900123"));
        if (endedHow != null) {
            body.put("endedHow", endedHow);
            body.put("actualEndDate", "2026-09-30");
        }
        return json.readValue(json.writeValueAsString(body), NewAssignment.class);
    }

    @Test
    void anAssignmentRecordedBeforeNewFieldsIsStillKnownByItsFingerprint() throws Exception {
        Pseudonym worker = new Pseudonym("p-fixed", 1);
        assertEquals(BEFORE_HOW_IT_ENDED, assignments.fingerprint(worker, recorded(null)));
        assertNotEquals(assignments.fingerprint(worker, recorded(null)), assignments.fingerprint(worker, recorded("AS_PLANNED")),
                "saying how it ended is a change");
    }
}
