package exchange.workforce.benchmark;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The benchmark reader's own connections (the database role that may read every council's figures for benchmarks to
 * aggregate; docs/adr/0002-crossing-authority-lines.md).
 *
 * @param url      the database, or its read-only copy (WFX_DATABASE_READ_URL)
 * @param username the benchmark reader role
 * @param password its password
 * @param poolSize connections each replica holds (WFX_DATABASE_BENCHMARK_POOL_SIZE)
 */
@ConfigurationProperties("wfx.benchmark-reader")
public record BenchmarkReaderSettings(String url, String username, String password, @Bindable(defaultValue = "2") int poolSize) {

    @Override
    public String toString() {
        return "BenchmarkReaderSettings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]"; // never the password
    }
}
