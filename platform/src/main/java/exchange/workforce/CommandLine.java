package exchange.workforce;

import exchange.workforce.config.Settings;
import exchange.workforce.identity.TokenCommand;
import exchange.workforce.published.ImportCommand;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code java -jar platform.jar ...} does with its arguments: serve (no command), or run one command.
 * Every command answers {@code --help}; {@code --help} and {@code --version} on their own never start anything.
 */
final class CommandLine {

    /** Returned when the arguments mean: start the service. */
    static final int SERVE = -1;

    static final Map<String, String> USAGE = usage();

    private CommandLine() {
    }

    private static Map<String, String> usage() {
        Map<String, String> usage = new LinkedHashMap<>();
        usage.put("(none)", "java -jar platform.jar\n    Serve the API on MICRONAUT_SERVER_PORT (8080), with the embedded PostgreSQL unless "
                + "WFX_DATABASE_URL is set. Configuration: README.md.");
        usage.put("migrate", "java -jar platform.jar migrate [--no-baseline]\n    As the owner of the tables: apply the schema's "
                + "migrations, re-key pseudonyms to the newest key, load DfE's bundled statistics if none are imported.");
        usage.put("retention", "java -jar platform.jar retention\n    As the owner of the tables: delete what is past the "
                + "memorandum's retention period (nightly in production).");
        usage.put("import", "java -jar platform.jar import dfe [--skip-unplaced] (FILE [FILE ...] | --bundled)\n    Import DfE "
                + "explore-education-statistics CSVs, all or nothing; importing the same file twice, or an older one after a newer, "
                + "changes nothing; a revised figure keeps its earlier value; a row naming no authority refuses the file unless "
                + "--skip-unplaced.");
        usage.put("token", "java -jar platform.jar token --user NAME (--authority CODE | --region CODE) --roles ROLE[,ROLE] "
                + "[--hours N]\n    Local mode: sign a token with the platform's own issuer.");
        return usage;
    }

    /** @return the exit code, or {@link #SERVE} */
    static int run(List<String> arguments, Supplier<Settings> settings, PrintStream out, PrintStream err) {
        String first = arguments.isEmpty() ? "" : arguments.get(0);
        List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            out.println("Workforce Exchange " + version() + ". Commands:");
            USAGE.values().forEach(text -> out.println("  " + text));
            return 0;
        }
        if (first.equals("--version")) {
            out.println("Workforce Exchange " + version());
            return 0;
        }
        if (USAGE.containsKey(first) && (rest.contains("--help") || rest.contains("-h"))) {
            out.println("Usage: " + USAGE.get(first));
            return 0;
        }
        return switch (first) {
            case "token" -> TokenCommand.run(rest, settings.get(), out, err);
            case "import" -> ImportCommand.run(rest, settings.get(), out, err);
            case "migrate" -> MigrateCommand.run(rest, settings.get(), out, err);
            case "retention" -> RetentionCommand.run(rest, settings.get(), out, err);
            case "" -> SERVE;
            default -> {
                if (first.startsWith("-") && !first.startsWith("--")) {
                    err.println("Unknown option '" + first + "'. Try --help.");
                    yield 2;
                }
                if (first.startsWith("--")) {
                    yield SERVE; // Micronaut's own options, e.g. --micronaut.server.port=9090
                }
                err.println("Unknown command '" + first + "'. Commands: migrate, retention, import, token; none to serve; --help for more.");
                yield 2;
            }
        };
    }

    static String version() {
        String version = CommandLine.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
