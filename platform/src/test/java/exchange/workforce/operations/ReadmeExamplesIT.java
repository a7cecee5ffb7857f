package exchange.workforce.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's shell examples as a newcomer pastes them: every {@code sh} block but the build and test commands (which
 * are what runs this), top to bottom in one shell, from a directory laid out as the repository is, against the packaged
 * jar started as the README starts it. Every curl must answer 2xx (the shell stops at the first that does not, and says
 * which); the one change made to what is pasted is the port, so a busy 8080 on the build machine cannot fail it.
 */
class ReadmeExamplesIT {

    static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CURL = Pattern.compile("(?m)(^|\\$\\()curl ");
    private static final Pattern ANSWER = Pattern.compile("(?m)^HTTP (\\d{3}) (\\S+) (\\S+)$");

    @TempDir
    Path workingDirectory;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            JarProcess.stop(process);
        }
    }

    @Test
    void everyShellExampleInTheReadmeRunsAsPastedAgainstTheJar() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> examples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            (block.group(1).startsWith("./mvnw") ? skipped : examples).add(block.group(1));
        }
        assertEquals(3, skipped.size(), "building and starting, testing, and mutation testing are not examples to run here: " + skipped);
        assertTrue(examples.size() >= 8, "the README's examples: " + examples.size());

        Files.createDirectories(workingDirectory.resolve("platform/target"));
        Files.createSymbolicLink(workingDirectory.resolve("platform/target/platform.jar"), JarProcess.JAR);
        Files.createSymbolicLink(workingDirectory.resolve("adapters"), README.getParent().resolve("adapters"));
        int port = JarProcess.freePort();
        Process service = JarProcess.start(workingDirectory, port, java.util.Map.of());
        started.add(service);
        JarProcess.awaitHealthUp(workingDirectory, port, service);

        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                # each answer's status on standard error; a 4xx or 5xx ends the shell here, with the problem it answered
                curl() { command curl --silent --show-error --fail-with-body --write-out '%{stderr}HTTP %{http_code} %{method} %{url_effective}\\n' "$@"; }
                """);
        int curls = 0;
        for (int i = 0; i < examples.size(); i++) {
            String example = examples.get(i);
            curls += (int) CURL.matcher(example).results().count();
            script.append("echo '--- README example ").append(i + 1).append("' >&2\n").append(example.replace("localhost:8080", "localhost:" + port));
        }
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", script.toString()).directory(workingDirectory.toFile())
                .redirectOutput(workingDirectory.resolve("examples.out").toFile()).redirectError(workingDirectory.resolve("examples.err").toFile());
        shell.environment().put("XDG_CONFIG_HOME", workingDirectory.resolve("config").toString());
        shell.environment().put("PATH", Path.of(JarProcess.javaExecutable()).getParent() + ":" + System.getenv("PATH"));
        Process run = shell.start();
        assertTrue(run.waitFor(300, TimeUnit.SECONDS), "the examples stop within five minutes");
        String answers = Files.readString(workingDirectory.resolve("examples.err"));
        String printed = Files.readString(workingDirectory.resolve("examples.out"));
        assertEquals(0, run.exitValue(), "an example failed:\n" + answers + "\nprinted:\n" + tail(printed));

        List<String> statuses = ANSWER.matcher(answers).results().map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3)).toList();
        assertEquals(curls, statuses.size(), "every curl in the README ran: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s.startsWith("2")), "every answer is a success: " + statuses);
        assertTrue(answers.contains("HTTP 201 POST http://localhost:" + port + "/api/v1/returns/uploads"), "the return was stored: " + answers);
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
