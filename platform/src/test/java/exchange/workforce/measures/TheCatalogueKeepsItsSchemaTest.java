package exchange.workforce.measures;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The measure catalogue the platform reads is what its schema (schemas/measures/catalogue.schema.json) says it is. */
class TheCatalogueKeepsItsSchemaTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = Objects.requireNonNull(TheCatalogueKeepsItsSchemaTest.class.getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> broken(String catalogue) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/measures/catalogue.schema.json"), InputFormat.JSON);
        return schema.validate(catalogue, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @Test
    void theCommittedCatalogueKeepsEveryRuleOfItsSchema() throws IOException {
        assertEquals(List.of(), broken(resource(MeasureCatalogue.RESOURCE)));
    }

    @Test
    void aCatalogueWithAnUnknownUnitOrADerivedMeasureWithoutAFormulaIsRefused() throws IOException {
        String committed = resource(MeasureCatalogue.RESOURCE);
        assertFalse(broken(committed.replaceFirst("\"unit\": \"percent\"", "\"unit\": \"per cent\"")).isEmpty(), "an unknown unit");
        assertFalse(broken(committed.replaceFirst("\"formula\": \\{", "\"formulae\": {")).isEmpty(), "a derived measure with no formula");
    }
}
