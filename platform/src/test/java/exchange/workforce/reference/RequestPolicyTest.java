package exchange.workforce.reference;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.worker.WorkerDetails;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a reference request needs before a referee is asked, at each rule's edge (today is 2026-03-10). */
class RequestPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final ReferenceRequests.Consent CONSENT = new ReferenceRequests.Consent(TODAY, "signed application form");

    private static ReferenceRequests.NewRequest request(LocalDate dueOn, ReferenceRequests.Consent consent, WorkerDetails worker) {
        return new ReferenceRequests.NewRequest(UUID.randomUUID(), "E10000016", dueOn, consent, worker);
    }

    private static List<String> broken(ReferenceRequests.NewRequest request) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> RequestPolicy.check(request, "kent-lead", TODAY));
        return problem.violations().stream().map(Problem.Violation::message).toList();
    }

    @Test
    void aCompleteRequestDueTomorrowWithConsentGivenTodayPasses() {
        RequestPolicy.check(request(TODAY.plusDays(1), CONSENT, null), "kent-lead", TODAY);
        RequestPolicy.check(request(TODAY.plusDays(1), CONSENT, new WorkerDetails("A" + "b".repeat(199), "j".repeat(200), TODAY, TODAY)),
                "kent-lead", TODAY);
    }

    @Test
    void aDueDateOfTodayIsAlreadyTooLateAndConsentDatedTomorrowIsNotYetGiven() {
        ApiProblem due = assertThrows(ApiProblem.class, () -> RequestPolicy.check(request(TODAY, CONSENT, null), "kent-lead", TODAY));
        assertEquals("dueOn", due.field(), "one rule broken: the field is named");
        assertEquals("dueOn: the due date 2026-03-10 must be after today", due.getMessage());
        assertEquals(List.of("consent.givenOn: consent cannot be dated in the future (2026-03-11)"),
                broken(request(TODAY.plusDays(1), new ReferenceRequests.Consent(TODAY.plusDays(1), "form"), null)));
    }

    @Test
    void everythingMissingIsNamedAtOnce() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> RequestPolicy.check(
                new ReferenceRequests.NewRequest(null, " ", null, null, null), "kent-lead", TODAY));
        assertNull(problem.field(), "several rules: no single field");
        assertEquals(List.of("engagementId", "refereeAuthority", "dueOn", "consent.givenOn", "consent.method"),
                problem.violations().stream().map(Problem.Violation::field).toList());
        assertEquals(List.of("consent.method: say how consent was given, e.g. 'signed application form'"),
                broken(request(TODAY.plusDays(1), new ReferenceRequests.Consent(TODAY, " "), null)));
        assertEquals(List.of("consent.givenOn: record the date the worker consented to the reference being sought"),
                broken(request(TODAY.plusDays(1), new ReferenceRequests.Consent(null, "form"), null)));
        assertEquals(List.of("refereeAuthority: name the authority asked for the reference (ONS code, e.g. E10000016)"),
                broken(new ReferenceRequests.NewRequest(UUID.randomUUID(), null, TODAY.plusDays(1), CONSENT, null)));
    }

    @Test
    void theWorkersStatedDetailsNeedANameOfAtMost200CharactersAndDatesThatHappened() {
        LocalDate due = TODAY.plusDays(7);
        assertEquals(List.of("worker.name: give the worker's name as stated on the application (up to 200 characters)"),
                broken(request(due, CONSENT, new WorkerDetails("n".repeat(201), null, null, null))));
        assertEquals(List.of("worker.name: give the worker's name as stated on the application (up to 200 characters)"),
                broken(request(due, CONSENT, new WorkerDetails(" ", null, null, null))));
        assertEquals(List.of("worker.name: give the worker's name as stated on the application (up to 200 characters)"),
                broken(request(due, CONSENT, new WorkerDetails(null, "Social worker", null, null))));
        assertEquals(List.of("worker.jobTitle: give the job title in up to 200 characters"),
                broken(request(due, CONSENT, new WorkerDetails("Sam", "j".repeat(201), null, null))));
        assertEquals(List.of("worker.employedFrom: the employment cannot have started in the future (2026-03-11)"),
                broken(request(due, CONSENT, new WorkerDetails("Sam", null, TODAY.plusDays(1), null))));
        assertEquals(List.of("worker.employedTo: the employment ended (2026-03-08) before it began (2026-03-09)"),
                broken(request(due, CONSENT, new WorkerDetails("Sam", null, TODAY.minusDays(1), TODAY.minusDays(2)))));
        RequestPolicy.check(request(due, CONSENT, new WorkerDetails("Sam", null, null, TODAY.minusDays(2))), "kent-lead", TODAY);
    }

    @Test
    void detailsAreSealedTrimmedWithBlanksAsNothingAndNoneWithoutAName() {
        assertEquals(new WorkerDetails("Sam Smith", null, TODAY, null),
                RequestPolicy.trimmed(new WorkerDetails("  Sam Smith ", "  ", TODAY, null)));
        assertEquals(new WorkerDetails("Sam", "Senior social worker", null, null),
                RequestPolicy.trimmed(new WorkerDetails("Sam", " Senior social worker ", null, null)));
        assertEquals(new WorkerDetails("Sam", null, null, null), RequestPolicy.trimmed(new WorkerDetails("Sam", null, null, null)));
        assertNull(RequestPolicy.trimmed(new WorkerDetails(" ", "Social worker", null, null)));
        assertNull(RequestPolicy.trimmed(new WorkerDetails(null, "Social worker", null, null)));
        assertNull(RequestPolicy.trimmed(null));
    }
}
