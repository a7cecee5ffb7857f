package exchange.workforce.reference;

import exchange.workforce.worker.Pseudonym;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Provided references. Readable by the two parties to the request only. */
@Singleton
public class ReferenceDao {

    private static final String INSERT = """
            insert into reference (request_id, referee_authority, requester_authority, worker_pseudonym, key_version,
                                   template_version, content, provided_by)
            select id, referee_authority, requester_authority, worker_pseudonym, key_version, ?, ?::jsonb, ?
              from reference_request where id = ? and referee_authority = ?""";
    private static final String ONE = """
            select request_id, referee_authority, requester_authority, template_version, content::text as content,
                   provided_by, provided_at, shared_with_worker_on, shared_with_worker_method
              from reference where request_id = ? and ? in (requester_authority, referee_authority)""";
    private static final String COUNT_PROVIDED = """
            select (select count(*) from reference where requester_authority = ?
                       and request_id in (select id from reference_request where engagement_id = ?))
                 + (select count(*) from external_reference where engagement_id = ?)""";
    private static final String SHARED = """
            update reference set shared_with_worker_on = ?, shared_with_worker_method = ?
             where request_id = ? and ? in (requester_authority, referee_authority)""";

    private static final String HOLDERS = "select authority_code, holds from reference_holders(?) order by authority_code, holds";

    /** An authority of the caller's memorandum holding a reference or review about the worker, and which kind. */
    record HeldBy(String authorityCode, String holds) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public ReferenceDao(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Serdeable
    public record ProvidedReference(UUID requestId, String refereeAuthority, String requesterAuthority,
                                    String templateVersion, ReferenceTemplate reference, String providedBy,
                                    Instant providedAt, @Nullable LocalDate sharedWithWorkerOn,
                                    @Nullable String sharedWithWorkerMethod) {
    }

    public void insert(UUID requestId, String referee, ReferenceTemplate reference, String providedBy) {
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setString(1, ReferenceTemplate.VERSION);
            statement.setString(2, write(reference));
            statement.setString(3, providedBy);
            statement.setObject(4, requestId);
            statement.setString(5, referee);
            return statement.executeUpdate();
        });
    }

    public Optional<ProvidedReference> find(UUID requestId, String party) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setObject(1, requestId);
            statement.setString(2, party);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Date shared = rows.getDate("shared_with_worker_on");
                return Optional.of(new ProvidedReference(rows.getObject("request_id", UUID.class),
                        rows.getString("referee_authority"), rows.getString("requester_authority"),
                        rows.getString("template_version"), read(rows.getString("content")), rows.getString("provided_by"),
                        rows.getTimestamp("provided_at").toInstant(), shared == null ? null : shared.toLocalDate(),
                        rows.getString("shared_with_worker_method")));
            }
        });
    }

    public int providedFor(UUID engagementId, String requester) {
        return jdbc.prepareStatement(COUNT_PROVIDED, statement -> {
            statement.setString(1, requester);
            statement.setObject(2, engagementId);
            statement.setObject(3, engagementId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    public boolean recordShared(UUID requestId, String party, LocalDate on, String method) {
        return jdbc.prepareStatement(SHARED, statement -> {
            statement.setDate(1, Date.valueOf(on));
            statement.setString(2, method);
            statement.setObject(3, requestId);
            statement.setString(4, party);
            return statement.executeUpdate() == 1;
        });
    }

    private String write(ReferenceTemplate reference) {
        try {
            return json.writeValueAsString(reference);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReferenceTemplate read(String content) {
        try {
            return json.readValue(content, ReferenceTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored reference is not readable", e);
        }
    }

    /** Who holds references or reviews about the worker, through the one function that may answer it (codes and kinds only). */
    List<HeldBy> holders(Pseudonym worker) {
        return jdbc.prepareStatement(HOLDERS, statement -> {
            statement.setString(1, worker.value());
            List<HeldBy> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new HeldBy(rows.getString("authority_code"), rows.getString("holds")));
                }
            }
            return found;
        });
    }
}
