package exchange.workforce.database;

import exchange.workforce.support.TestDatabase;

/**
 * A test JVM in miniature, for {@link TestDatabasesEndWithTheirJvmTest}: starts the tests' database as any test does,
 * says where its data directory is, then waits to be killed (and ends by itself within three minutes, started or not).
 */
public final class TestDatabaseChildJvm {

    static final String DIRECTORY = "test-database-directory=";

    private TestDatabaseChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(150_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3); // however far it got, it ends by itself
        }, "child-deadline");
        deadline.setDaemon(true);
        deadline.start();
        TestDatabase.shared();
        System.out.println(DIRECTORY + TestDatabase.embeddedDataDirectory().orElseThrow());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
