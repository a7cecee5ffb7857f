package exchange.workforce.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DfE's 2025 statistical neighbours model as bundled: ten neighbours each, in DfE's order. */
class StatisticalNeighboursTest {

    final StatisticalNeighbours neighbours = new StatisticalNeighbours();

    @Test
    void kentHasItsTenNeighboursInDfesOrderAndAnUnknownNumberHasNone() {
        // DfE's file, row 886 (Kent): Essex, East Sussex, Devon, Bexley, Suffolk, Norfolk, Nottinghamshire, West Sussex, Bedford, Somerset
        assertEquals(Optional.of(List.of("881", "845", "878", "303", "935", "926", "891", "938", "822", "933")), neighbours.of("886"));
        assertEquals(Optional.empty(), neighbours.of("999"));
        assertEquals(Optional.empty(), neighbours.of(null));
    }
}
