package exchange.workforce.published;

import exchange.workforce.database.DatabaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Loads the DfE (and ONS) files shipped with the platform for each publication nothing has been imported for: on a
 * first local start, and in production by the migrate step, so that benchmarks have the baseline from the first day,
 * and a publication the platform comes to know later (ONS's population) arrives with the release that knows it. A
 * publication already imported is left alone: a newer file an operator imported is never replaced by the bundled one.
 */
public final class BundledStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(BundledStatistics.class);

    private BundledStatistics() {
    }

    /** @return how many files were loaded (0 if every bundled publication was already imported) */
    public static int loadIfNothingImported(DatabaseConnection database) {
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner().user(), database.owner().password())) {
            java.util.Set<String> imported = PublishedImportDao.importedPublications(owner);
            int loaded = 0;
            for (String file : Publications.BUNDLED) {
                try (InputStream in = BundledStatistics.class.getResourceAsStream("/dfe/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("The bundled file dfe/" + file + " is missing from the build");
                    }
                    byte[] bytes = in.readAllBytes();
                    if (imported.contains(Publications.of(bytes).code())) {
                        continue;
                    }
                    LOG.info("Bundled statistics: {}", PublishedStatisticsImporter.importFile(owner, file, bytes).summary());
                    loaded++;
                }
            }
            return loaded;
        } catch (SQLException | IOException e) {
            throw new exchange.workforce.config.ConfigurationProblem("Could not load the bundled DfE statistics: " + e.getMessage(), e);
        }
    }
}
