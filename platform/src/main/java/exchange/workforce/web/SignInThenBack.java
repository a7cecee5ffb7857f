package exchange.workforce.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The framework's answer to a browser that must sign in, with one addition: the page it asked for goes with it
 * ({@code /sign-in?next=…}), so a bookmark, or a page open when the session ended, opens again after signing in
 * ({@link NextPage} decides what may be followed). Everything else is the framework's own handling.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SignInThenBack extends DefaultAuthorizationExceptionHandler {

    public SignInThenBack(ErrorResponseProcessor<?> errors, RedirectConfiguration redirect, RedirectService redirects,
                          @Nullable PriorToLoginPersistence priorToLogin) {
        super(errors, redirect, redirects, priorToLogin);
    }

    @Override
    protected String getRedirectUri(HttpRequest<?> request, AuthorizationException exception) {
        String uri = super.getRedirectUri(request, exception);
        String asked = exception.isForbidden() || request.getMethod() != HttpMethod.GET ? null : NextPage.safe(request.getUri().toString());
        return asked == null || uri == null || !uri.equals("/sign-in") ? uri
                : uri + "?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
    }
}
