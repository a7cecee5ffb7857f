package exchange.workforce.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock: code that asks what day it is injects it, so tests can set the day. */
@Factory
public class Clocks {

    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
