package exchange.workforce.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL postmaster run as a child of the service, through a small POSIX shell guardian that
 * stops the server (fast shutdown: committed work is kept) as soon as the service's end of the guardian's
 * standard input closes, which the operating system does when the service's process ends however it ends,
 * {@code kill -9} included. So no server is left behind holding the data directory.
 */
final class PostgresProcess {

    /**
     * $1 is the postgres program, the rest its arguments. The guardian keeps the service's pipe on fd 3,
     * runs the server, and a watcher that waits for end-of-file on fd 3 then asks the server to stop. It
     * exits with the server's own exit status.
     */
    private static final String GUARDIAN = """
            exec 3<&0
            "$@" </dev/null &
            server=$!
            ( read -r ignored <&3; kill -INT "$server" 2>/dev/null ) &
            watcher=$!
            wait "$server"
            status=$?
            kill "$watcher" 2>/dev/null
            exit "$status"
            """;

    private final Process guardian;
    private final OutputStream lifeline;

    private PostgresProcess(Process guardian) {
        this.guardian = guardian;
        this.lifeline = guardian.getOutputStream();
    }

    static PostgresProcess start(Path binaries, Path dataDirectory, int port, Map<String, String> settings, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", GUARDIAN, "wfx-postgres-guardian"));
        command.addAll(PostgresBinaries.command(binaries, "postgres"));
        command.addAll(List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port)));
        settings.forEach((name, value) -> {
            command.add("-c");
            command.add(name + "=" + value);
        });
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new PostgresProcess(process);
    }

    boolean isAlive() {
        return guardian.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return guardian.onExit();
    }

    /** Asks the server for a fast shutdown and waits for it; forces it after the patience runs out. */
    void stop(long patienceSeconds) {
        try {
            lifeline.close();
            if (!guardian.waitFor(patienceSeconds, TimeUnit.SECONDS)) {
                guardian.descendants().forEach(ProcessHandle::destroyForcibly);
                guardian.destroyForcibly();
                guardian.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            guardian.descendants().forEach(ProcessHandle::destroyForcibly);
            guardian.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The postmaster's process id, from the postmaster.pid file PostgreSQL keeps in its data directory. */
    static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
