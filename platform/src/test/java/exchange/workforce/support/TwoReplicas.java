package exchange.workforce.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;

/**
 * Two replicas of the service against the one test database, each with its own client, as a load balancer would
 * spread councils over them: what one accepts, the other must serve, for nothing may live in one replica's memory.
 */
public final class TwoReplicas implements AutoCloseable {

    public final EmbeddedServer first;
    public final EmbeddedServer second;
    public final Api one;
    public final Api two;
    private final HttpClient firstClient;
    private final HttpClient secondClient;

    private TwoReplicas(EmbeddedServer first, EmbeddedServer second) {
        this.first = first;
        this.second = second;
        this.firstClient = HttpClient.create(first.getURL());
        this.secondClient = HttpClient.create(second.getURL());
        JsonMapper json = first.getApplicationContext().getBean(JsonMapper.class);
        this.one = new Api(firstClient.toBlocking(), json);
        this.two = new Api(secondClient.toBlocking(), json);
    }

    /** Starts both with the tests' service settings. */
    public static TwoReplicas start() {
        HashMap<String, Object> properties = new HashMap<>(PlatformTest.serviceProperties());
        EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties);
        try {
            return new TwoReplicas(first, ApplicationContext.run(EmbeddedServer.class, properties));
        } catch (RuntimeException failed) {
            first.close();
            throw failed;
        }
    }

    /** A bean of the second replica, to look inside it (its caches, its data source). */
    public <T> T secondsBean(Class<T> type) {
        return second.getApplicationContext().getBean(type);
    }

    @Override
    public void close() {
        firstClient.close();
        secondClient.close();
        second.close();
        first.close();
    }
}
