package exchange.workforce.published;

import exchange.workforce.adapters.dfe.EesFile;
import exchange.workforce.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishedStatisticsImportTest {

    @BeforeEach
    void empty() {
        TestDatabase.shared().clean();
    }

    static byte[] bundled(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(PublishedStatisticsImportTest.class.getResourceAsStream("/dfe/" + file))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csww_indicators_2017_to_2023.csv", "cin_referrals_2013_to_2023.csv",
            "children_in_need_2013_to_2023.csv", "child_protection_plans_2013_to_2023.csv", "csww_indicators_2017_to_2024.csv",
            "cin_referrals_2013_to_2024.csv", "children_in_need_2013_to_2024.csv", "child_protection_plans_2013_to_2024.csv"})
    void everyRowIsAccountedForEverySymbolSurvivesAndASecondImportChangesNothing(String file) throws Exception {
        byte[] bytes = bundled(file);
        EesFile.Contents contents = EesFile.read(new ByteArrayInputStream(bytes));
        long figures = contents.rows().stream().mapToLong(r -> r.values().size()).sum();
        Map<String, Long> symbolsInFile = contents.rows().stream().flatMap(r -> r.values().stream())
                .filter(v -> v.symbol() != null)
                .collect(Collectors.groupingBy(v -> v.symbol().name(), Collectors.counting()));

        try (Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.Report first = PublishedStatisticsImporter.importFile(owner, file, bytes);
            assertEquals(contents.linesRead(), first.rowsRead());
            assertEquals(first.rowsRead(), first.rowsStored() + first.skipped().stream().map(EesFile.Skipped::line).distinct().count(),
                    "every row is stored or skipped with a reason");
            assertEquals(figures, first.valuesNew());
            String publication = Publications.recognise(contents.measures()).code();
            assertEquals(symbolsInFile, symbolsStored(owner, publication), "each symbol's count is preserved exactly");
            assertEquals(0, count(owner, "select count(*) from published_statistic where publication = '" + publication
                    + "' and symbol is not null and value is not null"), "a symbol is never a number");

            PublishedStatisticsImporter.Report second = PublishedStatisticsImporter.importFile(owner, file, bytes);
            assertEquals(0, second.valuesNew());
            assertEquals(0, second.valuesChanged());
            assertEquals(figures, second.valuesUnchanged());
        }
    }

    static final String HEADER = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
            + "old_la_code,new_la_code,la_name,inpost_fte\n";

    private static byte[] file(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRowUnderANewOnsCodeLandsOnTheAuthorityItsDfeNumberNames() throws Exception {
        try (Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.Report report = PublishedStatisticsImporter.importFile(owner, "csww_indicators_2025.csv", file(
                    "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E06000099,Kent,1000.5",
                    "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,887,E06000035,Medway,200.0"));
            assertEquals(2, report.valuesNew());
            assertEquals(1, count(owner, "select count(*) from published_statistic where area_code = 'E10000016' and value = 1000.5"),
                    "Kent's figure is Kent's, under the code the platform knows it by");
            assertEquals(0, count(owner, "select count(*) from published_statistic where area_code = 'E06000099'"));
            assertEquals(1, report.placedByNumber().size(), report.summary());
            assertTrue(report.summary().contains("placed by DfE number 886 as Kent (E10000016)"), report.summary());
        }
    }

    @Test
    void aRowNoKeyPlacesIsNamedAndTheFileRefusedUnlessToldToLeaveItOut() throws Exception {
        byte[] bytes = file("2025,Reporting year,Local authority,E92000001,England,E12000008,South East,999,E06000098,Atlantis,12.5",
                "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,887,E06000035,Medway,200.0");
        try (Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.UnplacedRows refused = assertThrows(PublishedStatisticsImporter.UnplacedRows.class,
                    () -> PublishedStatisticsImporter.importFile(owner, "csww_indicators_2025.csv", bytes));
            assertTrue(refused.getMessage().contains("line 2: Atlantis (E06000098, DfE number 999)"), refused.getMessage());
            assertTrue(refused.getMessage().contains("--skip-unplaced"), refused.getMessage());
            assertEquals(0, count(owner, "select count(*) from published_statistic"), "nothing stored");
            PublishedStatisticsImporter.Report report = PublishedStatisticsImporter.importFile(owner, "csww_indicators_2025.csv", bytes, true);
            assertEquals(1, count(owner, "select count(*) from published_statistic"), "Medway only");
            assertEquals(0, count(owner, "select count(*) from published_statistic where area_code = 'E06000098'"), "stored nowhere");
            assertTrue(report.summary().contains("left out (--skip-unplaced) line 2: Atlantis"), report.summary());
        }
    }

    @Test
    void aRevisionKeepsTheEarlierValueAndImportingTheOlderFileAgainChangesNothing() throws Exception {
        byte[] to2023 = file("2022,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,1000.5",
                "2023,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,1010.0");
        byte[] to2024 = file("2022,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,1002.0",
                "2023,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,1010.0",
                "2024,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,1020.0");
        try (Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.importFile(owner, "csww_indicators_2017_to_2023.csv", to2023);
            PublishedStatisticsImporter.Report revised = PublishedStatisticsImporter.importFile(owner, "csww_indicators_2017_to_2024.csv", to2024);
            assertEquals(1, revised.valuesChanged(), revised.summary());
            assertEquals(List.of("inpost_fte 2022 Kent: 1000.5 → 1002.0"), revised.revisions());
            assertTrue(revised.summary().contains("revised inpost_fte 2022 Kent: 1000.5 → 1002.0 (the earlier value is kept)"), revised.summary());
            assertEquals(1, count(owner, "select count(*) from published_revision where area_code = 'E10000016' and time_period = '2022' and value = 1000.5"));

            PublishedStatisticsImporter.Report older = PublishedStatisticsImporter.importFile(owner, "csww_indicators_2017_to_2023.csv", to2023);
            assertEquals(0, older.valuesChanged() + older.valuesNew(), older.summary());
            assertEquals(1, older.keptNewer(), older.summary());
            assertEquals(1, count(owner, "select count(*) from published_statistic where time_period = '2022' and value = 1002.0"),
                    "the newer publication's figure stands");
            assertEquals(1, count(owner, "select count(*) from published_revision"), "and nothing new is recorded as a revision");
        }
    }

    @Test
    void aRevisedFigureReplacesThePublishedOneAndIsCountedAsChanged() throws Exception {
        String header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
                + "old_la_code,new_la_code,la_name,inpost_fte\n";
        String kent = "2023,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,";
        try (Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.importFile(owner, "csww_indicators_2023.csv", (header + kent + "1000.5\n").getBytes(StandardCharsets.UTF_8));
            PublishedStatisticsImporter.Report revised = PublishedStatisticsImporter.importFile(owner, "csww_indicators_2023.csv",
                    (header + kent + "c\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(1, revised.valuesChanged());
            assertEquals(1, count(owner, "select count(*) from published_statistic where area_code = 'E10000016' and symbol = 'c' and value is null"));
        }
    }

    @Test
    void aFileInAnotherLayoutStoresNothing() throws Exception {
        try (Connection owner = TestDatabase.shared().asOwner()) {
            assertThrows(IllegalArgumentException.class, () -> PublishedStatisticsImporter.importFile(owner, "returns.csv",
                    "authority,inpost_fte\nKent,1\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, count(owner, "select count(*) from published_import"));
            assertEquals(0, count(owner, "select count(*) from published_statistic"));
        }
    }

    private static Map<String, Long> symbolsStored(Connection owner, String publication) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement statement = owner.createStatement(); ResultSet rows = statement.executeQuery(
                "select symbol, count(*) from published_statistic where publication = '" + publication + "' and symbol is not null group by symbol")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static long count(Connection owner, String sql) throws SQLException {
        try (Statement statement = owner.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
