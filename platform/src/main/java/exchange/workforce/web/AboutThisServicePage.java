package exchange.workforce.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * What anyone may read before signing in, linked from every page's footer: the accessibility statement, the privacy
 * notice (what the service holds about council staff and social workers, and the right of access) and the cookies it
 * sets (only those it needs to work).
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
public class AboutThisServicePage {

    private final Pages pages;
    private final Html html;

    public AboutThisServicePage(Pages pages, Html html) {
        this.pages = pages;
        this.html = html;
    }

    @Get(value = "/accessibility", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> accessibility(HttpRequest<?> request) {
        return html.page("about-accessibility", new AboutView(Pages.anonymousLayout(request, "Accessibility statement")), request);
    }

    @Get(value = "/privacy", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> privacy(HttpRequest<?> request) {
        return html.page("about-privacy", new AboutView(Pages.anonymousLayout(request, "Privacy notice")), request);
    }

    @Get(value = "/cookies", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> cookies(HttpRequest<?> request) {
        return html.page("about-cookies", new AboutView(Pages.anonymousLayout(request, "Cookies")), request);
    }

    /** A page about the service: its words are all in its template. */
    record AboutView(Layout layout) implements PageView {
    }
}
