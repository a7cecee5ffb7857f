package exchange.workforce.reference;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Evidence of references gathered off the platform: the only SQL about it. Row-level security keeps it to its council. */
@Singleton
class ReferenceFromElsewhereDao {

    private static final String INSERT = """
            insert into external_reference (id, engagement_id, authority_code, referee_organisation, referee_role, provided_on, template,
                                            attested_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String OF_ENGAGEMENT = """
            select id, referee_organisation, referee_role, provided_on, template, attested_by, recorded_at from external_reference
             where engagement_id = ? and authority_code = ? order by provided_on, recorded_at""";

    private final JdbcOperations jdbc;

    ReferenceFromElsewhereDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID engagement, String authority, ReferenceFromElsewhere.New given, String attestedBy) {
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, id);
            statement.setObject(2, engagement);
            statement.setString(3, authority);
            statement.setString(4, given.refereeOrganisation().trim());
            statement.setString(5, given.refereeRole().trim());
            statement.setObject(6, given.providedOn());
            statement.setString(7, given.template().trim());
            statement.setString(8, attestedBy);
            return statement.executeUpdate();
        });
    }

    List<ReferenceFromElsewhere> ofEngagement(UUID engagement, String authority) {
        return jdbc.prepareStatement(OF_ENGAGEMENT, statement -> {
            statement.setObject(1, engagement);
            statement.setString(2, authority);
            List<ReferenceFromElsewhere> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new ReferenceFromElsewhere(rows.getObject("id", UUID.class), rows.getString("referee_organisation"),
                            rows.getString("referee_role"), rows.getObject("provided_on", java.time.LocalDate.class), rows.getString("template"),
                            rows.getString("attested_by"), rows.getTimestamp("recorded_at").toInstant()));
                }
            }
            return found;
        });
    }
}
