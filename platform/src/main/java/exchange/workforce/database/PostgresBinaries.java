package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The real PostgreSQL server programs (initdb, postgres, pg_ctl) that ship inside the platform jar as
 * zonky's binary archive, unpacked once per archive into a directory named by its hash. The platform
 * runs them itself (see {@link PostgresProcess}) rather than through zonky's launcher, so that it owns the
 * server's settings (durability on), its authentication (passwords) and its lifetime (a child of the service).
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The directory holding bin/initdb, bin/postgres and bin/pg_ctl, unpacked if it is not there yet. */
    static Path installed() {
        try {
            byte[] archive = archive();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
            Path root = ownDirectory(Path.of(System.getProperty("java.io.tmpdir"),
                    "workforce-exchange-postgres-" + System.getProperty("user.name")));
            Path target = root.resolve(digest);
            if (Files.isRegularFile(target.resolve(".complete"))) {
                return target;
            }
            try (FileChannel channel = FileChannel.open(root.resolve(digest + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isRegularFile(target.resolve(".complete"))) {
                    Path unpacking = Files.createTempDirectory(root, digest + ".unpacking");
                    unpack(archive, unpacking);
                    Files.createFile(unpacking.resolve(".complete"));
                    Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return target;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ConfigurationProblem("Could not unpack the embedded PostgreSQL programs into "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage()
                    + ". Free some disk space there, or set WFX_DATABASE_URL to use a PostgreSQL server.", e);
        }
    }

    /**
     * The temporary directory is shared by every user of the machine, so the programs live in a directory of this
     * user's own, readable and writable by no one else: programs someone else placed there would run as this user.
     */
    private static Path ownDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            Files.createDirectories(directory);
            LocalDatabaseCredentials.ownerOnly(directory);
        }
        java.nio.file.attribute.UserPrincipal me = directory.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.getOwner(directory).equals(me)) {
            throw new IOException(directory + " belongs to " + Files.getOwner(directory).getName() + ", not to "
                    + me.getName() + "; remove it, or set java.io.tmpdir to a directory of your own");
        }
        LocalDatabaseCredentials.ownerOnly(directory);
        return directory;
    }

    /**
     * How to run one of the programs: PostgreSQL refuses to run as root, so under root (as in a bare
     * container) it runs in a user namespace of its own, as zonky does.
     */
    static java.util.List<String> command(Path binaries, String program) {
        java.util.List<String> command = new java.util.ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            command.addAll(java.util.List.of("unshare", "-U"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        return command;
    }

    private static byte[] archive() throws IOException {
        String system = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String architecture = System.getProperty("os.arch");
        architecture = "amd64".equals(architecture) ? "x86_64" : architecture;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
            if (in == null) {
                throw new IOException("the platform carries no PostgreSQL programs for " + system + " " + architecture);
            }
            return in.readAllBytes();
        }
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("the archive names a file outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
                        path.toFile().setExecutable(true, true);
                    }
                }
            }
        }
    }
}
