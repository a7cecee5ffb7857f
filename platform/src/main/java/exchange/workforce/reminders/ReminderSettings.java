package exchange.workforce.reminders;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param publicUrl the address links in e-mails lead to (WFX_PUBLIC_URL), without a trailing slash
 */
@ConfigurationProperties("wfx")
public record ReminderSettings(@Bindable(defaultValue = "http://localhost:8080") String publicUrl) {
}
