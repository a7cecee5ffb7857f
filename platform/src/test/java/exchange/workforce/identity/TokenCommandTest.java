package exchange.workforce.identity;

import com.nimbusds.jwt.SignedJWT;
import exchange.workforce.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Settings settings = Settings.from(name -> Optional.ofNullable(Map.of("WFX_DATA_DIR", dataDir.toString()).get(name)));
        return TokenCommand.run(List.of(args), settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aTokenForACouncilUserNamesTheAuthorityByItsOnsCodeEvenWhenGivenTheDfeNumber() throws Exception {
        assertEquals(0, run("--user", "alice", "--authority", "886", "--roles", "AUTHORITY_SUBMITTER,planner"));
        SignedJWT token = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim());
        assertEquals("E10000016", token.getJWTClaimsSet().getStringClaim("authority"));
        assertEquals(List.of("AUTHORITY_SUBMITTER", "PLANNER"), token.getJWTClaimsSet().getStringListClaim("roles"));
        assertEquals(Settings.LOCAL_ISSUER, token.getJWTClaimsSet().getIssuer());
        assertTrue(Files.exists(dataDir.resolve("keys/local-issuer.jwk.json")), "the key is kept in the data directory");
    }

    @Test
    void theSameKeyIsUsedOnEveryRun() throws Exception {
        run("--user", "a", "--authority", "E10000016", "--roles", "AUTHORITY_VIEWER");
        String first = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim()).getHeader().getKeyID();
        out.reset();
        run("--user", "b", "--region", "E12000008", "--roles", "REGION_ADMIN");
        assertEquals(first, SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim()).getHeader().getKeyID());
    }

    @Test
    void anUnknownAuthoritySuggestsTheClosestOnes() {
        assertEquals(2, run("--user", "a", "--authority", "Kentt", "--roles", "AUTHORITY_VIEWER"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("E10000016 (Kent, DfE 886)"), err.toString());
    }

    @Test
    void anUnknownRoleListsTheRolesThereAre() {
        assertEquals(2, run("--user", "a", "--authority", "886", "--roles", "ADMIN"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("REGION_ADMIN"));
    }

    @Test
    void aUserIsEitherACouncilUserOrARegionalUserNotBoth() {
        assertEquals(2, run("--user", "a", "--authority", "886", "--region", "E12000008", "--roles", "REGION_ADMIN"));
    }

    @Test
    void productionModeIssuesNoLocalTokens() {
        Settings production = Settings.from(name -> Optional.ofNullable(Map.of("WFX_MODE", "production").get(name)));
        assertEquals(2, TokenCommand.run(List.of("--user", "a", "--authority", "886", "--roles", "PLANNER"), production,
                new PrintStream(out), new PrintStream(err)));
    }
}
