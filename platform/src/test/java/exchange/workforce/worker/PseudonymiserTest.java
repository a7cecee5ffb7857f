package exchange.workforce.worker;

import exchange.workforce.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PseudonymiserTest {

    static final byte[] KEY_ONE = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
    static final byte[] KEY_TWO = "another key, also thirty-two b..".getBytes(StandardCharsets.UTF_8);

    final Pseudonymiser versionOne = new Pseudonymiser(PseudonymKeys.of(Map.of(1, KEY_ONE)));

    @Test
    void theSameWorkerGetsTheSamePseudonymHoweverTheNumberIsTyped() {
        Pseudonym typed = versionOne.pseudonymOf(RegistrationNumber.parse("SW123456", "n"));
        assertEquals(typed, versionOne.pseudonymOf(RegistrationNumber.parse(" sw 123 456 ", "n")));
        assertEquals(1, typed.keyVersion());
        assertFalse(typed.value().contains("123456"));
    }

    @Test
    void aDifferentKeyGivesADifferentPseudonym() {
        Pseudonymiser other = new Pseudonymiser(PseudonymKeys.of(Map.of(1, KEY_TWO)));
        RegistrationNumber number = RegistrationNumber.parse("SW123456", "n");
        assertNotEquals(versionOne.pseudonymOf(number), other.pseudonymOf(number));
    }

    @Test
    void rekeyingAStoredPseudonymGivesWhatTheNumberGivesUnderTheNewKey() {
        RegistrationNumber number = RegistrationNumber.parse("SW123456", "n");
        Pseudonymiser rotated = new Pseudonymiser(PseudonymKeys.of(Map.of(1, KEY_ONE, 2, KEY_TWO)));
        String stored = versionOne.pseudonymOf(number).value();
        assertEquals(rotated.pseudonymOf(number).value(), rotated.rekey(stored, 2));
        assertEquals(2, rotated.pseudonymOf(number).keyVersion());
        assertEquals(2, rotated.currentVersion());
    }

    @Test
    void rekeyingToAVersionThereIsNoKeyForIsRefusedNotGuessed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> versionOne.rekey("p", 2));
        assertEquals("No pseudonym key of version 2", refused.getMessage());
    }

    @Test
    void aRegistrationNumberNeverPrintsItself() {
        assertFalse(RegistrationNumber.parse("SW123456", "n").toString().contains("123456"));
    }

    @Test
    void keysShorterThan32BytesAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
        java.nio.file.Path file = directory.resolve("keys.properties");
        java.nio.file.Files.writeString(file, "1=" + java.util.Base64.getEncoder().encodeToString("short".getBytes()));
        assertThrows(exchange.workforce.config.ConfigurationProblem.class, () -> PseudonymKeys.load(file, false));
    }

    @Test
    void productionWithoutAKeyFileRefusesToStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        assertThrows(exchange.workforce.config.ConfigurationProblem.class,
                () -> PseudonymKeys.load(directory.resolve("missing.properties"), false));
    }

    @Test
    void somethingElseIsNotARegistrationNumber() {
        assertThrows(ApiProblem.class, () -> RegistrationNumber.parse("SW 12 x", "n"));
    }
}
