package exchange.workforce.worker;

import io.micronaut.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Seals a worker's details at rest: AES-256-GCM under a key held outside the database — derived, for this purpose only,
 * from the pseudonym key file's version (HMAC-SHA256 of a fixed label), so the database and its backups never hold
 * anything that opens them. Each sealed value is bound to the record it belongs to (its id is the associated data), so
 * it cannot be moved to another row and read there. Earlier key versions stay readable as long as the key file keeps
 * them, as it must for pseudonyms.
 */
public final class WorkerDetailsCipher {

    /** A sealed value: twelve bytes of nonce then the ciphertext and tag, and the key version that sealed it. */
    public record Sealed(byte[] bytes, int keyVersion) {
    }

    private static final byte[] PURPOSE = "workforce-exchange: worker details stated on an application, AES-256-GCM, v1"
            .getBytes(StandardCharsets.UTF_8);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final PseudonymKeys keys;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    public WorkerDetailsCipher(PseudonymKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public Sealed seal(WorkerDetails details, UUID boundTo) {
        int version = keys.currentVersion();
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(version), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(details));
            return new Sealed(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array(), version);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The worker's details could not be sealed", e);
        }
    }

    public WorkerDetails open(Sealed sealed, UUID boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(sealed.keyVersion()), new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE));
            cipher.updateAAD(boundTo.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(Arrays.copyOfRange(sealed.bytes(), NONCE, sealed.bytes().length));
            return json.readValue(plain, WorkerDetails.class);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The worker's details could not be opened (key version " + sealed.keyVersion() + ")", e);
        }
    }

    private SecretKeySpec key(int version) throws GeneralSecurityException {
        byte[] master = keys.byVersion().get(version);
        if (master == null) {
            throw new GeneralSecurityException("the key file has no version " + version);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(master, "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal(PURPOSE), "AES");
    }
}
