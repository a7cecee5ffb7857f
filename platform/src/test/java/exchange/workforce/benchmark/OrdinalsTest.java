package exchange.workforce.benchmark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A council's rank reads as English does: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 111th. */
class OrdinalsTest {

    @Test
    void ranksReadAsEnglishDoes() {
        assertEquals("1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th 112th",
                String.join(" ", java.util.stream.IntStream.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112)
                        .mapToObj(CouncilTrend::ordinal).toList()));
    }
}
