package exchange.workforce.support;

import exchange.workforce.database.DatabaseConnection;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** PostgreSQL in a container, for machines with a Docker engine. */
final class DockerPostgres {

    private DockerPostgres() {
    }

    /** Asks Testcontainers only where a Docker engine could be (its socket, or DOCKER_HOST), so machines without one log no error. */
    static boolean available() {
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    static DatabaseConnection start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
        container.start();
        String url = container.getJdbcUrl();
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        return TestDatabase.createRolesAndDatabase(server, container.getUsername(), container.getPassword());
    }
}
