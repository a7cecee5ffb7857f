package exchange.workforce.adapters.dfe;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EesFileTest {

    static final String HEADER = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
            + "region_name,old_la_code,new_la_code,la_name,inpost_fte,leavers_fte\n";

    static EesFile.Contents read(String text) throws IOException {
        return EesFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static EesFile.Contents bundled(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(EesFile.class.getResourceAsStream("/dfe/" + file))) {
            return EesFile.read(in);
        }
    }

    @Test
    void everyLineOfTheWorkforceFileIsReadAndEverySymbolKeptAsPublished() throws IOException {
        EesFile.Contents contents = bundled("csww_indicators_2017_to_2023.csv");
        assertEquals(1137, contents.linesRead());
        assertEquals(1137, contents.rows().size());
        assertEquals(0, contents.skipped().size());
        Map<PublishedValue.Symbol, Long> symbols = contents.rows().stream().flatMap(r -> r.values().stream())
                .filter(v -> v.symbol() != null).collect(Collectors.groupingBy(PublishedValue::symbol, Collectors.counting()));
        // counted independently from the file with a script: z 61, x 46, u 33, c 8, low 6
        assertEquals(Map.of(PublishedValue.Symbol.z, 61L, PublishedValue.Symbol.x, 46L, PublishedValue.Symbol.u, 33L,
                PublishedValue.Symbol.c, 8L, PublishedValue.Symbol.low, 6L), symbols);
    }

    @Test
    void regionalAndNationalRowsAreKeptAsComparatorsWithTheirOwnCodes() throws IOException {
        EesFile.Contents contents = bundled("csww_indicators_2017_to_2023.csv");
        PublishedRow england2023 = contents.rows().stream()
                .filter(r -> r.level().equals("National") && r.timePeriod().equals("2023")).findFirst().orElseThrow();
        assertEquals("E92000001", england2023.areaCode());
        assertEquals("33119.1", england2023.values().stream().filter(v -> v.measure().equals("inpost_fte")).findFirst().orElseThrow().value().toPlainString());
        assertTrue(contents.rows().stream().anyMatch(r -> r.level().equals("Regional") && r.areaCode().equals("E13000001")), "Inner London");
    }

    @Test
    void aJointReturnKeepsItsJointCode() throws IOException {
        assertTrue(bundled("csww_indicators_2017_to_2023.csv").rows().stream()
                .anyMatch(r -> r.areaCode().equals("E09000021 / E09000027")));
    }

    @Test
    void aByteOrderMarkIsIgnored() throws IOException {
        EesFile.Contents contents = read("\uFEFF" + HEADER + "2023,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,100.5,c\n");
        assertEquals(1, contents.rows().size());
        assertEquals(PublishedValue.Symbol.c, contents.rows().get(0).values().get(1).symbol());
        assertNull(contents.rows().get(0).values().get(1).value(), "a symbol is never a number");
    }

    @Test
    void anythingUnreadableIsSkippedWithItsLineColumnAndReason() throws IOException {
        EesFile.Contents contents = read(HEADER
                + "2023,Reporting year,Ward,E92000001,England,,,,,,1,2\n"
                + "2023,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,lots,\n"
                + "2023,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent\n");
        assertEquals(3, contents.linesRead());
        assertEquals(1, contents.rows().size(), "Kent's row is kept with the figures that could be read");
        assertEquals(4, contents.skipped().size(), contents.skipped().toString());
        assertEquals(new EesFile.Skipped(2, "geographic_level", "'Ward' is not National, Regional or Local authority"), contents.skipped().get(0));
        assertEquals(3, contents.skipped().get(1).line());
        assertEquals("inpost_fte", contents.skipped().get(1).column());
        assertEquals("'lots' is neither a number nor a DfE symbol (c, x, z, low, u)", contents.skipped().get(1).reason());
        assertEquals(new EesFile.Skipped(3, "leavers_fte", "is empty (DfE marks a missing figure with x)"), contents.skipped().get(2));
    }

    @Test
    void aFileInAnotherLayoutIsRefusedSayingWhatIsMissing() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> read("la,inpost\nKent,1\n"));
        assertTrue(refused.getMessage().contains("time_period"));
    }
}
