package exchange.workforce.worker;

import exchange.workforce.database.DatabaseConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings every stored pseudonym to the current key version, at start-up and as the table owner, in one
 * transaction under an advisory lock (replicas starting together rotate once). Links survive: equal
 * pseudonyms stay equal, because each is re-keyed the same way.
 */
public final class PseudonymRotation {

    static final List<String> TABLES = List.of("engagement", "reference_request", "reference", "placement_review", "agency_leaver", "agency_assignment");

    private PseudonymRotation() {
    }

    /**
     * For a serving replica without the owner's credentials: refuses to start if any stored pseudonym is under an
     * older key version than the key file's newest (the migrate step rotates them), since new entries of the same
     * worker would then not match the stored ones. Reads key versions only, through pseudonym_key_versions().
     */
    public static void requireCurrent(DatabaseConnection database, Pseudonymiser pseudonymiser) {
        try (Connection application = DriverManager.getConnection(database.url(), database.application().user(),
                database.application().password())) {
            java.util.OptionalInt stored = new PseudonymDao(application).oldestKeyVersion();
            int oldest = stored.orElse(pseudonymiser.currentVersion());
            if (oldest < pseudonymiser.currentVersion()) {
                throw new exchange.workforce.config.ConfigurationProblem("Stored pseudonyms are under key version " + oldest
                        + " and the key file's newest is " + pseudonymiser.currentVersion() + ". Run the migration step "
                        + "(java -jar platform.jar migrate, with the owner's credentials and the same key file) to rotate them first.");
            }
        } catch (SQLException e) {
            throw new exchange.workforce.config.ConfigurationProblem("Could not check the pseudonyms' key version: " + e.getMessage(), e);
        }
    }

    /** @return how many rows were re-keyed */
    public static int apply(DatabaseConnection database, Pseudonymiser pseudonymiser) {
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner().user(), database.owner().password())) {
            owner.setAutoCommit(false);
            PseudonymDao pseudonyms = new PseudonymDao(owner);
            pseudonyms.lockRotation();
            int rekeyed = 0;
            for (String table : TABLES) {
                rekeyed += rotate(pseudonyms, table, pseudonymiser);
            }
            owner.commit();
            return rekeyed;
        } catch (SQLException e) {
            throw new exchange.workforce.config.ConfigurationProblem("Could not rotate worker pseudonyms: " + e.getMessage(), e);
        }
    }

    private static int rotate(PseudonymDao pseudonyms, String table, Pseudonymiser pseudonymiser) throws SQLException {
        int current = pseudonymiser.currentVersion();
        List<PseudonymDao.Stale> stale = pseudonyms.stale(table, current);
        List<String> rekeyed = new ArrayList<>();
        for (PseudonymDao.Stale old : stale) {
            String pseudonym = old.pseudonym();
            for (int version = old.keyVersion() + 1; version <= current; version++) {
                pseudonym = pseudonymiser.rekey(pseudonym, version);
            }
            rekeyed.add(pseudonym);
        }
        return pseudonyms.rekey(table, stale, rekeyed, current);
    }
}
