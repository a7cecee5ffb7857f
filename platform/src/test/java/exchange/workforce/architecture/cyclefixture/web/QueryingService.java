package exchange.workforce.architecture.cyclefixture.web;

import java.sql.Connection;
import java.sql.SQLException;

/** Writes its own SQL instead of asking a DAO: the SQL rule must report it. */
public class QueryingService {

    public int count(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select count(*) from authority"); var rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
