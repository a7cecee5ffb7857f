package exchange.workforce.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The passwords of the embedded server's roles (its superuser, the tables' owner, the application role and
 * the benchmark reader), made at random on the first start and kept beside the data in a file only the service's own
 * user may read. The embedded server accepts no connection without one: no "trust" authentication.
 */
record LocalDatabaseCredentials(String superuser, String owner, String application, String benchmark) {

    static final String SUPERUSER = "postgres";

    static Path file(Path clusterDirectory) {
        return clusterDirectory.resolveSibling("postgres-passwords.properties");
    }

    static Optional<LocalDatabaseCredentials> read(Path clusterDirectory) {
        Path file = file(clusterDirectory);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String superuser = properties.getProperty(SUPERUSER);
        String owner = properties.getProperty(EmbeddedDatabase.OWNER_ROLE);
        String application = properties.getProperty(EmbeddedDatabase.APPLICATION_ROLE);
        String benchmark = properties.getProperty(EmbeddedDatabase.BENCHMARK_ROLE);
        if (superuser == null || owner == null || application == null || benchmark == null) {
            return Optional.empty();
        }
        return Optional.of(new LocalDatabaseCredentials(superuser, owner, application, benchmark));
    }

    static LocalDatabaseCredentials readOrCreate(Path clusterDirectory) throws IOException {
        Optional<LocalDatabaseCredentials> existing = read(clusterDirectory);
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDatabaseCredentials created = new LocalDatabaseCredentials(random(), random(), random(), random());
        Properties properties = new Properties();
        properties.setProperty(SUPERUSER, created.superuser);
        properties.setProperty(EmbeddedDatabase.OWNER_ROLE, created.owner);
        properties.setProperty(EmbeddedDatabase.APPLICATION_ROLE, created.application);
        properties.setProperty(EmbeddedDatabase.BENCHMARK_ROLE, created.benchmark);
        Path file = file(clusterDirectory);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "postgres-passwords", ".tmp");
        ownerOnly(temporary);
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "Passwords of the embedded PostgreSQL's roles. Made by the platform; keep private.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return created;
    }

    /** Letters, digits, '-' and '_' only, so a password can stand inside an SQL string literal as it is. */
    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwx------" : "rw-------"));
        }
    }
}
