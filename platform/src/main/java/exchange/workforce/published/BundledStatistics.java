package exchange.workforce.published;

import exchange.workforce.database.DatabaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads the DfE files shipped with the platform when none have been imported: on a first local start, and in
 * production by the migrate step, so that benchmarks have DfE's baseline from the first day.
 */
public final class BundledStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(BundledStatistics.class);

    private BundledStatistics() {
    }

    /** @return how many files were loaded (0 if statistics were already imported) */
    public static int loadIfNothingImported(DatabaseConnection database) {
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner().user(), database.owner().password())) {
            try (Statement statement = owner.createStatement(); ResultSet rows = statement.executeQuery("select count(*) from published_import")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return 0;
                }
            }
            for (String file : Publications.BUNDLED) {
                try (InputStream in = BundledStatistics.class.getResourceAsStream("/dfe/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("The bundled file dfe/" + file + " is missing from the build");
                    }
                    LOG.info("Bundled DfE statistics: {}", PublishedStatisticsImporter.importFile(owner, file, in.readAllBytes()).summary());
                }
            }
            return Publications.BUNDLED.size();
        } catch (SQLException | IOException e) {
            throw new exchange.workforce.config.ConfigurationProblem("Could not load the bundled DfE statistics: " + e.getMessage(), e);
        }
    }
}
