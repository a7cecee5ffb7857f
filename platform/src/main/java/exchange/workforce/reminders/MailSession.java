package exchange.workforce.reminders;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;

/**
 * The mail session, the service's own rather than Jakarta Mail's one default session for the whole JVM: the framework's
 * provider asks for the default one, which refuses a second caller with other credentials ("Access to default session
 * denied") — anything else in the process that sends or receives mail.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
@Requires(property = "javamail.enabled", value = "true")
class MailSession implements SessionProvider {

    private final Session session;

    MailSession(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        this.session = Session.getInstance(properties.mailProperties(), authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
