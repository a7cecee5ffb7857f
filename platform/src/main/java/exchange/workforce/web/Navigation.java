package exchange.workforce.web;

import exchange.workforce.identity.Caller;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's navigation: the pages a caller's roles open, read from each page's own {@code @Secured} (the rule that
 * lets them in), so a link is never shown to a page that would answer 403, and a page opened to a role is linked for
 * it. What the roles cannot say is the page's side: a council's pages for council users, a region's for regional ones.
 */
@Singleton
public class Navigation {

    /** Whose pages these are: a council's, a region's, or either's (the page shows the caller's own). */
    enum Side { COUNCIL, REGION, EITHER }

    /** A page of the navigation; {@code regionalLabel} where regional users know it by another name. */
    record Item(String href, String label, String regionalLabel, Side side) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("/council", "Your council", null, Side.COUNCIL),
            new Item("/dashboard", "Benchmarks", "Regional dashboard", Side.EITHER),
            new Item("/returns", "Returns", null, Side.COUNCIL),
            new Item("/region/returns", "Members' returns", null, Side.REGION),
            new Item("/region/memorandum", "Memorandum", null, Side.REGION),
            new Item("/region/groups", "Comparison groups", null, Side.REGION),
            new Item("/region/impact", "Did it work?", null, Side.REGION),
            new Item("/region/reminders", "Reminders", null, Side.REGION),
            new Item("/region/board-report", "Board report", null, Side.REGION),
            new Item("/region/governance", "Governance", null, Side.REGION),
            new Item("/forecasts", "Forecasts", null, Side.EITHER),
            new Item("/agency", "Agency rules", null, Side.EITHER),
            new Item("/references", "References", null, Side.COUNCIL));

    private final BeanProvider<Router> router;
    private final Map<String, Set<String>> allowed = new ConcurrentHashMap<>();

    public Navigation(BeanProvider<Router> router) {
        this.router = router;
    }

    /** The caller's links, the one at {@code path} (or above it) marked current. */
    public List<Pages.Link> links(Caller caller, String path) {
        List<Pages.Link> links = new ArrayList<>();
        boolean regional = caller.regionCode().isPresent();
        for (Item item : ITEMS) {
            boolean side = item.side() == Side.EITHER || (item.side() == Side.REGION) == regional;
            if (side && opens(item.href(), caller)) {
                String label = regional && item.regionalLabel() != null ? item.regionalLabel() : item.label();
                links.add(new Pages.Link(item.href(), label, path.equals(item.href()) || path.startsWith(item.href() + "/")));
            }
        }
        return links;
    }

    /** Whether the page's {@code @Secured} lets any of the caller's roles in. */
    boolean opens(String href, Caller caller) {
        Set<String> roles = allowed.computeIfAbsent(href, this::securedRoles);
        return roles.contains(SecurityRule.IS_AUTHENTICATED) || caller.roles().stream().anyMatch(role -> roles.contains(role.name()));
    }

    /** The roles the HTML page answering GET {@code href} is secured for (its method's @Secured, else its class's). */
    Set<String> securedRoles(String href) {
        UriRouteInfo<?, ?> page = router.get().uriRoutes()
                .filter(route -> route.getHttpMethod() == HttpMethod.GET && route.explicitlyProduces(MediaType.TEXT_HTML_TYPE))
                .filter(route -> route.match(href).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("the navigation links " + href + ", which no page answers"));
        return Set.of(page.getAnnotationMetadata().stringValues(Secured.class));
    }
}
