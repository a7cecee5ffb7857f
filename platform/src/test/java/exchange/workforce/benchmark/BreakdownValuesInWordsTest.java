package exchange.workforce.benchmark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A council's own breakdowns are read in words on its page, not in the catalogue's codes. */
class BreakdownValuesInWordsTest {

    @Test
    void codesReadAsWordsWithTheirAbbreviationsKept() {
        assertEquals("Child in need and protection", RetentionLevers.words("CHILD_IN_NEED_AND_PROTECTION"));
        assertEquals("30 to 39", RetentionLevers.words("30_TO_39"));
        assertEquals("ASYE to social worker", RetentionLevers.words("ASYE_TO_SOCIAL_WORKER"));
        assertEquals("Maidstone", RetentionLevers.words("MAIDSTONE"));
        assertEquals("", RetentionLevers.words(""));
    }
}
