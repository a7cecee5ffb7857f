package exchange.workforce;

import exchange.workforce.config.Settings;
import exchange.workforce.database.DatabaseBootstrap;
import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.database.Migrations;
import exchange.workforce.published.BundledStatistics;
import exchange.workforce.worker.PseudonymKeyLocation;
import exchange.workforce.worker.PseudonymKeys;
import exchange.workforce.worker.PseudonymRotation;
import exchange.workforce.worker.Pseudonymiser;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code migrate [--no-baseline]}: the one step that needs the owner's credentials, run once per release as a
 * Kubernetes Job or a compose one-shot service, so that serving replicas hold only the application role's.
 * It migrates the schema, re-keys stored pseudonyms to the key file's newest version, and (unless told not to)
 * loads the DfE statistics bundled in the image when none have been imported, so that a new installation's
 * benchmarks have DfE's baseline from the first day. Safe to run again: each part does only what is missing.
 */
public final class MigrateCommand {

    private MigrateCommand() {
    }

    /** @return the process exit code: 0 done, 2 usage */
    public static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        boolean baseline = true;
        for (String arg : args) {
            if (arg.equals("--no-baseline")) {
                baseline = false;
            } else {
                err.println("Usage: java -jar platform.jar migrate [--no-baseline]");
                err.println("Needs WFX_DATABASE_URL, WFX_DATABASE_USER/PASSWORD, WFX_DATABASE_OWNER_USER/PASSWORD and, in "
                        + "production, WFX_PSEUDONYM_KEY_FILE (or none of the database settings, for the embedded database).");
                return 2;
            }
        }
        Pseudonymiser pseudonymiser = new Pseudonymiser(PseudonymKeys.load(
                PseudonymKeyLocation.prepare(settings, out), settings.mode() == Settings.Mode.LOCAL));
        DatabaseBootstrap.Prepared database = DatabaseBootstrap.forMigration(settings);
        try {
            int applied = Migrations.apply(database.connection());
            out.println("Schema: " + applied + " migration(s) applied; the schema is current.");
            int rekeyed = PseudonymRotation.apply(database.connection(), pseudonymiser);
            out.println("Pseudonyms: " + rekeyed + " re-keyed to key version " + pseudonymiser.currentVersion() + ".");
            if (baseline) {
                int loaded = BundledStatistics.loadIfNothingImported(database.connection());
                out.println(loaded == 0 ? "DfE baseline: every bundled publication already imported, nothing loaded."
                        : "DfE baseline: " + loaded + " bundled file(s) loaded.");
            }
        } finally {
            database.embedded().ifPresent(EmbeddedDatabase::close);
        }
        return 0;
    }
}
