package exchange.workforce.measures;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue is data, and consistent: formulas name real measures, breakdowns name real dimensions. */
@MicronautTest(transactional = false)
class MeasureCatalogueTest extends PlatformTest {

    List<Map<String, Object>> measures;
    Set<String> codes;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void catalogue() throws Exception {
        Api.Answer answer = api.get("/api/v1/measures", Tokens.authorityUser("v", "E10000016", Role.AUTHORITY_VIEWER));
        assertEquals(200, answer.status());
        measures = (List<Map<String, Object>>) answer.get("measures");
        codes = measures.stream().map(m -> (String) m.get("code")).collect(Collectors.toSet());
        Set<String> dimensionCodes = ((List<Map<String, Object>>) answer.get("dimensions")).stream()
                .map(d -> (String) d.get("code")).collect(Collectors.toSet());
        for (Map<String, Object> measure : measures) {
            for (Object dimension : (List<Object>) measure.getOrDefault("dimensions", List.of())) {
                assertTrue(dimensionCodes.contains(dimension), measure.get("code") + " names an unknown dimension " + dimension);
            }
        }
    }

    @Test
    void everyCodeIsUnique() {
        assertEquals(measures.size(), codes.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDerivedRateIsAFormulaOverMeasuresThatAreTypedIn() {
        for (Map<String, Object> measure : measures) {
            if (!"derived".equals(measure.get("kind"))) {
                continue;
            }
            Map<String, Object> formula = (Map<String, Object>) measure.get("formula");
            Set<String> components = new HashSet<>((List<String>) formula.get("numerator"));
            components.addAll((List<String>) formula.get("denominator"));
            for (String component : components) {
                assertTrue(codes.contains(component), measure.get("code") + " uses unknown " + component);
                assertTrue(measures.stream().anyMatch(m -> m.get("code").equals(component) && !"derived".equals(m.get("kind"))),
                        component + " must be a typed-in component, not another rate");
            }
        }
    }

    @Test
    void everyWorkforceMeasureDfePublishesIsInTheCatalogueUnderDfesName() throws Exception {
        String header;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/csww_indicators_2017_to_2023.csv"))) {
            header = new String(in.readNBytes(2000), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        }
        List<String> columns = List.of(header.split(","));
        List<String> published = columns.subList(columns.indexOf("la_name") + 1, columns.size()).stream()
                .filter(c -> !c.endsWith("_headcount") || codes.contains(c))
                .filter(c -> !c.startsWith("turnover_rate_headcount") && !c.startsWith("agency_rate_headcount")).toList();
        List<String> missing = published.stream().filter(c -> !codes.contains(c)).toList();
        assertEquals(List.of(), missing);
    }
}
