package exchange.workforce.identity;

import exchange.workforce.config.Settings;
import exchange.workforce.tenancy.ReferenceAuthorities;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code token --user NAME --authority CODE --roles ROLE[,ROLE] [--hours N]} (or {@code --region CODE}):
 * prints a bearer token of the local issuer, signed with the key in the data directory. Works whether
 * the service runs or not; it needs no database.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    /** @return the process exit code */
    public static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        if (settings.mode() == Settings.Mode.PRODUCTION) {
            err.println("The token command is for local use: in production, tokens come from your identity provider.");
            return 2;
        }
        String user = null;
        String authority = null;
        String region = null;
        String roles = null;
        long hours = 8;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null || value.startsWith("--")) {
                return usage(err, "The option " + option + " needs a value.");
            }
            switch (option) {
                case "--user" -> user = value;
                case "--authority" -> authority = value;
                case "--region" -> region = value;
                case "--roles" -> roles = value;
                case "--hours" -> {
                    try {
                        hours = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return usage(err, "--hours must be a whole number of hours, not '" + value + "'.");
                    }
                    if (hours < 1 || hours > 24 * 30) {
                        return usage(err, "--hours must be between 1 and 720.");
                    }
                }
                default -> {
                    return usage(err, "Unknown option " + option + ".");
                }
            }
            i++;
        }
        if (user == null || user.isBlank()) {
            return usage(err, "Say who the token is for with --user NAME.");
        }
        if (roles == null) {
            return usage(err, "Give at least one role with --roles, from: " + Arrays.toString(Role.values()));
        }
        if ((authority == null) == (region == null)) {
            return usage(err, "Give exactly one of --authority CODE (council users) or --region CODE (regional users).");
        }
        Set<Role> granted = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String name : roles.split(",")) {
            try {
                granted.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                unknown.add(name.trim());
            }
        }
        if (!unknown.isEmpty() || granted.isEmpty()) {
            return usage(err, "Unknown role(s) " + unknown + "; roles are " + Arrays.toString(Role.values()) + ".");
        }
        ReferenceAuthorities reference = ReferenceAuthorities.load();
        String authorityCode = null;
        if (authority != null) {
            var found = reference.authority(authority);
            if (found.isEmpty()) {
                err.println("There is no authority '" + authority + "'. Did you mean: "
                        + String.join("; ", reference.suggestionsFor(authority)) + "?");
                return 2;
            }
            authorityCode = found.get().gssCode();
        }
        String regionCode = null;
        if (region != null) {
            if (!reference.hasRegion(region)) {
                err.println("There is no region '" + region + "'. Regions: " + reference.regions());
                return 2;
            }
            regionCode = region.trim().toUpperCase(Locale.ROOT);
        }
        java.util.Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("sub", user.trim());
        long issued = java.time.Instant.now(java.time.Clock.systemUTC()).getEpochSecond();
        claims.put("iat", issued);
        claims.put("exp", issued + hours * 3600L);
        claims.put(Claims.AUTHORITY, authorityCode);
        claims.put(Claims.REGION, regionCode);
        claims.put(Role.CLAIM, granted.stream().map(Role::name).toList());
        var refusal = new TokenClaimsPolicy(reference).refusal(claims::get);
        if (refusal.isPresent()) {
            err.println("The platform would refuse that token: " + refusal.get() + ".");
            return 2;
        }
        LocalIssuer issuer = LocalIssuer.open(settings.localIssuerKeyFile());
        out.println(issuer.issue(user.trim(), authorityCode, regionCode, granted, Duration.ofHours(hours)));
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("Usage: java -jar platform.jar token --user NAME (--authority CODE | --region CODE) "
                + "--roles ROLE[,ROLE] [--hours N]");
        return 2;
    }
}
