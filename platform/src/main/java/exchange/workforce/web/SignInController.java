package exchange.workforce.web;

import exchange.workforce.identity.LocalIssuerSettings;

import exchange.workforce.identity.OidcSettings;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.LocalIssuer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Signing in and out in a browser. Locally, a newcomer chooses a demonstration user (the local issuer signs the same
 * kind of token an identity provider would); in production, sign-in belongs to the organisation's identity
 * provider, and this page says so.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {

    private final Optional<LocalIssuer> issuer;
    private final SessionCookie session;
    private final Sessions sessions;
    private final Pages pages;
    private final Callers callers;
    private final Html html;

    private final boolean provider;

    public SignInController(LocalIssuerSettings localIssuer, OidcSettings oidc, SessionCookie session, Sessions sessions, Pages pages,
                            Callers callers, Html html) {
        this.html = html;
        this.provider = oidc.authorizationUrl() != null && !oidc.authorizationUrl().isBlank();
        this.issuer = localIssuer.keyFile() == null || localIssuer.keyFile().isBlank() ? Optional.empty()
                : Optional.of(LocalIssuer.open(Path.of(localIssuer.keyFile())));
        this.session = session;
        this.sessions = sessions;
        this.pages = pages;
        this.callers = callers;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> start(@Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/sign-in"));
        }
        return HttpResponse.seeOther(URI.create(Pages.landing(callers.of(authentication))));
    }

    @Get(value = "/sign-in", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> signInPage(HttpRequest<?> request) {
        return signInPage(request, null, NextPage.safe(request.getParameters().get("next")));
    }

    /** Who to sign in as (a demonstration user), and the page to go back to. */
    @Introspected
    public record SignInForm(String user, String next) implements Form {
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        if (issuer.isEmpty()) {
            throw new PageProblem(404, "Page not found", "Sign in through your organisation's identity provider.");
        }
        Optional<DemoUsers.DemoUser> chosen = Optional.ofNullable(form.user()).flatMap(DemoUsers::byId);
        if (chosen.isEmpty()) {
            return signInPage(request, "Choose who to sign in as", NextPage.safe(form.next()));
        }
        DemoUsers.DemoUser user = chosen.get();
        String token = issuer.get().issue(user.id(), user.authority(), user.region(), user.roles(), Sessions.LONGEST);
        String landing = Pages.landing(new Caller(user.id(), Optional.ofNullable(user.authority()), Optional.ofNullable(user.region()),
                Optional.empty(), user.roles()));
        String next = NextPage.safe(form.next());
        return HttpResponse.seeOther(URI.create(next != null ? next : landing)).cookie(session.of(sessions.open(token)));
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signOut(HttpRequest<?> request) {
        SessionCookie.id(request).ifPresent(sessions::close);
        return HttpResponse.seeOther(URI.create("/signed-out")).cookie(session.cleared());
    }

    /**
     * After signing out, or (with {@code timedOut}) where the page's timeout warning sends a browser whose session
     * ended unused: the session is closed here too, in case the warning's clock ran ahead of the server's.
     */
    @Get(value = "/signed-out", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> signedOut(HttpRequest<?> request, @Nullable @io.micronaut.http.annotation.QueryValue String reason) {
        boolean timedOut = "timeout".equals(reason);
        String title = timedOut ? "For your security, we signed you out" : "You have signed out";
        long minutes = sessions.idle().toMinutes();
        MutableHttpResponse<String> page = html.page("signed-out", new SignedOutView(Pages.anonymousLayout(request, title), timedOut,
                minutes == 1 ? "1 minute" : minutes + " minutes"), request);
        if (timedOut) {
            SessionCookie.id(request).ifPresent(sessions::close);
            page.cookie(session.cleared());
        }
        return page;
    }

    /** The timeout warning's "Stay signed in": using the session is what keeps it open; nothing else happens. */
    @Get(value = "/session/keep-alive")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Void> keepAlive() {
        return HttpResponse.noContent();
    }

    private HttpResponse<String> signInPage(HttpRequest<?> request, String error, @Nullable String next) {
        return html.page(error == null ? io.micronaut.http.HttpStatus.OK : io.micronaut.http.HttpStatus.BAD_REQUEST, "sign-in",
                new SignInView(Pages.anonymousLayout(request, error == null ? "Sign in" : "Error: Sign in"), next, issuer.isPresent(), provider,
                        DemoUsers.ALL, error), request);
    }


    /** After signing out, or being signed out for not using the service: how long a session lasts unused. */
    record SignedOutView(Layout layout, boolean timedOut, String idle) implements PageView {
    }

    /** Signing in: through the identity provider, or (where the local issuer runs) as a demonstration user. */
    record SignInView(Layout layout, String next, boolean local, boolean provider, java.util.List<DemoUsers.DemoUser> users, String error)
            implements PageView {
    }
}
