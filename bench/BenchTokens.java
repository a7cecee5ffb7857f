import exchange.workforce.identity.LocalIssuer;
import exchange.workforce.identity.Role;
import exchange.workforce.tenancy.ReferenceAuthorities;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes the tokens the wrk scripts send, signed by the service's own local issuer (its key in the data directory):
 * one line per current authority, "ONS code, tab, token" for a submitter of that authority (153 of them).
 *
 *   java -cp platform/target/platform.jar bench/BenchTokens.java DATA_DIR OUT_FILE
 */
public class BenchTokens {

    public static void main(String[] args) throws Exception {
        LocalIssuer issuer = LocalIssuer.open(Path.of(args[0]).resolve("keys/local-issuer.jwk.json"));
        StringBuilder out = new StringBuilder();
        for (ReferenceAuthorities.Row authority : ReferenceAuthorities.load().authorities().stream()
                .filter(ReferenceAuthorities.Row::active).limit(153).toList()) {
            out.append(authority.gssCode()).append('\t')
                    .append(issuer.issue("bench-" + authority.gssCode(), authority.gssCode(), null, List.of(Role.AUTHORITY_SUBMITTER), Duration.ofHours(4)))
                    .append('\n');
        }
        Files.writeString(Path.of(args[1]), out, StandardCharsets.UTF_8);
    }
}
