package exchange.workforce.worker;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Keeps the pseudonym key apart from the data. Anyone holding both a copy of the database and the key can
 * turn every pseudonym back into a registration number (there are only about a million numbers to try), so
 * the key never lives in the data directory, whose backups are the likeliest copy to leak. A key that an
 * earlier version left in ./data/keys is moved out on the next start, with a message.
 */
public final class PseudonymKeyLocation {

    private PseudonymKeyLocation() {
    }

    /** Where the key file is, after moving a key left in the data directory; refuses a key file inside the data directory. */
    public static Path prepare(Settings settings, PrintStream messages) {
        Path key = settings.pseudonymKeyFile().toAbsolutePath().normalize();
        if (key.startsWith(settings.dataDirectory())) {
            throw new ConfigurationProblem("The pseudonym key file " + key + " is inside the data directory "
                    + settings.dataDirectory() + ", so a backup of the data would hold the key that reverses its "
                    + "pseudonyms. Set WFX_PSEUDONYM_KEY_FILE (or WFX_KEY_DIR) to a path outside it.");
        }
        Path legacy = settings.legacyPseudonymKeyFile();
        if (settings.mode() != Settings.Mode.LOCAL || settings.configuredPseudonymKeyFile().isPresent() || !Files.exists(legacy)) {
            return key;
        }
        try {
            if (!Files.exists(key)) {
                Files.createDirectories(key.getParent());
                Files.copy(legacy, key);
                Files.delete(legacy);
                messages.println("Moved the pseudonym key from " + legacy + " to " + key
                        + ", out of the data directory, so that a backup of the data never holds it.");
            } else if (Arrays.equals(Files.readAllBytes(legacy), Files.readAllBytes(key))) {
                Files.delete(legacy);
            } else {
                throw new ConfigurationProblem("There are two different pseudonym key files: " + legacy + " (inside the "
                        + "data directory, left by an earlier version) and " + key + ". The data was pseudonymised with "
                        + "the first; move it to " + key + " (keeping the other if it was ever used) and start again.");
            }
        } catch (IOException e) {
            throw new ConfigurationProblem("Could not move the pseudonym key out of the data directory to " + key + ": "
                    + e.getMessage(), e);
        }
        return key;
    }
}
