package exchange.workforce.operations;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the database answers, for /health and /health/readiness, without any request waiting for it: the answer
 * is the last check's, and a request that finds it older than the interval (2 s unless
 * {@code wfx.health.database-check-interval} says otherwise) starts the next check in the background. So a load
 * balancer polling many times a second costs the database one query per interval, and readiness follows the database
 * within an interval or two. Replaces Micronaut's own JDBC check ({@code endpoints.health.jdbc.enabled: false}),
 * which queried the database on every call.
 */
@Singleton
public class DatabaseHealth implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final String NAME = "database";

    private final DataSource dataSource;
    private final ExecutorService executor;
    private final long intervalNanos;
    private final AtomicBoolean checking = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();
    private volatile Checked last;

    private record Checked(HealthResult result, long atNanos) {
    }

    public DatabaseHealth(DataSource dataSource, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                          HealthSettings settings) {
        // the pool itself: Micronaut's proxy hands out connections only inside a transaction
        this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
        this.executor = executor;
        this.intervalNanos = settings.databaseCheckInterval().toNanos();
        this.last = new Checked(check(), System.nanoTime());
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Checked known = last;
        if (System.nanoTime() - known.atNanos() > intervalNanos && checking.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    last = new Checked(check(), System.nanoTime());
                } finally {
                    checking.set(false);
                }
            });
        }
        return Publishers.just(known.result());
    }

    /** How many times the database has been checked since start. */
    long checks() {
        return checks.get();
    }

    private HealthResult check() {
        checks.incrementAndGet();
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return HealthResult.builder(NAME, HealthStatus.UP).build();
            }
            LOG.warn("Health: the database connection did not answer within 2 s");
            return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", "no answer within 2 s")).build();
        } catch (Exception e) {
            LOG.warn("Health: the database cannot be reached: {}", e.getMessage());
            return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", String.valueOf(e.getMessage()))).build();
        }
    }
}
