package exchange.workforce.operations;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Log lines are written by a background thread, so no request waits for the console, and none is ever dropped. */
class LoggingTest {

    @Test
    void everyLogLineGoesThroughABackgroundWriterThatDropsNothing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        AsyncAppender async = assertInstanceOf(AsyncAppender.class, root.getAppender("ASYNC"), "the root logger writes through ASYNC");
        assertEquals(0, async.getDiscardingThreshold(), "no level of line is discarded when the queue fills");
        assertFalse(async.isNeverBlock(), "a full queue makes the caller wait rather than lose the line");
        assertNotNull(async.getAppender("JSON"));
        assertInstanceOf(ConsoleAppender.class, async.getAppender("JSON"), "one JSON object per line on standard output");
        assertEquals(null, root.getAppender("JSON"), "nothing writes to the console on the request's own thread");
    }
}
