package exchange.workforce.worker;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

/**
 * Turns a registration number into the platform-wide pseudonym of the worker: the same in every authority.
 * Version 1 is HMAC-SHA-256(key₁, number); each later version re-keys the previous pseudonym,
 * pₙ = HMAC-SHA-256(keyₙ, pₙ₋₁), so stored pseudonyms can be rotated without the clear number.
 */
public final class Pseudonymiser {

    private final PseudonymKeys keys;

    public Pseudonymiser(PseudonymKeys keys) {
        this.keys = keys;
    }

    public Pseudonym pseudonymOf(RegistrationNumber number) {
        String pseudonym = null;
        for (Map.Entry<Integer, byte[]> key : keys.byVersion().entrySet()) {
            pseudonym = hmac(key.getValue(), pseudonym == null ? number.normalised() : pseudonym);
        }
        return new Pseudonym(pseudonym, keys.currentVersion());
    }

    /** The pseudonym of version {@code version + 1}, from one of version {@code version}. */
    String rekey(String pseudonym, int nextVersion) {
        byte[] key = keys.byVersion().get(nextVersion);
        if (key == null) {
            throw new IllegalArgumentException("No pseudonym key of version " + nextVersion);
        }
        return hmac(key, pseudonym);
    }

    public int currentVersion() {
        return keys.currentVersion();
    }

    private static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
