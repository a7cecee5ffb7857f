package exchange.workforce.published;

import exchange.workforce.config.Settings;
import exchange.workforce.database.DatabaseBootstrap;
import exchange.workforce.database.DatabaseConnection;
import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.database.Migrations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code import dfe FILE…}: imports DfE explore-education-statistics files as published statistics and prints
 * what it read, stored and skipped. Uses the configured database, or the embedded one of the data directory:
 * the running service's if it is up, else it starts it for the import.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    private static byte[] bundledFile(String name) throws IOException {
        try (java.io.InputStream in = ImportCommand.class.getResourceAsStream("/dfe/" + name)) {
            if (in == null) {
                throw new NoSuchFileException("dfe/" + name + " inside the platform");
            }
            return in.readAllBytes();
        }
    }

    /** @return the process exit code: 0 all imported, 1 some file refused, 2 usage */
    public static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        boolean skipUnplaced = args.contains("--skip-unplaced");
        args = args.stream().filter(a -> !a.equals("--skip-unplaced")).toList();
        if (args.size() < 2 || !args.get(0).equals("dfe")) {
            err.println("Usage: java -jar platform.jar import dfe [--skip-unplaced] (FILE [FILE ...] | --bundled)");
            err.println("FILE is a DfE explore-education-statistics CSV, e.g. csww_indicators_2017_to_2023.csv;");
            err.println("--bundled imports the DfE files shipped inside the platform (" + String.join(", ", Publications.BUNDLED) + ").");
            err.println("A row naming no authority the platform knows (by ONS code or DfE number) refuses its file;");
            err.println("--skip-unplaced stores the rest and names the rows left out.");
            return 2;
        }
        boolean bundled = args.size() == 2 && args.get(1).equals("--bundled");
        Optional<DatabaseBootstrap.Prepared> started = Optional.empty();
        DatabaseConnection database;
        if (settings.databaseUrl().isEmpty()) {
            Optional<DatabaseConnection> running = EmbeddedDatabase.running(settings.dataDirectory().resolve("postgres"));
            if (running.isPresent()) {
                database = running.get();
            } else {
                started = Optional.of(DatabaseBootstrap.forMigration(settings));
                database = started.get().connection();
                Migrations.apply(database);
            }
        } else {
            database = DatabaseBootstrap.forMigration(settings).connection();
            Migrations.apply(database);
        }
        int exit = 0;
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner().user(), database.owner().password())) {
            for (String name : bundled ? Publications.BUNDLED : args.subList(1, args.size())) {
                Path file = Path.of(name);
                try {
                    long began = System.nanoTime();
                    byte[] content = bundled ? bundledFile(name) : Files.readAllBytes(file);
                    String summary = PublishedStatisticsImporter.importFile(owner, file.getFileName().toString(), content, skipUnplaced).summary();
                    out.println(summary + String.format(java.util.Locale.ROOT, " [%d ms]", (System.nanoTime() - began) / 1_000_000));
                } catch (NoSuchFileException e) {
                    err.println(name + ": there is no such file.");
                    exit = 1;
                } catch (IllegalArgumentException | IOException e) {
                    err.println(name + ": not imported, nothing stored. " + e.getMessage());
                    exit = 1;
                }
            }
        } catch (SQLException e) {
            err.println("The import failed and stored nothing: " + e.getMessage());
            exit = 1;
        } finally {
            started.flatMap(DatabaseBootstrap.Prepared::embedded).ifPresent(EmbeddedDatabase::close);
        }
        return exit;
    }
}
