package exchange.workforce.governance;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** The region's information-governance pack in the browser, and as a Word document. Same use case as the API. */
@Controller("/region/governance")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
public class GovernancePage {


    private final Callers callers;
    private final GovernancePack packs;
    private final Pages pages;
    private final Html html;

    public GovernancePage(Callers callers, GovernancePack packs, Pages pages, Html html) {
        this.callers = callers;
        this.packs = packs;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> pack(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        GovernancePack.Pack pack = packs.pack(caller);
        return html.page("region-governance", new GovernanceView(pages.layout(request, caller, "Information governance pack"), pack, "Written on " + exchange.workforce.web.GovukDates.format(pack.generatedOn()) + " from version " + pack.termsVersion()
                + " of your memorandum's terms (in force from " + exchange.workforce.web.GovukDates.format(pack.termsInForceFrom()) + ") and this service's settings.",
                pack.sections().stream().map(s -> Pages.row("id", s.id(), "title", s.title(), "paragraphs", s.paragraphs(),
                "head", s.table().isEmpty() ? java.util.List.of() : s.table().get(0),
                "rows", s.table().isEmpty() ? java.util.List.of() : s.table().subList(1, s.table().size()),
                "derivedFrom", String.join("; ", s.derivedFrom().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList())))
                .toList()), request);
    }

    /** The governance pack as a page: when and from what it was written, and its sections. */
    record GovernanceView(Layout layout, GovernancePack.Pack pack, String written, java.util.List<Map<String, Object>> sections) implements PageView {
    }

    @Get(value = "/download", produces = GovernanceDocument.TYPE)
    public HttpResponse<byte[]> download(Authentication authentication) {
        return GovernanceDocument.download(packs.pack(callers.regionalUser(authentication)));
    }
}
