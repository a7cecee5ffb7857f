package exchange.workforce.worker;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Keeps a council's own agency workers' registration numbers for its DfE return, and for nothing else: AES-256-GCM
 * under a key of that council's own, derived from the key file outside the database (HMAC-SHA-256 of a fixed label
 * and the council's code), bound to the assignment and the council (associated data), so a number cannot be opened
 * as another council's or moved to another row. The database, its WAL and its backups hold only ciphertext; the
 * pseudonym stays the only thing that joins councils.
 */
public final class RegistrationNumberSeal {

    /** A sealed number: twelve bytes of nonce then ciphertext and tag, and the key file version that sealed it. */
    public record Sealed(byte[] bytes, int keyVersion) {
    }

    private static final String PURPOSE = "workforce-exchange: a council's own agency worker's registration number, AES-256-GCM, v1|";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final PseudonymKeys keys;
    private final SecureRandom random = new SecureRandom();

    public RegistrationNumberSeal(PseudonymKeys keys) {
        this.keys = keys;
    }

    public Sealed seal(RegistrationNumber number, String authority, UUID assignment) {
        int version = keys.currentVersion();
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(version, authority), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(bound(authority, assignment));
            byte[] sealed = cipher.doFinal(number.normalised().getBytes(StandardCharsets.UTF_8));
            return new Sealed(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array(), version);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The registration number could not be sealed", e);
        }
    }

    /** The number, for the council that sealed it and the assignment it was sealed for; fails for any other. */
    public String open(Sealed sealed, String authority, UUID assignment) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(sealed.keyVersion(), authority), new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE));
            cipher.updateAAD(bound(authority, assignment));
            return new String(cipher.doFinal(Arrays.copyOfRange(sealed.bytes(), NONCE, sealed.bytes().length)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The registration number could not be opened (key version " + sealed.keyVersion() + ")", e);
        }
    }

    private static byte[] bound(String authority, UUID assignment) {
        return (authority + "|" + assignment).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKeySpec key(int version, String authority) throws GeneralSecurityException {
        byte[] master = keys.byVersion().get(version);
        if (master == null) {
            throw new GeneralSecurityException("the key file has no version " + version);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(master, "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal((PURPOSE + authority).getBytes(StandardCharsets.UTF_8)), "AES");
    }
}
