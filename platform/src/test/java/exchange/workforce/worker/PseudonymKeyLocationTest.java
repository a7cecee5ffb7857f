package exchange.workforce.worker;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pseudonym key never lives beside the data it protects. */
class PseudonymKeyLocationTest {

    @TempDir
    Path home;

    private Settings settings(Map<String, String> environment) {
        return Settings.from(name -> Optional.ofNullable(Map.<String, String>of(
                "WFX_DATA_DIR", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString()).get(name)).or(() -> Optional.ofNullable(environment.get(name))));
    }

    @Test
    void locallyTheKeyLivesInTheUsersConfigurationDirectoryNotInTheDataDirectory() {
        Settings settings = settings(Map.of());
        Path key = PseudonymKeyLocation.prepare(settings, System.out);
        assertEquals(home.resolve("config/workforce-exchange/pseudonym-keys.properties"), key);
        PseudonymKeys.load(key, true);
        assertTrue(Files.exists(key));
        assertFalse(Files.exists(home.resolve("data/keys/pseudonym-keys.properties")));
    }

    @Test
    void aKeyAnEarlierVersionLeftInTheDataDirectoryIsMovedOutWithAMessage() throws Exception {
        Settings settings = settings(Map.of());
        Path legacy = settings.legacyPseudonymKeyFile();
        PseudonymKeys.load(legacy, true);
        String original = Files.readString(legacy);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();

        Path key = PseudonymKeyLocation.prepare(settings, new PrintStream(messages, true, StandardCharsets.UTF_8));

        assertEquals(original, Files.readString(key), "the same key, so existing pseudonyms still match");
        assertFalse(Files.exists(legacy), "nothing of the key is left in the data directory");
        assertTrue(messages.toString(StandardCharsets.UTF_8).contains("Moved the pseudonym key"), messages.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoDifferentKeysAreNotSilentlyChosenBetween() {
        Settings settings = settings(Map.of());
        PseudonymKeys.load(settings.legacyPseudonymKeyFile(), true);
        PseudonymKeys.load(settings.pseudonymKeyFile(), true);
        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class, () -> PseudonymKeyLocation.prepare(settings, System.out));
        assertTrue(refused.getMessage().contains("two different pseudonym key files"), refused.getMessage());
    }

    @Test
    void aKeyFileConfiguredInsideTheDataDirectoryIsRefused() {
        Settings settings = settings(Map.of("WFX_PSEUDONYM_KEY_FILE", home.resolve("data/secret.properties").toString()));
        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class, () -> PseudonymKeyLocation.prepare(settings, System.out));
        assertTrue(refused.getMessage().contains("inside the data directory"), refused.getMessage());
    }
}
