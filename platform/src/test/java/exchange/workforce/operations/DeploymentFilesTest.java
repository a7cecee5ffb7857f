package exchange.workforce.operations;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment files say what an operator relies on: the owner's credentials only in the migration step,
 * probes, a disruption budget, TLS, a network policy, a hardened container, secrets from files. No Docker
 * engine or cluster runs here, so the files are read, the chart is linted and rendered by Helm's own library (with the
 * settings an operator must give, and every default) and checked.
 */
class DeploymentFilesTest {

    static final Path INFRA = Path.of("..", "infra");
    static final Path CHART = INFRA.resolve("helm/workforce-exchange");

    @Test
    void servingReplicasHoldOnlyTheApplicationRoleAndRunHardenedWithEveryProbe() throws IOException {
        Map<String, Object> deployment = render("deployment.yaml");
        Map<String, Object> pod = map(map(deployment, "spec", "template"), "spec");
        Map<String, Object> container = first(pod, "containers");
        assertEquals(true, map(pod, "securityContext").get("runAsNonRoot"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
        Map<String, Object> security = map(container, "securityContext");
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), map(security, "capabilities").get("drop"));
        assertEquals("/health/readiness", map(map(container, "readinessProbe"), "httpGet").get("path"));
        assertEquals("/health/liveness", map(map(container, "livenessProbe"), "httpGet").get("path"));
        assertNotNull(container.get("startupProbe"), "a startup probe, so a slow start is not killed by liveness");
        assertNotNull(map(map(container, "resources"), "limits").get("memory"));
        String env = container.get("env").toString();
        assertFalse(env.contains("OWNER") || env.contains("db-owner"), "no owner credentials in a serving pod: " + env);
        assertTrue(env.contains("WFX_PSEUDONYM_KEY_FILE") && env.contains("value=production"), env);
        assertTrue(Files.readString(CHART.resolve("templates/deployment.yaml")).contains("{{- fail"),
                "the chart refuses to render without the identity provider");
        assertTrue(env.contains("WFX_DATABASE_POOL_SIZE") && env.contains("WFX_DATABASE_BENCHMARK_POOL_SIZE"), "pool sizes are settings: " + env);
    }

    @Test
    void replicasSpreadOverZonesAndNodesAndAScraperFindsThemButNothingIsOpenByDefault() throws IOException {
        Map<String, Object> deployment = render("deployment.yaml");
        Map<String, Object> template = map(deployment, "spec", "template");
        List<?> spread = (List<?>) map(template, "spec").get("topologySpreadConstraints");
        assertEquals(List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), spread.stream().map(c -> ((Map<?, ?>) c).get("topologyKey")).toList());
        assertTrue(spread.stream().allMatch(c -> "ScheduleAnyway".equals(((Map<?, ?>) c).get("whenUnsatisfiable"))), "never left unscheduled for want of a zone");
        assertEquals("/prometheus", map(template, "metadata", "annotations").get("prometheus.io/path"));

        String chart = Files.readString(CHART.resolve("templates/deployment.yaml"));
        String policy = Files.readString(CHART.resolve("templates/networkpolicy.yaml"));
        assertTrue(chart.contains("fail \"image.repository must be set"), "no default image that nobody publishes");
        assertTrue(policy.contains("fail \"networkPolicy.identityProviderCidr must be set"), "no open https egress by default");
        Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        assertEquals("", map(values, "networkPolicy").get("identityProviderCidr"));
        assertEquals("", map(values, "image").get("repository"));

        Map<String, Object> rendered = render("networkpolicy.yaml");
        List<?> egress = (List<?>) map(rendered, "spec").get("egress");
        assertTrue(egress.get(0).toString().contains("podSelector") && !egress.get(0).toString().contains("ipBlock"),
                "the database by pod labels unless its address range is given: " + egress.get(0));
        List<?> ingress = (List<?>) map(rendered, "spec").get("ingress");
        assertEquals(2, ingress.size(), "the ingress controller, and the scraper's namespace: " + ingress);
        assertTrue(ingress.get(1).toString().contains("monitoring"), ingress.get(1).toString());
    }

    @Test
    void theMigrationJobAloneHoldsTheOwnerAndRunsBeforeEveryInstallAndUpgrade() throws IOException {
        Map<String, Object> job = render("migration-job.yaml");
        assertEquals("pre-install,pre-upgrade", map(job, "metadata", "annotations").get("helm.sh/hook"));
        Map<String, Object> container = first(map(map(job, "spec", "template"), "spec"), "containers");
        assertEquals(List.of("migrate"), container.get("args"));
        assertTrue(container.get("env").toString().contains("WFX_DATABASE_OWNER_PASSWORD"));
        assertEquals(true, map(container, "securityContext").get("readOnlyRootFilesystem"));
    }

    @Test
    void retentionRunsNightlyAsTheOwnerInAJobOfItsOwn() throws IOException {
        Map<String, Object> cron = render("retention-cronjob.yaml");
        assertEquals("CronJob", cron.get("kind"));
        assertEquals("Forbid", map(cron, "spec").get("concurrencyPolicy"));
        Map<String, Object> container = first(map(map(map(map(cron, "spec", "jobTemplate"), "spec"), "template"), "spec"), "containers");
        assertEquals(List.of("retention"), container.get("args"));
        assertTrue(container.get("env").toString().contains("WFX_DATABASE_OWNER_PASSWORD"));
        assertEquals(true, map(container, "securityContext").get("readOnlyRootFilesystem"));
    }

    @Test
    void theChartKeepsAReplicaThroughDisruptionsServesOnlyTlsAndLetsOnlyTheNeededTrafficThrough() throws IOException {
        Map<String, Object> budget = render("pdb.yaml");
        assertTrue(((Number) map(budget, "spec").get("minAvailable")).intValue() >= 1);

        Map<String, Object> ingress = render("ingress.yaml");
        Map<String, Object> tls = first(map(ingress, "spec"), "tls");
        assertNotNull(tls.get("secretName"));
        assertEquals("true", map(ingress, "metadata", "annotations").get("nginx.ingress.kubernetes.io/ssl-redirect"));

        Map<String, Object> policy = render("networkpolicy.yaml");
        assertEquals(List.of("Ingress", "Egress"), map(policy, "spec").get("policyTypes"));
        List<Object> egressPorts = new ArrayList<>();
        for (Object rule : (List<?>) map(policy, "spec").get("egress")) {
            for (Object port : (List<?>) ((Map<?, ?>) rule).get("ports")) {
                egressPorts.add(((Map<?, ?>) port).get("port"));
            }
        }
        assertEquals(List.of(5432, 443, 53, 53), egressPorts, "out: the database, the identity provider over https, DNS");
        Map<String, Object> in = first(map(policy, "spec"), "ingress");
        assertEquals("[{port=8080, protocol=TCP}]", in.get("ports").toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheMigrationOnceThenTwoReplicasBehindAProxyWithSecretsFromFiles() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(INFRA.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertTrue(services.keySet().containsAll(List.of("postgres", "migrate", "platform-1", "platform-2", "proxy")), services.keySet().toString());
        assertEquals(List.of("migrate"), map(services, "migrate").get("command"));
        for (String replica : List.of("platform-1", "platform-2")) {
            Map<String, Object> service = map(services, replica);
            assertEquals("service_completed_successfully", map(service, "depends_on", "migrate").get("condition"));
            Map<String, Object> env = map(service, "environment");
            assertFalse(env.keySet().stream().anyMatch(k -> k.contains("OWNER")), replica + " holds no owner credentials");
            assertEquals("/run/secrets/pseudonym-keys", env.get("WFX_PSEUDONYM_KEY_FILE"));
            assertEquals(true, service.get("read_only"));
            assertEquals(List.of("ALL"), service.get("cap_drop"));
        }
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Object env = ((Map<String, Object>) service.getValue()).get("environment");
            if (env instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> assertFalse(name.toString().endsWith("PASSWORD"),
                        service.getKey() + " gives " + name + " in clear; passwords come from secret files (_FILE)"));
            }
        }
        ((Map<String, Object>) compose.get("secrets")).values()
                .forEach(secret -> assertNotNull(((Map<?, ?>) secret).get("file"), "secrets are files: " + secret));
        assertTrue(Files.readString(INFRA.resolve("Dockerfile")).contains("USER wfx"), "the image runs as an unprivileged user");
    }

    /**
     * The secrets compose mounts can be read by the containers' own users (the service runs as uid 10001, PostgreSQL as
     * 999; a bind mount keeps the host's owner and mode), and by no other user of the host: the files are 0444 inside a
     * directory only its owner may enter (issue 32: they were 0600, and neither container could read them).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSecretFilesAreReadableByTheContainersUsersAndNoOtherUserOfTheHost() throws Exception {
        Path copy = Files.createTempDirectory("secrets");
        Files.copy(INFRA.resolve("secrets/make-secrets.sh"), copy.resolve("make-secrets.sh"));
        Process made = new ProcessBuilder("sh", copy.resolve("make-secrets.sh").toString()).redirectErrorStream(true).start();
        assertTrue(made.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && made.exitValue() == 0, new String(made.getInputStream().readAllBytes()));
        Path generated = copy.resolve("generated");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)));
        Map<String, Object> compose = new Yaml().load(Files.readString(INFRA.resolve("compose.yaml")));
        for (Object secret : ((Map<String, Object>) compose.get("secrets")).values()) {
            String file = (String) ((Map<?, ?>) secret).get("file");
            assertTrue(file.startsWith("./secrets/generated/"), file);
            Path made1 = generated.resolve(file.substring("./secrets/generated/".length()));
            assertTrue(Files.size(made1) > 0, "made: " + made1);
            assertEquals("r--r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(made1)), made1.toString());
        }
        String before = Files.readString(generated.resolve("wfx-app-password"));
        Process again = new ProcessBuilder("sh", copy.resolve("make-secrets.sh").toString()).redirectErrorStream(true).start();
        assertTrue(again.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && again.exitValue() == 0);
        assertEquals(before, Files.readString(generated.resolve("wfx-app-password")), "run again, it keeps what it made");
    }

    /**
     * The settings an operator must give before the chart renders at all (its guards refuse without them): an image in
     * their registry, their identity provider and its address range. Everything else is the chart's default.
     */
    static final Map<String, String> REQUIRED = Map.of(
            "image.repository", "registry.example.org/workforce-exchange",
            "oidc.issuer", "https://login.example.org/tenant/v2.0",
            "oidc.audience", "api://workforce-exchange",
            "oidc.jwksUrl", "https://login.example.org/tenant/discovery/v2.0/keys",
            "networkPolicy.identityProviderCidr", "203.0.113.0/24");

    /** Helm's library hands back a chart's hooks apart from its manifests; a copy renamed so renders them with the rest. */
    private static final String HOOK = "helm.sh/hook";
    private static final String UNHOOKED = "x-rendered-by-test.helm.sh/hook";

    /**
     * The chart rendered by Helm itself (its library, helm-java), release "wfx", with {@code settings} over the defaults.
     * helm template prints hooks (the migration Job) with the manifests, but the library returns the manifests alone, so
     * what is rendered is a copy whose hook annotations are renamed; {@link #render} names them back.
     */
    static String helmTemplate(Map<String, String> settings) throws IOException {
        Path copy = chartCopy();
        try {
            for (Path template : Files.list(copy.resolve("templates")).toList()) {
                Files.writeString(template, Files.readString(template).replace(HOOK, UNHOOKED));
            }
            com.marcnuri.helm.TemplateCommand template = new com.marcnuri.helm.Helm(copy).template().withName("wfx");
            settings.forEach(template::set);
            return template.call().replace(UNHOOKED, HOOK);
        } finally {
            exchange.workforce.support.TestDatabase.deleteTree(copy.getParent());
        }
    }

    /** One template of the chart, as Helm renders it with the required settings and every default. */
    static Map<String, Object> render(String template) throws IOException {
        String marker = "# Source: workforce-exchange/templates/" + template;
        for (String document : helmTemplate(REQUIRED).split("(?m)^---\\s*$")) {
            if (document.contains(marker)) {
                return new Yaml().load(document);
            }
        }
        throw new AssertionError("Helm rendered no " + template);
    }

    /** A copy of the chart, in a temporary directory of its own. */
    private static Path chartCopy() throws IOException {
        Path copy = Files.createTempDirectory("chart").resolve("workforce-exchange");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    @Test
    void helmLintsTheChartCleanWithTheSettingsAnOperatorMustGive() throws IOException {
        // lint reads the values file, so a copy of the chart carries the required settings in its values.yaml
        Path copy = chartCopy();
        Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        REQUIRED.forEach((key, value) -> setValue(values, key, value));
        Files.writeString(copy.resolve("values.yaml"), new Yaml().dumpAsMap(values));
        com.marcnuri.helm.LintResult lint = new com.marcnuri.helm.Helm(copy).lint().strict().call();
        exchange.workforce.support.TestDatabase.deleteTree(copy.getParent());
        assertFalse(lint.isFailed(), "helm lint --strict: " + lint.getMessages());
    }

    @Test
    void theApisRateLimitReachesTheReplicasAndOtherSitesAreLetInOnlyWhenNamed() throws IOException {
        String defaults = helmTemplate(REQUIRED);
        assertTrue(defaults.contains("name: WFX_RATE_LIMIT_PER_MINUTE, value: \"600\""), defaults);
        assertFalse(defaults.contains("WFX_CORS_ORIGINS"), "by default no other site's script may read the API");
        Map<String, String> settings = new java.util.HashMap<>(REQUIRED);
        settings.put("api.corsOrigins", "https://insight.kent.gov.uk");
        settings.put("api.rateLimitPerMinute", "1200");
        String rendered = helmTemplate(settings);
        assertTrue(rendered.contains("name: WFX_CORS_ORIGINS, value: \"https://insight.kent.gov.uk\""), rendered);
        assertTrue(rendered.contains("name: WFX_RATE_LIMIT_PER_MINUTE, value: \"1200\""), rendered);
    }

    @Test
    void aReadOnlyCopyOfTheDatabaseIsPassedToTheReplicasOnlyWhenOneIsGiven() throws IOException {
        assertFalse(render("deployment.yaml").toString().contains("WFX_DATABASE_READ_URL"), "by default every read is on the primary");
        Map<String, String> settings = new java.util.HashMap<>(REQUIRED);
        settings.put("database.readUrl", "jdbc:postgresql://postgres-replica:5432/workforce_exchange");
        String rendered = helmTemplate(settings);
        assertTrue(rendered.contains("name: WFX_DATABASE_READ_URL, value: \"jdbc:postgresql://postgres-replica:5432/workforce_exchange\""),
                rendered);
    }

    @Test
    void theChartRefusesToRenderUntilTheOperatorsOwnSettingsAreGiven() {
        for (String required : REQUIRED.keySet()) {
            Map<String, String> without = new java.util.HashMap<>(REQUIRED);
            without.remove(required);
            Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> helmTemplate(without), required);
            assertTrue(String.valueOf(refused.getMessage()).contains(required.substring(0, required.indexOf('.')))
                    || String.valueOf(refused.getMessage()).contains(required), required + ": " + refused.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static void setValue(Map<String, Object> values, String path, String value) {
        String[] keys = path.split("\\.");
        Map<String, Object> at = values;
        for (int k = 0; k < keys.length - 1; k++) {
            at = (Map<String, Object>) at.get(keys[k]);
        }
        at.put(keys[keys.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String... keys) {
        Map<String, Object> at = from;
        for (String key : keys) {
            at = (Map<String, Object>) at.get(key);
            assertNotNull(at, "no '" + key + "' in " + from.keySet());
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> from, String key) {
        return (Map<String, Object>) ((List<?>) from.get(key)).get(0);
    }

    static {
        assertTrue(Files.isDirectory(CHART), "run from platform/: " + CHART.toAbsolutePath());
        assertTrue(Stream.of("deployment.yaml", "migration-job.yaml", "retention-cronjob.yaml", "pdb.yaml", "ingress.yaml",
                        "networkpolicy.yaml", "service.yaml")
                .allMatch(t -> Files.exists(CHART.resolve("templates").resolve(t))));
    }
}
