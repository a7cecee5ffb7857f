package exchange.workforce;

import exchange.workforce.config.Settings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line answers --help and --version without starting anything, and names its commands when mistyped. */
class CommandLineTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** Help must not need configuration: reading it here fails the test. */
    final Supplier<Settings> noSettings = () -> {
        throw new AssertionError("help and version read no configuration");
    };

    private int run(String... arguments) {
        return CommandLine.run(List.of(arguments), noSettings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndStartsNothing() {
        assertEquals(0, run("--help"));
        for (String command : List.of("migrate", "retention", "import dfe", "token --user")) {
            assertTrue(printed().contains("platform.jar " + command), command + " in: " + printed());
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        for (String command : List.of("migrate", "retention", "import", "token")) {
            out.reset();
            assertEquals(0, run(command, "--help"), command);
            assertTrue(printed().startsWith("Usage: java -jar platform.jar " + command), printed());
        }
    }

    @Test
    void versionIsPrinted() {
        assertEquals(0, run("--version"));
        assertTrue(printed().startsWith("Workforce Exchange "), printed());
    }

    @Test
    void anUnknownCommandIsRefusedNamingTheCommandsAndNoArgumentsMeansServe() {
        assertEquals(2, run("frobnicate"));
        assertTrue(printed().contains("Unknown command 'frobnicate'") && printed().contains("migrate, retention, import, token"), printed());
        assertEquals(CommandLine.SERVE, run());
    }
}
