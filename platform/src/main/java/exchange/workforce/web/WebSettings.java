package exchange.workforce.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The browser pages' settings (README.md, Configuration).
 *
 * @param sessionIdle   how long a browser session may lie unused before it ends (WFX_SESSION_IDLE)
 * @param secureCookies whether cookies carry Secure: always in production; local mode serves plain HTTP on one machine
 */
@ConfigurationProperties("wfx.web")
public record WebSettings(@Bindable(defaultValue = "30m") Duration sessionIdle, @Bindable(defaultValue = "true") boolean secureCookies) {

    /** The idle time as a person reads it: "30 minutes", "1 hour", "90 seconds". */
    public String sessionIdleInWords() {
        long seconds = sessionIdle.toSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        return seconds % 60 == 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
