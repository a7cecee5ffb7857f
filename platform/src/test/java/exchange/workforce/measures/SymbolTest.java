package exchange.workforce.measures;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DfE's symbols as councils type them, as the database keeps them, and as a page says them. */
class SymbolTest {

    @Test
    void aSymbolIsReadInAnyCaseWithSpacesAroundAndNothingElseIsOne() {
        assertEquals(Optional.of(Symbol.UNAVAILABLE), Symbol.of(" X "));
        assertEquals(Optional.of(Symbol.LOW), Symbol.of("LOW"));
        assertEquals(Optional.of(Symbol.SUPPRESSED), Symbol.of("c"));
        for (String notASymbol : new String[] {null, "", "0", "n/a", "lo", "xz", ":"}) {
            assertEquals(Optional.empty(), Symbol.of(notASymbol), String.valueOf(notASymbol));
        }
    }

    @Test
    void onlyXAndZAreCouncilsToGiveTheRestAreDfesToPublish() {
        assertEquals(List.of(Symbol.UNAVAILABLE, Symbol.NOT_APPLICABLE),
                List.of(Symbol.values()).stream().filter(Symbol::givenByCouncils).toList());
    }

    @Test
    void aStoredCodeIsItsSymbolAndNoCodeIsNoSymbol() {
        assertNull(Symbol.stored(null));
        assertNull(Symbol.codeOf(null));
        for (Symbol symbol : Symbol.values()) {
            assertEquals(symbol, Symbol.stored(Symbol.codeOf(symbol)));
        }
        assertThrows(IllegalStateException.class, () -> Symbol.stored("0"), "a stored code that is no symbol is a fault, not a blank");
    }

    @Test
    void eachSymbolIsSaidInWordsNeverAsANumber() {
        assertEquals("suppressed (small numbers)", Symbol.SUPPRESSED.words());
        assertEquals("under 0.5", Symbol.LOW.words());
        assertEquals(List.of("c", "x", "z", "low", "u"), List.of(Symbol.values()).stream().map(Symbol::code).toList());
        assertTrue(List.of(Symbol.values()).stream().map(Symbol::words).noneMatch(w -> w.matches("[0-9.]+")), "a word, never a bare number");
        assertFalse(Symbol.UNAVAILABLE.words().isBlank());
    }
}
