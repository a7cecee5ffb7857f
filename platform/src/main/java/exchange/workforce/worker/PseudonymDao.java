package exchange.workforce.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The SQL of the pseudonyms' key versions ({@link PseudonymRotation}), on the connection it is given. */
final class PseudonymDao {

    /** A stored pseudonym under an older key version. */
    record Stale(String pseudonym, int keyVersion) {
    }

    private final Connection connection;

    PseudonymDao(Connection connection) {
        this.connection = connection;
    }

    /** The oldest key version any stored pseudonym is under, through pseudonym_key_versions() (no rows read); empty if none. */
    OptionalInt oldestKeyVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select min(key_version) from pseudonym_key_versions()")) {
            row.next();
            int oldest = row.getInt(1);
            return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(oldest);
        }
    }

    /** Holds every other rotation back until this transaction ends. */
    void lockRotation() throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("select pg_advisory_xact_lock(hashtext('pseudonym-rotation'))");
        }
    }

    /** The table's distinct pseudonyms under a key version older than the current one. */
    List<Stale> stale(String table, int current) throws SQLException {
        List<Stale> stale = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select distinct worker_pseudonym, key_version from " + table + " where key_version < ?")) {
            select.setInt(1, current);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stale.add(new Stale(rows.getString(1), rows.getInt(2)));
                }
            }
        }
        return stale;
    }

    /** Re-keys each of the table's stale pseudonyms to its new one; how many rows changed. */
    int rekey(String table, List<Stale> stale, List<String> rekeyed, int current) throws SQLException {
        int rows = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update " + table + " set worker_pseudonym = ?, key_version = ? where worker_pseudonym = ? and key_version = ?")) {
            for (int i = 0; i < stale.size(); i++) {
                update.setString(1, rekeyed.get(i));
                update.setInt(2, current);
                update.setString(3, stale.get(i).pseudonym());
                update.setInt(4, stale.get(i).keyVersion());
                rows += update.executeUpdate();
            }
        }
        return rows;
    }
}
