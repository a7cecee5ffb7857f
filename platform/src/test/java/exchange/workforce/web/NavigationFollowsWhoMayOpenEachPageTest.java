package exchange.workforce.web;

import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every role, on a council's side and a region's, is shown exactly the pages it may open: each link it is given opens
 * (never a 403 behind a link), and each page of the navigation it is not given refuses it or belongs to the other side.
 */
@MicronautTest(transactional = false)
class NavigationFollowsWhoMayOpenEachPageTest extends PlatformTest {

    private static final Pattern LINK = Pattern.compile("govuk-service-navigation__link\"[^>]*href=\"([^\"]+)\"");

    private int status(String path, String session) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE)
                    .cookie(Cookie.of(SessionCookie.NAME, session)), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private List<String> linksShown(String landing, String session) {
        String page = http.toBlocking().retrieve(HttpRequest.GET(landing).accept(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(SessionCookie.NAME, session)));
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    void eachRoleIsLinkedToThePagesItMayOpenAndNoOthers() {
        Map<String, String> people = new LinkedHashMap<>();
        for (Role role : List.of(Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER, Role.REFERENCE_OFFICER, Role.PLANNER)) {
            people.put("Kent " + role, session(Tokens.authorityUser("kent-" + role.name().toLowerCase(), "E10000016", role)));
        }
        for (Role role : List.of(Role.REGION_ADMIN, Role.REGIONAL_VIEWER, Role.PLANNER)) {
            people.put("South East " + role, session(Tokens.regionalUser("se-" + role.name().toLowerCase(), "E12000008", role)));
        }
        List<String> wrong = new ArrayList<>();
        people.forEach((who, session) -> {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            Navigation.ITEMS.forEach(item -> statuses.put(item.href(), status(item.href(), session)));
            String opens = statuses.entrySet().stream().filter(e -> e.getValue() == 200).map(Map.Entry::getKey).findFirst().orElseThrow();
            // a page the role may open answers it, even if with "no figures yet" (422 before DfE's files are loaded)
            List<String> shown = linksShown(opens, session);
            for (Navigation.Item item : Navigation.ITEMS) {
                int status = statuses.get(item.href());
                boolean linked = shown.contains(item.href());
                boolean refused = status == 401 || status == 403;
                if (linked && refused) {
                    wrong.add(who + " is linked to " + item.href() + ", which answers " + status);
                }
                boolean otherSide = item.side() == Navigation.Side.COUNCIL && who.startsWith("South East")
                        || item.side() == Navigation.Side.REGION && who.startsWith("Kent");
                if (!linked && !refused && !otherSide) {
                    wrong.add(who + " may open " + item.href() + " but is not linked to it");
                }
            }
        });
        assertEquals(List.of(), wrong);
    }
}
