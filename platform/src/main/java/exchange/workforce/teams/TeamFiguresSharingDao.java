package exchange.workforce.teams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;

/** A council's choice about its team figures (V49). Row-level security: a council reads and writes its own row only. */
@Singleton
public class TeamFiguresSharingDao {

    private static final String CHOICE = "select authority_code, shared, decided_by, decided_at from team_figures_sharing where authority_code = ?";
    private static final String SET = """
            insert into team_figures_sharing (authority_code, shared, decided_by, decided_at) values (?, ?, ?, now())
            on conflict (authority_code) do update set shared = excluded.shared, decided_by = excluded.decided_by, decided_at = excluded.decided_at""";

    private final JdbcOperations jdbc;

    public TeamFiguresSharingDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TeamFiguresSharing.Choice> of(String authority) {
        return jdbc.prepareStatement(CHOICE, statement -> {
            statement.setString(1, authority);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new TeamFiguresSharing.Choice(rows.getString("authority_code"), rows.getBoolean("shared"),
                        rows.getString("decided_by"), rows.getTimestamp("decided_at").toInstant())) : Optional.empty();
            }
        });
    }

    void set(String authority, boolean shared, String user) {
        jdbc.prepareStatement(SET, statement -> {
            statement.setString(1, authority);
            statement.setBoolean(2, shared);
            statement.setString(3, user);
            statement.executeUpdate();
            return null;
        });
    }
}
