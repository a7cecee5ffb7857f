package exchange.workforce.returns;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A council's standing for a period, at the edges a region administrator meets: the due date itself, and the day after. */
class SubmissionStatusAtItsEdgesTest {

    private static final LocalDate DUE = LocalDate.of(2025, 10, 31);

    @Test
    void nothingInIsNotStartedUpToAndOnTheDueDateAndLateTheDayAfter() {
        assertEquals(SubmissionStatus.NOT_STARTED, SubmissionStatus.of(null, DUE, DUE.minusDays(1)));
        assertEquals(SubmissionStatus.NOT_STARTED, SubmissionStatus.of(null, DUE, DUE), "the due date is still in time");
        assertEquals(SubmissionStatus.LATE, SubmissionStatus.of(null, DUE, DUE.plusDays(1)));
        assertEquals(SubmissionStatus.NOT_STARTED, SubmissionStatus.of(null, null, DUE.plusYears(1)), "no due date: never late");
    }

    @Test
    void theFirstVersionIsSubmittedAndAnyLaterOneCorrected() {
        assertEquals(SubmissionStatus.SUBMITTED, SubmissionStatus.of(1, DUE, DUE.plusDays(5)), "late or not, it is in");
        assertEquals(SubmissionStatus.CORRECTED, SubmissionStatus.of(2, DUE, DUE));
        assertEquals(SubmissionStatus.CORRECTED, SubmissionStatus.of(7, null, DUE));
        assertEquals("Not started", SubmissionStatus.NOT_STARTED.words());
    }
}
