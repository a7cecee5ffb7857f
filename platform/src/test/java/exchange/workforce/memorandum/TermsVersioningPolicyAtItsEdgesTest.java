package exchange.workforce.memorandum;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New terms take effect on or after the version they replace and within two years: each edge to the day. */
class TermsVersioningPolicyAtItsEdgesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static MemorandumTerms version(int version, LocalDate effectiveFrom) {
        return new MemorandumTerms("E12000008", version, effectiveFrom, 12, "1.0", 5, null, "se-admin", null, "agreed");
    }

    @Test
    void termsMayTakeEffectUpToTwoYearsAheadToTheDayAndNotADayLater() {
        TermsVersioningPolicy.check(Optional.empty(), LocalDate.of(2028, 12, 7), TODAY);
        ApiProblem late = assertThrows(ApiProblem.class, () -> TermsVersioningPolicy.check(Optional.empty(), LocalDate.of(2028, 12, 8), TODAY));
        assertEquals(ProblemCode.TERMS_EFFECTIVE_TOO_LATE, late.code());
        assertEquals("effectiveFrom", late.field());
        assertTrue(late.getMessage().contains("(by 2028-12-07), not 2028-12-08"), late.getMessage());
    }

    @Test
    void termsMayTakeEffectOnTheDayTheCurrentVersionDidButNotTheDayBefore() {
        Optional<MemorandumTerms> current = Optional.of(version(3, LocalDate.of(2026, 4, 1)));
        TermsVersioningPolicy.check(current, LocalDate.of(2026, 4, 1), TODAY);
        TermsVersioningPolicy.check(Optional.empty(), LocalDate.of(2020, 1, 1), TODAY); // the first version may be back-dated
        ApiProblem early = assertThrows(ApiProblem.class, () -> TermsVersioningPolicy.check(current, LocalDate.of(2026, 3, 31), TODAY));
        assertEquals(ProblemCode.TERMS_EFFECTIVE_TOO_EARLY, early.code());
        assertEquals("effectiveFrom", early.field());
        assertEquals("Version 3 of the terms takes effect on 2026-04-01; new terms must take effect on or after that date, not 2026-03-31.",
                early.getMessage());
    }
}
