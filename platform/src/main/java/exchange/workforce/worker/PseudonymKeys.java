package exchange.workforce.worker;

import exchange.workforce.config.ConfigurationProblem;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The secret keys pseudonyms are made with, by version, from a file outside the database:
 * one line per version, {@code 1=<base64 key of at least 32 bytes>}. The highest version is current.
 * Adding a version rotates the keys (see {@link PseudonymRotation}); earlier versions must be kept.
 */
public final class PseudonymKeys {

    private final SortedMap<Integer, byte[]> keys;

    private PseudonymKeys(SortedMap<Integer, byte[]> keys) {
        this.keys = keys;
    }

    public static PseudonymKeys of(Map<Integer, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new ConfigurationProblem("There are no pseudonym keys.");
        }
        return new PseudonymKeys(new TreeMap<>(keys));
    }

    /** Reads the key file; in local mode ({@code createIfMissing}) a first key is generated if there is none. */
    public static PseudonymKeys load(Path file, boolean createIfMissing) {
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new ConfigurationProblem("The pseudonym key file " + file + " does not exist. Create it with a "
                            + "line such as 1=<32 random bytes in base64> (see docs/architecture.md, 'Worker identity').");
                }
                create(file);
            }
            Properties lines = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                lines.load(reader);
            }
            SortedMap<Integer, byte[]> keys = new TreeMap<>();
            for (String name : lines.stringPropertyNames()) {
                int version;
                byte[] key;
                try {
                    version = Integer.parseInt(name.trim());
                    key = Base64.getDecoder().decode(lines.getProperty(name).trim());
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationProblem("The pseudonym key file " + file + " has a line '" + name
                            + "=…' that is not 'version=base64 key'.");
                }
                if (version < 1 || key.length < 32) {
                    throw new ConfigurationProblem("Pseudonym key version " + version + " in " + file
                            + " must be a positive version with a key of at least 32 bytes.");
                }
                keys.put(version, key);
            }
            return of(keys);
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot read the pseudonym key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), "pseudonym-keys", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the directory's permissions apply
            }
            Files.writeString(temporary, "# Pseudonym keys: never commit, never put in the database.\n1="
                    + Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // created by another process meanwhile
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public int currentVersion() {
        return keys.lastKey();
    }

    SortedMap<Integer, byte[]> byVersion() {
        return keys;
    }
}
