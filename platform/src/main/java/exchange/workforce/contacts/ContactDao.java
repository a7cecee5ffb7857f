package exchange.workforce.contacts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An authority's contacts. Every statement names the authority; row-level security backs that up.
 */
@Singleton
public class ContactDao {

    private static final String COLUMNS = "id, authority_code, name, email, responsibility, created_by, created_at";
    private static final String OF_AUTHORITY =
            "select " + COLUMNS + " from authority_contact where authority_code = ? order by responsibility, name";
    private static final String OF_REGION = "select " + COLUMNS + " " + """
             from authority_contact
            where authority_code in (select gss_code from authority where region_code = ?)
            order by authority_code, responsibility, name""";
    private static final String ONE =
            "select " + COLUMNS + " from authority_contact where id = ? and authority_code = ?";
    private static final String INSERT = "insert into authority_contact (id, authority_code, name, email, responsibility, created_by)"
            + " values (?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "delete from authority_contact where id = ? and authority_code = ?";

    private final JdbcOperations jdbc;

    public ContactDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Contact> ofAuthority(String authorityCode) {
        return list(OF_AUTHORITY, authorityCode);
    }

    public List<Contact> ofRegion(String regionCode) {
        return list(OF_REGION, regionCode);
    }

    public Optional<Contact> find(String authorityCode, UUID id) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authorityCode);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(contact(rows)) : Optional.empty();
            }
        });
    }

    public UUID insert(String authorityCode, NewContact contact, String createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authorityCode);
            statement.setString(3, contact.name().trim());
            statement.setString(4, contact.email().trim());
            statement.setString(5, contact.responsibility().name());
            statement.setString(6, createdBy);
            return statement.executeUpdate();
        });
        return id;
    }

    public boolean delete(String authorityCode, UUID id) {
        return jdbc.prepareStatement(DELETE, statement -> {
            statement.setObject(1, id);
            statement.setString(2, authorityCode);
            return statement.executeUpdate() == 1;
        });
    }

    private List<Contact> list(String sql, String code) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, code);
            List<Contact> contacts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    contacts.add(contact(rows));
                }
            }
            return contacts;
        });
    }

    private static Contact contact(ResultSet rows) throws SQLException {
        return new Contact(rows.getObject("id", UUID.class), rows.getString("authority_code"), rows.getString("name"),
                rows.getString("email"), Responsibility.valueOf(rows.getString("responsibility")),
                rows.getString("created_by"), rows.getTimestamp("created_at").toInstant());
    }
}
