package exchange.workforce;

import exchange.workforce.config.Settings;
import exchange.workforce.database.DatabaseBootstrap;
import exchange.workforce.database.EmbeddedDatabase;
import exchange.workforce.retention.Retention;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code retention}: deletes what is past the memorandum's retention period, as the owner of the tables, once. In
 * production a scheduled job (a Kubernetes CronJob) runs it nightly, since serving replicas hold no owner credentials.
 */
public final class RetentionCommand {

    private RetentionCommand() {
    }

    /** @return the process exit code: 0 done, 2 usage */
    public static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("Usage: java -jar platform.jar retention   (with the same database settings as migrate)");
            return 2;
        }
        DatabaseBootstrap.Prepared database = DatabaseBootstrap.forMigration(settings);
        try {
            Map<String, Long> deleted = Retention.purge(database.connection());
            out.println(deleted.isEmpty() ? "Retention: another run is purging; nothing done." : "Retention: deleted " + deleted + ".");
        } finally {
            database.embedded().ifPresent(EmbeddedDatabase::close);
        }
        return 0;
    }
}
