package exchange.workforce.web;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions, through the database's own functions (V32): keyed by the SHA-256 of the cookie's id. Called inside
 * {@link Sessions}' transactions.
 */
@Singleton
class SessionDao {

    private final JdbcOperations jdbc;

    SessionDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void open(byte[] key, String token, String user, Instant tokenExpires, Duration longest) {
        jdbc.prepareStatement("select browser_session_open(?, ?, ?, ?, make_interval(secs => ?))", open -> {
            open.setBytes(1, key);
            open.setString(2, token);
            open.setString(3, user);
            open.setTimestamp(4, tokenExpires == null ? null : Timestamp.from(tokenExpires));
            open.setLong(5, longest.toSeconds());
            return open.execute();
        });
    }

    /** The session's token if it is open (and marks it used), else empty; an ended session is deleted. */
    Optional<String> use(byte[] key, Duration idle) {
        return jdbc.prepareStatement("select browser_session_use(?, make_interval(secs => ?))", use -> {
            use.setBytes(1, key);
            use.setLong(2, idle.toSeconds());
            try (ResultSet row = use.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
            }
        });
    }

    void close(byte[] key) {
        jdbc.prepareStatement("select browser_session_close(?)", close -> {
            close.setBytes(1, key);
            return close.execute();
        });
    }
}
