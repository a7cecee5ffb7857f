package exchange.workforce.worker;

import exchange.workforce.database.DatabaseConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
                database.application().password());
             Statement statement = application.createStatement();
             java.sql.ResultSet row = statement.executeQuery("select min(key_version) from pseudonym_key_versions()")) {
            row.next();
            int oldest = row.getInt(1);
            if (!row.wasNull() && oldest < pseudonymiser.currentVersion()) {
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
            try (Statement lock = owner.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('pseudonym-rotation'))");
            }
            int rekeyed = 0;
            for (String table : TABLES) {
                rekeyed += rotate(owner, table, pseudonymiser);
            }
            owner.commit();
            return rekeyed;
        } catch (SQLException e) {
            throw new exchange.workforce.config.ConfigurationProblem("Could not rotate worker pseudonyms: " + e.getMessage(), e);
        }
    }

    private static int rotate(Connection owner, String table, Pseudonymiser pseudonymiser) throws SQLException {
        int current = pseudonymiser.currentVersion();
        List<String[]> stale = new ArrayList<>();
        try (PreparedStatement select = owner.prepareStatement(
                "select distinct worker_pseudonym, key_version from " + table + " where key_version < ?")) {
            select.setInt(1, current);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stale.add(new String[] {rows.getString(1), Integer.toString(rows.getInt(2))});
                }
            }
        }
        int rows = 0;
        try (PreparedStatement update = owner.prepareStatement(
                "update " + table + " set worker_pseudonym = ?, key_version = ? where worker_pseudonym = ? and key_version = ?")) {
            for (String[] old : stale) {
                String pseudonym = old[0];
                for (int version = Integer.parseInt(old[1]) + 1; version <= current; version++) {
                    pseudonym = pseudonymiser.rekey(pseudonym, version);
                }
                update.setString(1, pseudonym);
                update.setInt(2, current);
                update.setString(3, old[0]);
                update.setInt(4, Integer.parseInt(old[1]));
                rows += update.executeUpdate();
            }
        }
        return rows;
    }
}
