package exchange.workforce.returns;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Returns being entered online (V50). Row-level security: a council reads and writes its own drafts only. */
@Singleton
public class ReturnDraftDao {

    private static final String ONE = """
            select authority_code, period_type, period, answers::text as answers, sections_done, started_from, started_by, updated_by,
                   updated_at
            from return_draft where authority_code = ? and period_type = ? and period = ?""";
    private static final String ALL = """
            select authority_code, period_type, period, answers::text as answers, sections_done, started_from, started_by, updated_by,
                   updated_at
            from return_draft where authority_code = ? order by updated_at desc""";
    private static final String SAVE = """
            insert into return_draft (authority_code, period_type, period, answers, sections_done, started_from, started_by, updated_by, updated_at)
            values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, now())
            on conflict (authority_code, period_type, period) do update set answers = excluded.answers,
                sections_done = excluded.sections_done, updated_by = excluded.updated_by, updated_at = excluded.updated_at""";
    private static final String DELETE = "delete from return_draft where authority_code = ? and period_type = ? and period = ?";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public ReturnDraftDao(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ReturnDraft> of(String authority, Period period) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setString(1, authority);
            statement.setString(2, period.type().name());
            statement.setString(3, period.label());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(draft(rows)) : Optional.empty();
            }
        });
    }

    List<ReturnDraft> all(String authority) {
        return jdbc.prepareStatement(ALL, statement -> {
            statement.setString(1, authority);
            try (ResultSet rows = statement.executeQuery()) {
                List<ReturnDraft> drafts = new java.util.ArrayList<>();
                while (rows.next()) {
                    drafts.add(draft(rows));
                }
                return drafts;
            }
        });
    }

    void save(ReturnDraft draft) {
        jdbc.prepareStatement(SAVE, statement -> {
            statement.setString(1, draft.authorityCode());
            statement.setString(2, draft.periodType().name());
            statement.setString(3, draft.period());
            statement.setString(4, text(draft.answers()));
            statement.setArray(5, statement.getConnection().createArrayOf("text", draft.sectionsDone().toArray()));
            statement.setString(6, draft.startedFrom());
            statement.setString(7, draft.startedBy());
            statement.setString(8, draft.updatedBy());
            statement.executeUpdate();
            return null;
        });
    }

    boolean delete(String authority, Period period) {
        return jdbc.prepareStatement(DELETE, statement -> {
            statement.setString(1, authority);
            statement.setString(2, period.type().name());
            statement.setString(3, period.label());
            return statement.executeUpdate() > 0;
        });
    }

    private ReturnDraft draft(ResultSet rows) throws SQLException {
        Array done = rows.getArray("sections_done");
        return new ReturnDraft(rows.getString("authority_code"), PeriodType.valueOf(rows.getString("period_type")), rows.getString("period"),
                answers(rows.getString("answers")), done == null ? List.of() : Arrays.stream((Object[]) done.getArray()).map(String::valueOf).toList(),
                rows.getString("started_from"), rows.getString("started_by"), rows.getString("updated_by"),
                rows.getTimestamp("updated_at").toInstant());
    }

    private String text(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> answers(String text) {
        try {
            Map<String, Object> read = json.readValue(text, Map.class);
            Map<String, String> answers = new LinkedHashMap<>();
            read.forEach((key, value) -> answers.put(key, String.valueOf(value)));
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
