package exchange.workforce.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an operator configures, read from environment variables (or the system property of the same
 * name, which wins). README.md has the table; this class is the only place that reads them.
 */
public record Settings(
        Mode mode,
        Path dataDirectory,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<String> ownerUser,
        Optional<String> ownerPassword,
        Optional<String> benchmarkUser,
        Optional<String> benchmarkPassword,
        Optional<String> oidcIssuer,
        Optional<String> oidcAudience,
        Optional<String> oidcJwksUrl,
        Optional<String> configuredPseudonymKeyFile,
        Path keyDirectory,
        Map<String, String> browserSignIn,
        Map<String, Object> mail,
        Optional<String> databaseReadUrl,
        List<String> corsOrigins) {

    /**
     * Browser sign-in through the identity provider (OpenID Connect authorisation-code flow with PKCE): the variable
     * and the property each becomes. All of the first four, or none; without them the pages cannot be signed into in
     * production, and the sign-in page says so.
     */
    static final Map<String, String> BROWSER_SIGN_IN = Map.of(
            "WFX_OIDC_AUTHORIZATION_URL", "wfx.oidc.authorization-url",
            "WFX_OIDC_TOKEN_URL", "wfx.oidc.token-url",
            "WFX_OIDC_CLIENT_ID", "wfx.oidc.client-id",
            "WFX_OIDC_REDIRECT_URL", "wfx.oidc.redirect-url",
            "WFX_OIDC_CLIENT_SECRET", "wfx.oidc.client-secret",
            "WFX_OIDC_SCOPE", "wfx.oidc.scope");

    /** Local: embedded database unless a URL is given, and the platform's own token issuer. */
    public enum Mode { LOCAL, PRODUCTION }

    public static final String LOCAL_ISSUER = "workforce-exchange-local";
    public static final String LOCAL_AUDIENCE = "workforce-exchange";

    public static Settings fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name))));
    }

    public static Settings from(Function<String, Optional<String>> source) {
        // NAME, or the contents of the file NAME_FILE names (Docker and Kubernetes secrets are files)
        Function<String, Optional<String>> read = name -> source.apply(name).map(String::trim).filter(v -> !v.isEmpty())
                .or(() -> source.apply(name + "_FILE").map(String::trim).filter(v -> !v.isEmpty()).map(file -> fromFile(name, file)));
        String modeText = read.apply("WFX_MODE").orElse("local");
        Mode mode;
        try {
            mode = Mode.valueOf(modeText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblem("WFX_MODE is '" + modeText + "'; it must be 'local' or 'production'.");
        }
        return new Settings(
                mode,
                Path.of(read.apply("WFX_DATA_DIR").orElse("data")).toAbsolutePath().normalize(),
                read.apply("WFX_DATABASE_URL"),
                read.apply("WFX_DATABASE_USER"),
                read.apply("WFX_DATABASE_PASSWORD"),
                read.apply("WFX_DATABASE_OWNER_USER"),
                read.apply("WFX_DATABASE_OWNER_PASSWORD"),
                read.apply("WFX_DATABASE_BENCHMARK_USER"),
                read.apply("WFX_DATABASE_BENCHMARK_PASSWORD"),
                read.apply("WFX_OIDC_ISSUER"),
                read.apply("WFX_OIDC_AUDIENCE"),
                read.apply("WFX_OIDC_JWKS_URL"),
                read.apply("WFX_PSEUDONYM_KEY_FILE"),
                read.apply("WFX_KEY_DIR").map(Path::of)
                        .or(() -> read.apply("XDG_CONFIG_HOME").map(home -> Path.of(home, "workforce-exchange")))
                        .orElse(Path.of(System.getProperty("user.home"), ".config", "workforce-exchange"))
                        .toAbsolutePath().normalize(),
                browserSignIn(read),
                mail(read),
                readUrl(read),
                corsOrigins(read));
    }

    /**
     * WFX_CORS_ORIGINS: the web origins (scheme, host and port, comma-separated) whose browser applications may call the
     * API, e.g. a council's own dashboard at https://insight.kent.gov.uk. Without it no other site's script can read an
     * answer. Origins only: no paths, no wildcards, https unless on this machine.
     */
    private static List<String> corsOrigins(Function<String, Optional<String>> read) {
        List<String> origins = read.apply("WFX_CORS_ORIGINS").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(","))).map(String::trim).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!origin.matches("https://[a-z0-9.-]+(:\\d{1,5})?|http://(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?")) {
                throw new ConfigurationProblem("WFX_CORS_ORIGINS has '" + origin + "'; give each origin as https://host (or https://host:port), "
                        + "lower case, without a path or a wildcard, separated by commas; e.g. https://insight.kent.gov.uk.");
            }
        }
        return origins;
    }

    /**
     * Cross-origin reads of the API (the framework's CORS support), for the origins WFX_CORS_ORIGINS names and no others:
     * no cookies (a token in the Authorization header only), and the headers a client needs exposed. Off without it.
     */
    Map<String, Object> cors() {
        if (corsOrigins.isEmpty()) {
            return Map.of("micronaut.server.cors.enabled", false);
        }
        String prefix = "micronaut.server.cors.configurations.integrators.";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.cors.enabled", true);
        properties.put(prefix + "allowed-origins", corsOrigins);
        properties.put(prefix + "allowed-methods", List.of("GET", "POST", "PUT", "DELETE"));
        properties.put(prefix + "allowed-headers", List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "X-Request-Id", "traceparent"));
        properties.put(prefix + "exposed-headers", List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy",
                "Retry-After", "X-Request-Id", "Content-Disposition"));
        properties.put(prefix + "allow-credentials", false);
        properties.put(prefix + "max-age", 3600);
        return properties;
    }

    /**
     * WFX_DATABASE_READ_URL: a read-only copy of the database (a streaming replica) for the heavy reads — benchmarks,
     * dashboards, series, exports and forecasts, all of which read other councils' figures through the benchmark reader.
     * Its figures may lag the primary's by the replication delay; everything else (returns, references, the agency
     * register, sessions) stays on WFX_DATABASE_URL.
     */
    private static Optional<String> readUrl(Function<String, Optional<String>> read) {
        Optional<String> url = read.apply("WFX_DATABASE_READ_URL");
        url.filter(u -> !u.startsWith("jdbc:postgresql://")).ifPresent(u -> {
            throw new ConfigurationProblem("WFX_DATABASE_READ_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database), "
                    + "the read-only copy of WFX_DATABASE_URL's database.");
        });
        return url;
    }

    /**
     * Properties that replace the database's own (applied after them): the benchmark reader on the read-only copy, if
     * one is given. The benchmark reader's user and password are the same on the copy, as a replica has them.
     */
    public Map<String, Object> databaseOverrides() {
        return databaseReadUrl.<Map<String, Object>>map(url -> Map.of("wfx.benchmark-reader.url", url)).orElse(Map.of());
    }

    /**
     * E-mail (reminders) through an SMTP server, as the framework's Jakarta Mail sender reads it: off unless
     * WFX_SMTP_HOST is set; then WFX_SMTP_FROM is required, STARTTLS is required unless WFX_SMTP_STARTTLS is false, and
     * WFX_SMTP_USER with WFX_SMTP_PASSWORD sign in. WFX_PUBLIC_URL is the address links in e-mails lead to.
     */
    private static Map<String, Object> mail(Function<String, Optional<String>> read) {
        Map<String, Object> properties = new java.util.TreeMap<>();
        properties.put("wfx.public-url", read.apply("WFX_PUBLIC_URL").orElse("http://localhost:8080").replaceAll("/+$", ""));
        Optional<String> host = read.apply("WFX_SMTP_HOST");
        if (host.isEmpty()) {
            properties.put("javamail.enabled", false);
            return Map.copyOf(properties);
        }
        String from = read.apply("WFX_SMTP_FROM").orElseThrow(() -> new ConfigurationProblem(
                "WFX_SMTP_HOST is set but WFX_SMTP_FROM is not: give the address reminders come from, e.g. workforce-exchange@yourregion.gov.uk."));
        String port = read.apply("WFX_SMTP_PORT").orElse("587");
        if (!port.matches("\\d{1,5}")) {
            throw new ConfigurationProblem("WFX_SMTP_PORT is '" + port + "'; give a port number, e.g. 587.");
        }
        boolean startTls = !read.apply("WFX_SMTP_STARTTLS").map("false"::equalsIgnoreCase).orElse(false);
        properties.put("javamail.enabled", true);
        properties.put("micronaut.email.from.email", from);
        properties.put("micronaut.email.from.name", "Workforce Exchange");
        properties.put("javamail.properties.mail.smtp.host", host.get());
        properties.put("javamail.properties.mail.smtp.port", port);
        properties.put("javamail.properties.mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("javamail.properties.mail.smtp.starttls.required", String.valueOf(startTls));
        for (String timeout : java.util.List.of("connectiontimeout", "timeout", "writetimeout")) {
            properties.put("javamail.properties.mail.smtp." + timeout, "10000");
        }
        Optional<String> user = read.apply("WFX_SMTP_USER");
        properties.put("javamail.properties.mail.smtp.auth", String.valueOf(user.isPresent()));
        properties.put("javamail.authentication.enabled", user.isPresent());
        user.ifPresent(u -> {
            properties.put("javamail.authentication.username", u);
            properties.put("javamail.authentication.password", read.apply("WFX_SMTP_PASSWORD").orElseThrow(() -> new ConfigurationProblem(
                    "WFX_SMTP_USER is set but WFX_SMTP_PASSWORD is not (or WFX_SMTP_PASSWORD_FILE).")));
        });
        return Map.copyOf(properties);
    }

    private static Map<String, String> browserSignIn(Function<String, Optional<String>> read) {
        Map<String, String> properties = new java.util.TreeMap<>();
        BROWSER_SIGN_IN.forEach((variable, property) -> read.apply(variable).ifPresent(value -> properties.put(property, value)));
        return Map.copyOf(properties);
    }

    private static String fromFile(String name, String file) {
        try {
            return java.nio.file.Files.readString(Path.of(file)).trim();
        } catch (java.io.IOException e) {
            throw new ConfigurationProblem(name + "_FILE names " + file + ", which cannot be read: " + e.getMessage());
        }
    }

    /** Production refuses to start half-configured: no local issuer, no embedded database. */
    public void requireComplete() {
        if (mode != Mode.PRODUCTION) {
            return;
        }
        StringBuilder missing = new StringBuilder();
        for (var entry : Map.of(
                "WFX_OIDC_ISSUER", oidcIssuer, "WFX_OIDC_AUDIENCE", oidcAudience,
                "WFX_OIDC_JWKS_URL", oidcJwksUrl, "WFX_DATABASE_URL", databaseUrl,
                "WFX_PSEUDONYM_KEY_FILE", configuredPseudonymKeyFile).entrySet()) {
            if (entry.getValue().isEmpty()) {
                missing.append(missing.isEmpty() ? "" : ", ").append(entry.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationProblem("Production mode needs its identity provider and database configured; missing: "
                    + missing + ". See README.md, 'Configuration'.");
        }
        List<String> required = List.of("wfx.oidc.authorization-url", "wfx.oidc.token-url", "wfx.oidc.client-id", "wfx.oidc.redirect-url");
        long given = required.stream().filter(browserSignIn::containsKey).count();
        if (given > 0 && given < required.size()) {
            throw new ConfigurationProblem("Browser sign-in needs WFX_OIDC_AUTHORIZATION_URL, WFX_OIDC_TOKEN_URL, WFX_OIDC_CLIENT_ID and "
                    + "WFX_OIDC_REDIRECT_URL together; only some are set.");
        }
        for (String url : List.of("wfx.oidc.authorization-url", "wfx.oidc.token-url", "wfx.oidc.redirect-url")) {
            String value = browserSignIn.get(url);
            if (value != null && !value.regionMatches(true, 0, "https://", 0, 8)) {
                throw new ConfigurationProblem(url.replace("wfx.oidc.", "WFX_OIDC_").replace('-', '_').toUpperCase(java.util.Locale.ROOT)
                        + " must be an https:// address, not '" + value + "'.");
            }
        }
        String jwks = oidcJwksUrl.get();
        if (!jwks.regionMatches(true, 0, "https://", 0, 8)) {
            throw new ConfigurationProblem("WFX_OIDC_JWKS_URL must be an https:// address, not '" + jwks + "': over plain "
                    + "http anyone on the path could replace the keys that tokens are checked against.");
        }
    }

    public Path localIssuerKeyFile() {
        return dataDirectory.resolve("keys").resolve("local-issuer.jwk.json");
    }

    /**
     * The secret keys of worker pseudonyms: a configured file, or in local mode one in the key directory, which
     * is never the data directory: whoever holds a copy of the database and the key can reverse every pseudonym,
     * so a backup of ./data must not hold the key.
     */
    public Path pseudonymKeyFile() {
        return configuredPseudonymKeyFile.map(Path::of).orElse(keyDirectory.resolve("pseudonym-keys.properties"));
    }

    /** Where versions before 0.2 kept the local pseudonym key: inside the data directory. */
    public Path legacyPseudonymKeyFile() {
        return dataDirectory.resolve("keys").resolve("pseudonym-keys.properties");
    }

    /** Micronaut properties that follow from these settings (datasource excluded: see DatabaseBootstrap). */
    public Map<String, Object> serviceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("wfx.mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        properties.put("wfx.pseudonym.key-file", pseudonymKeyFile().toString());
        properties.putAll(mail);
        properties.putAll(cors());
        if (mode == Mode.PRODUCTION) {
            properties.put("micronaut.security.token.jwt.claims-validators.issuer", oidcIssuer.orElseThrow());
            properties.put("micronaut.security.token.jwt.claims-validators.audience", oidcAudience.orElseThrow());
            properties.put("wfx.oidc.jwks-url", oidcJwksUrl.orElseThrow());
            properties.putAll(browserSignIn);
        } else {
            properties.put("micronaut.security.token.jwt.claims-validators.issuer", LOCAL_ISSUER);
            properties.put("micronaut.security.token.jwt.claims-validators.audience", LOCAL_AUDIENCE);
            properties.put("wfx.local-issuer.key-file", localIssuerKeyFile().toString());
            // local mode serves plain HTTP on this machine: a Secure cookie would not come back over it
            properties.put("wfx.web.secure-cookies", false);
        }
        return properties;
    }
}
