package exchange.workforce.benchmark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each authority's ten statistical neighbours, by DfE number (DfE's 2025 model, bundled; Open Government Licence). */
@jakarta.inject.Singleton
public class StatisticalNeighbours {

    private final Map<String, List<String>> byDfeNumber = new HashMap<>();

    StatisticalNeighbours() {
        try (InputStream in = StatisticalNeighbours.class.getResourceAsStream("/dfe/statistical_neighbours_2025.csv")) {
            if (in == null) {
                throw new IllegalStateException("The statistical neighbours file is missing from the build");
            }
            InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                List<String> neighbours = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    neighbours.add(record.get("SN_" + i).trim());
                }
                String number = record.get(0).replace("\uFEFF", "").trim();
                byDfeNumber.put(number, neighbours);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DfE numbers of the authority's ten neighbours, closest first. */
    public Optional<List<String>> of(String dfeNumber) {
        return Optional.ofNullable(byDfeNumber.get(dfeNumber));
    }
}
