package exchange.workforce.measures;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Pages say measures and breakdowns in words: the catalogue's labels for its codes, wherever a message names one. */
class MeasuresInWordsTest {

    static final MeasureCatalogue CATALOGUE = new MeasureCatalogue(JsonMapper.createDefault());

    @Test
    void aRulesMessageNamesMeasuresByTheirLabels() {
        assertEquals("‘Case-holding social workers’ is 400 but ‘Children and family social workers in post’ + ‘Agency workers’ is 390",
                CATALOGUE.inWords("case_holders_fte is 400 but inpost_fte + agency_fte is 390"));
        assertEquals("‘Leavers (headcount)’ cannot be fewer than 2", CATALOGUE.inWords("leavers_headcount cannot be fewer than 2"),
                "a code is read whole");
        assertEquals("inpost_fteX and the word leavers stay as they are", CATALOGUE.inWords("inpost_fteX and the word leavers stay as they are"));
        assertNull(CATALOGUE.inWords(null));
    }

    @Test
    void aBreakdownIsItsDimensionsLabelAndTheValueInWords() {
        assertEquals("Reason for leaving: Resignation", CATALOGUE.breakdownWords("leaving_reason=RESIGNATION"));
        assertEquals("", CATALOGUE.breakdownWords(""));
        assertEquals("Children and family social workers in post", CATALOGUE.label("inpost_fte"));
        assertEquals("no_such_measure", CATALOGUE.label("no_such_measure"), "a code the catalogue no longer has is shown as it is");
        assertEquals("Child in need and protection", MeasureCatalogue.words("CHILD_IN_NEED_AND_PROTECTION"));
        assertEquals("Newly qualified ASYE", MeasureCatalogue.words("NEWLY_QUALIFIED_ASYE"));
    }
}
