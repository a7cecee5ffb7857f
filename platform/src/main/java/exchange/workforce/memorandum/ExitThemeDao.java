package exchange.workforce.memorandum;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The regions' exit-interview theme lists (V49): every version kept. Row-level security lets only the region's own administrator add one. */
@Singleton
public class ExitThemeDao {

    private static final String VERSIONS = """
            select region_code, version, themes::text as themes, reason, recorded_by, recorded_at
              from exit_theme_list where region_code = ? order by version desc""";
    private static final String INSERT = """
            insert into exit_theme_list (region_code, version, themes, reason, recorded_by)
            values (?, (select coalesce(max(version), 0) + 1 from exit_theme_list where region_code = ?), ?::jsonb, ?, ?)
            returning version""";
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('exit_theme_list:' || ?))";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public ExitThemeDao(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The region's recorded versions, newest first (none: it uses the starting list). */
    List<ExitThemeList> versions(String region) {
        return jdbc.prepareStatement(VERSIONS, statement -> {
            statement.setString(1, region);
            List<ExitThemeList> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(list(rows));
                }
            }
            return found;
        });
    }

    /** Records the next version of the region's list; two administrators at once get consecutive versions. */
    int insert(String region, List<ExitThemeList.Theme> themes, String reason, String user) {
        jdbc.prepareStatement(LOCK, statement -> {
            statement.setString(1, region);
            statement.execute();
            return null;
        });
        return jdbc.prepareStatement(INSERT, statement -> {
            statement.setString(1, region);
            statement.setString(2, region);
            statement.setString(3, text(themes));
            statement.setString(4, reason);
            statement.setString(5, user);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private ExitThemeList list(ResultSet rows) throws SQLException {
        try {
            List<ExitThemeList.Theme> themes = Arrays.asList(json.readValue(rows.getString("themes"), ExitThemeList.Theme[].class));
            return new ExitThemeList(rows.getString("region_code"), rows.getInt("version"), List.copyOf(themes), rows.getString("reason"),
                    rows.getString("recorded_by"), rows.getTimestamp("recorded_at").toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(List<ExitThemeList.Theme> themes) {
        try {
            return json.writeValueAsString(themes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
