package exchange.workforce.reference;

import exchange.workforce.worker.Pseudonym;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * End-of-placement reviews. Row-level security shows a review to the authority that wrote it, and to an
 * authority that has asked for a reference about the same worker (with the worker's consent) while both
 * share a memorandum; the queries say the same, narrowed to one engagement.
 */
@Singleton
public class PlacementReviewDao {

    private static final String INSERT = """
            insert into placement_review (id, engaging_authority, worker_pseudonym, key_version, template_version, content, recorded_by)
            values (?, ?, ?, ?, ?, ?::jsonb, ?)""";
    private static final String COLUMNS = "p.id, p.engaging_authority, p.template_version, p.content::text as content, p.recorded_by, p.recorded_at";
    private static final String ONE = "select " + COLUMNS + " from placement_review p where p.id = ? and p.engaging_authority = ?";
    private static final String OF_WORKER_FOR_ENGAGER = "select " + COLUMNS + " " + """
             from placement_review p
            where p.worker_pseudonym = ?
              and exists (select 1 from reference_request q
                           where q.engagement_id = ? and q.worker_pseudonym = p.worker_pseudonym and q.requester_authority = ?)
              and share_memorandum(p.engaging_authority, ?, current_date)
            order by p.recorded_at desc""";
    private static final String WRITTEN_BY = "select " + COLUMNS
            + " from placement_review p where p.engaging_authority = ? order by p.recorded_at desc";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public PlacementReviewDao(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A review as stored; the registration number in its content is always null. */
    @Serdeable
    public record RecordedReview(UUID id, String engagingAuthority, String templateVersion, PlacementReview review,
                                 String recordedBy, Instant recordedAt) {
    }

    public void insert(UUID id, String authority, Pseudonym worker, PlacementReview review, String recordedBy) {
        PlacementReview withoutNumber = new PlacementReview(null, review.role(), review.agency(), review.startDate(),
                review.endDate(), review.practice(), review.summary(), review.writtenBy(), review.writtenOn());
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authority);
            statement.setString(3, worker.value());
            statement.setInt(4, worker.keyVersion());
            statement.setString(5, ReferenceTemplate.VERSION);
            statement.setString(6, write(withoutNumber));
            statement.setString(7, recordedBy);
            return statement.executeUpdate();
        });
    }

    public Optional<RecordedReview> find(UUID id, String authority) {
        return list(ONE, id, authority).stream().findFirst();
    }

    /** Reviews of the engagement's worker that the engaging authority may read: none until it has asked for a reference. */
    public List<RecordedReview> aboutWorkerOfEngagement(String workerPseudonym, UUID engagementId, String authority) {
        return jdbc.prepareStatement(OF_WORKER_FOR_ENGAGER, statement -> {
            statement.setString(1, workerPseudonym);
            statement.setObject(2, engagementId);
            statement.setString(3, authority);
            statement.setString(4, authority);
            return read(statement.executeQuery());
        });
    }

    public List<RecordedReview> writtenBy(String authority) {
        return jdbc.prepareStatement(WRITTEN_BY, statement -> {
            statement.setString(1, authority);
            return read(statement.executeQuery());
        });
    }

    private List<RecordedReview> list(String sql, Object first, String authority) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, first);
            statement.setString(2, authority);
            return read(statement.executeQuery());
        });
    }

    private List<RecordedReview> read(ResultSet rows) throws java.sql.SQLException {
        try (rows) {
            List<RecordedReview> reviews = new ArrayList<>();
            while (rows.next()) {
                reviews.add(new RecordedReview(rows.getObject("id", UUID.class), rows.getString("engaging_authority"),
                        rows.getString("template_version"), parse(rows.getString("content")),
                        rows.getString("recorded_by"), rows.getTimestamp("recorded_at").toInstant()));
            }
            return reviews;
        }
    }

    private String write(PlacementReview review) {
        try {
            return json.writeValueAsString(review);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PlacementReview parse(String content) {
        try {
            return json.readValue(content, PlacementReview.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored review is not readable", e);
        }
    }
}
