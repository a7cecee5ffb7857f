package exchange.workforce.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The OpenAPI spec committed in schemas/openapi is the one the code generates. When an endpoint changes,
 * refresh it with: ./mvnw -pl platform -am test -Dtest=OpenApiSpecTest -Dopenapi.update=true -Dsurefire.failIfNoSpecifiedTests=false
 */
class OpenApiSpecTest {

    static final Path COMMITTED = Path.of("..", "schemas", "openapi", "workforce-exchange.yml");

    @Test
    void theCommittedSpecIsTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/workforce-exchange-v1.yml")) {
            assertNotNull(in, "the build did not generate an OpenAPI spec");
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "",
                "schemas/openapi/workforce-exchange.yml is out of date; refresh it as this test's comment says");
    }
}
