package exchange.workforce.operations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator reads in the access log: one line per request that matters, each carrying the caller's W3C trace id
 * where it sent one, and none for the health probes an orchestrator sends every few seconds while they succeed.
 */
@MicronautTest(transactional = false)
class AccessLogTest extends PlatformTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private List<ILoggingEvent> logged(Runnable requests) {
        Logger access = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("access");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        access.addAppender(captured);
        try {
            requests.run();
        } finally {
            access.detachAppender(captured);
        }
        return List.copyOf(captured.list);
    }

    @Test
    void aRequestsLineCarriesTheCallersTraceIdAndSucceedingHealthProbesWriteNone() {
        String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
        List<ILoggingEvent> lines = logged(() -> {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, api.send(HttpRequest.GET("/health/liveness")).status());
            }
            api.send(HttpRequest.GET("/api/v1/me").bearerAuth(kent).header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01"));
            api.send(HttpRequest.GET("/api/v1/me").bearerAuth(kent).header("traceparent", "00-" + TRACE + "-zz-01"));
        });
        assertTrue(lines.stream().noneMatch(e -> e.getFormattedMessage().contains("/health")), "no line for a probe that succeeded");
        List<ILoggingEvent> me = lines.stream().filter(e -> e.getFormattedMessage().startsWith("GET /api/v1/me 200")).toList();
        assertEquals(2, me.size(), lines.toString());
        assertEquals(TRACE, me.get(0).getMDCPropertyMap().get("traceId"), "the caller's trace id, to find the line from its trace");
        assertTrue(me.get(0).getMDCPropertyMap().containsKey("requestId"));
        assertNull(me.get(1).getMDCPropertyMap().get("traceId"), "a malformed traceparent is ignored");
    }
}
