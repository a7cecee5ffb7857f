package exchange.workforce.reference;

import exchange.workforce.worker.Pseudonym;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class EngagementDao {

    private static final String INSERT = """
            insert into engagement (id, authority_code, worker_pseudonym, key_version, role, engagement_type, created_by)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String ONE = """
            select id, authority_code, role, engagement_type, created_by, created_at, worker_pseudonym
              from engagement where id = ? and authority_code = ?""";

    private final JdbcOperations jdbc;

    public EngagementDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String authority, Pseudonym worker, String role, String type, String createdBy) {
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authority);
            statement.setString(3, worker.value());
            statement.setInt(4, worker.keyVersion());
            statement.setString(5, role);
            statement.setString(6, type);
            statement.setString(7, createdBy);
            return statement.executeUpdate();
        });
    }

    public Optional<Found> find(UUID id, String authority) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authority);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Found(new Engagement(rows.getObject("id", UUID.class), rows.getString("authority_code"),
                        rows.getString("role"), rows.getString("engagement_type"), rows.getString("created_by"),
                        rows.getTimestamp("created_at").toInstant()), rows.getString("worker_pseudonym")));
            }
        });
    }

    /** An engagement and the pseudonym of its worker (which never leaves the platform). */
    public record Found(Engagement engagement, String workerPseudonym) {
    }
}
