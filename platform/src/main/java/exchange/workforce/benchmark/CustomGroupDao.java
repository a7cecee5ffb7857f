package exchange.workforce.benchmark;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Comparison groups a region defines (group=custom:&lt;id&gt;): the only SQL about them. */
@Singleton
public class CustomGroupDao {

    private static final String INSERT = "insert into custom_group (id, region_code, name, authority_codes, created_by) values (?, ?, ?, ?, ?)";
    private static final String COLUMNS = "id, region_code, name, authority_codes";
    private static final String OF_REGION = "select " + COLUMNS + " from custom_group where region_code = ? order by name";
    private static final String EVERY = "select " + COLUMNS + " from custom_group order by region_code, name";
    private static final String ONE = "select " + COLUMNS + " from custom_group where id = ?";

    /** A stored group: its region and its members' ONS codes. */
    public record StoredGroup(UUID id, String regionCode, String name, List<String> authorityCodes) {
    }

    private final JdbcOperations jdbc;

    public CustomGroupDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredGroup group, String createdBy) {
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, group.id());
            statement.setString(2, group.regionCode());
            statement.setString(3, group.name());
            statement.setArray(4, statement.getConnection().createArrayOf("text", group.authorityCodes().toArray()));
            statement.setString(5, createdBy);
            return statement.executeUpdate();
        });
    }

    public List<StoredGroup> ofRegion(String region) {
        return jdbc.prepareStatement(OF_REGION, statement -> {
            statement.setString(1, region);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredGroup> groups = new ArrayList<>();
                while (rows.next()) {
                    groups.add(read(rows));
                }
                return groups;
            }
        });
    }

    /** Every region's groups, in name order: loaded with the benchmark data. */
    public List<StoredGroup> all() {
        return jdbc.prepareStatement(EVERY, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredGroup> groups = new ArrayList<>();
                while (rows.next()) {
                    groups.add(read(rows));
                }
                return groups;
            }
        });
    }

    public Optional<StoredGroup> find(UUID id) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.<StoredGroup>empty();
            }
        });
    }

    private static StoredGroup read(ResultSet rows) throws SQLException {
        return new StoredGroup(rows.getObject("id", UUID.class), rows.getString("region_code"), rows.getString("name"),
                Arrays.asList((String[]) rows.getArray("authority_codes").getArray()));
    }
}
