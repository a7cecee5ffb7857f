package exchange.workforce.web;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions kept in the database (V32), shared by every replica: a sign-in opens one and the cookie carries
 * only its random id; each request uses it (ending it if idle for {@code wfx.web.session-idle}, 30 minutes by default,
 * or past its end, 8 hours after sign-in at most); signing out closes it. The database holds the id's SHA-256 only.
 */
@Singleton
public class Sessions {

    /** The longest a sign-in lasts, however busy: a working day. */
    public static final Duration LONGEST = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransactionOperations<Connection> transactions;
    private final SessionDao sessions;
    private final Duration idle;

    public Sessions(TransactionOperations<Connection> transactions, SessionDao sessions, WebSettings settings) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.idle = settings.sessionIdle();
    }

    /** How long a session may lie unused before it ends. */
    public Duration idle() {
        return idle;
    }

    /**
     * Opens a session for a token just issued or received from the identity provider (it is verified, as every token
     * is, each time the session is used), ending at its expiry or after {@link #LONGEST}, whichever is sooner; its id.
     */
    public String open(String token) {
        String user = "unknown";
        Instant expires = null;
        try {
            com.nimbusds.jwt.JWTClaimsSet claims = com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet();
            user = claims.getSubject() == null ? user : claims.getSubject();
            expires = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
        } catch (java.text.ParseException notAJwt) {
            // an opaque token: the session's own end applies, and each use verifies the token anyway
        }
        return open(token, user, expires);
    }

    private String open(String token, String user, Instant tokenExpires) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        transactions.executeWrite(status -> {
            sessions.open(hash(id), token, user, tokenExpires, LONGEST);
            return null;
        });
        return id;
    }

    /** The token of the open session with this id; empty if there is none, or it has ended (and is then deleted). */
    public Optional<String> token(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        return transactions.executeWrite(status -> sessions.use(hash(id), idle));
    }

    /** Ends the session with this id, if there is one. */
    public void close(String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        transactions.executeWrite(status -> {
            sessions.close(hash(id));
            return null;
        });
    }

    /** The key a session is stored under: its id's SHA-256, so the table holds nothing a cookie could be made from. */
    static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
