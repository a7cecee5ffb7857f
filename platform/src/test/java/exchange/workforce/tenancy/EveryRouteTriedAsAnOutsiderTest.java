package exchange.workforce.tenancy;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.Fixtures;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.Tokens;
import exchange.workforce.web.Csrf;
import exchange.workforce.web.SessionCookie;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.figure;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route the service has — API operations and pages alike, read from the running service's router, so a new
 * endpoint joins without anyone writing a line — is tried as councils and regions outside Kent's memorandum and as
 * each role the route does not admit, with the ids Kent's own responses gave. None may answer with Kent's private
 * data: no route shows one of Kent's secrets, none answers 2xx on a path naming one of Kent's records, and Kent's
 * records are as they were afterwards.
 */
@MicronautTest(transactional = false)
class EveryRouteTriedAsAnOutsiderTest extends PlatformTest {

    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";
    static final String ESSEX = "E10000012";
    static final String EAST_OF_ENGLAND = "E12000006";
    static final String SOUTH_EAST = "E12000008";
    /** Text only Kent's private records hold: finding any of them in an answer is a leak. */
    static final List<String> SECRETS = List.of("741003", "kent-secret@kent.gov.uk", "KentSecretScenario", "SouthEastSecretGroup",
            "Kent Secret Team", "Secret Agency Ltd", "KentSecretReview");
    /** A value for each path parameter, besides Kent's ids for {id}. A new parameter fails the test until it is given one here. */
    static final Map<String, List<String>> PARAMETERS = Map.of(
            "code", List.of(KENT, SOUTH_EAST),
            "authorityCode", List.of(KENT),
            "periodType", List.of("MONTH"),
            "period", List.of("2025-01"),
            "version", List.of("1"),
            "quarter", List.of("2026-Q3"),
            "file", List.of("MONTH.csv", "assignments.csv"),
            "selector", List.of("liveness", "readiness"),
            "theme", List.of("agency"));
    /** The query every GET is sent with, aimed at Kent: ignored where a route takes none of it. */
    static final String QUERY = "group=region:" + SOUTH_EAST + "&period=2025-01&periodType=MONTH&measures=agency_spend&measure=inpost_fte"
            + "&area=" + KENT + "&quarter=2026-Q3&horizon=2&region=" + SOUTH_EAST;

    @Inject
    Router router;

    private final List<String> kentsIds = new ArrayList<>();

    private String id(Api.Answer answer, String... path) {
        assertTrue(answer.status() == 200 || answer.status() == 201, answer.body());
        Object at = answer.json();
        for (String step : path) {
            at = ((Map<?, ?>) at).get(step);
        }
        kentsIds.add(at.toString());
        return at.toString();
    }

    /** Kent (and the South East) store one of everything, each holding a secret. */
    private void kentHasOneOfEverything() {
        String lead = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
        String hr = Tokens.authorityUser("kent-hr", KENT, Role.REFERENCE_OFFICER);
        String planner = Tokens.authorityUser("kent-planner", KENT, Role.PLANNER);
        String seAdmin = Tokens.regionalUser("se-admin", SOUTH_EAST, Role.REGION_ADMIN);
        Map<String, Object> month = new HashMap<>(censusReturn("2025-01", List.of(figure("agency_spend", 741003))));
        month.put("periodType", "MONTH");
        id(api.post("/api/v1/returns", lead, month), "stored", "id");
        id(api.post("/api/v1/returns", lead, censusReturn("2024", kentFigures())), "stored", "id");
        // a correction being entered online, started from the stored month: its draft holds the secret figure too
        Api.Answer draft = api.post("/api/v1/returns/drafts", lead, Map.of("periodType", "MONTH", "period", "2025-01", "fromStoredFigures", true));
        assertTrue(draft.body().contains("741003"), draft.body());
        Map<String, Object> contact = new HashMap<>(Fixtures.newContact("kent-secret@kent.gov.uk"));
        id(api.post("/api/v1/contacts", lead, contact), "id");
        id(api.post("/api/v1/forecasts/scenarios", planner, Map.of("name", "KentSecretScenario", "turnoverReductionPoints", 3)), "id");
        id(api.post("/api/v1/region/groups", seAdmin, Map.of("name", "SouthEastSecretGroup", "authorityCodes", List.of(KENT, SURREY))), "id");
        String engagement = id(api.post("/api/v1/references/engagements", hr, ReferenceFixtures.engagement("SW123456")), "engagement", "id");
        id(api.post("/api/v1/references/requests", hr, ReferenceFixtures.request(engagement, SURREY)), "id");
        Map<String, Object> review = new HashMap<>(ReferenceFixtures.placementReview("SW123457"));
        review.put("summary", "KentSecretReview: reliable with families.");
        Api.Answer reviewed = api.post("/api/v1/placement-reviews", hr, review);
        if (reviewed.status() == 201) {
            id(reviewed, "id");
        }
        id(api.post("/api/v1/agency/leavers", hr, Map.of("registrationNumber", "SW123458", "leftOn", LocalDate.now().minusDays(10).toString(),
                "role", "SOCIAL_WORKER")), "id");
        Map<String, Object> assignment = exchange.workforce.support.AssignmentRows.body("SW900123");
        assignment.put("team", "Kent Secret Team");
        assignment.put("agency", "Secret Agency Ltd");
        assignment.put("hourlyPay", 30.01);
        assignment.put("exceptions", Map.of("REFERENCES", "Two references requested from previous employers"));
        Api.Answer stored = api.post("/api/v1/agency/assignments", hr, assignment);
        assertEquals(201, stored.status(), stored.body());
        id(stored, "assignmentId");
    }

    /** A route as the router holds it: method, template and the roles it admits (null: any signed-in user or anyone). */
    record Route(HttpMethod method, String template, Set<Role> roles) {

        boolean page() {
            return !template.startsWith("/api/");
        }

        /** The concrete paths to try: each path parameter by its values, {id} by each of Kent's ids. */
        List<String> paths(List<String> ids) {
            List<String> paths = new ArrayList<>(List.of(template.replaceAll("\\{[?&][^}]*}", "")));
            Matcher parameter = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}").matcher(template);
            while (parameter.find()) {
                String name = parameter.group(1);
                List<String> values = name.equals("id") ? ids : PARAMETERS.get(name);
                assertTrue(values != null, "a new path parameter {" + name + "} in " + template + ": say in PARAMETERS what Kent's would be");
                List<String> expanded = new ArrayList<>();
                for (String path : paths) {
                    for (String value : values) {
                        expanded.add(path.replace(parameter.group(), value));
                    }
                }
                paths = expanded;
            }
            return paths;
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        router.uriRoutes().filter(route -> route.getHttpMethod() != HttpMethod.HEAD).forEach((UriRouteInfo<?, ?> route) -> {
            String[] secured = route.getAnnotationMetadata().stringValues(Secured.class);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            boolean open = secured.length == 0;
            for (String rule : secured) {
                if (rule.equals(SecurityRule.IS_ANONYMOUS) || rule.equals(SecurityRule.IS_AUTHENTICATED)) {
                    open = true;
                } else {
                    roles.add(Role.valueOf(rule));
                }
            }
            routes.add(new Route(route.getHttpMethod(), route.getUriMatchTemplate().toString(), open ? null : roles));
        });
        return routes;
    }

    /** Each operation of the specification the service serves, as "METHOD /path". */
    @SuppressWarnings("unchecked")
    private static Set<String> specOperations() {
        try (java.io.InputStream in = EveryRouteTriedAsAnOutsiderTest.class.getResourceAsStream("/META-INF/swagger/workforce-exchange-v1.yml")) {
            Map<String, Object> spec = new org.yaml.snakeyaml.Yaml().load(in);
            Set<String> operations = new TreeSet<>();
            ((Map<String, Object>) spec.get("paths")).forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                    .filter(method -> Set.of("get", "post", "put", "delete", "patch").contains(method))
                    .forEach(method -> operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
            return operations;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Who tries: councils and regions outside Kent's memorandum with every role they can hold. */
    private static Map<String, String> outsiders() {
        Map<String, String> outsiders = new LinkedHashMap<>();
        outsiders.put("Essex, every council role", Tokens.authorityUser("essex-all", ESSEX, Role.AUTHORITY_SUBMITTER,
                Role.AUTHORITY_VIEWER, Role.REFERENCE_OFFICER, Role.PLANNER));
        outsiders.put("the East of England, every regional role", Tokens.regionalUser("eoe-all", EAST_OF_ENGLAND, Role.REGIONAL_VIEWER,
                Role.REGION_ADMIN, Role.PLANNER));
        return outsiders;
    }

    /** Kent's and the South East's own people holding one role each: each is tried on the routes that do not admit it. */
    private static Map<Role, String> oneRoleEach() {
        Map<Role, String> tokens = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            boolean regional = role == Role.REGIONAL_VIEWER || role == Role.REGION_ADMIN;
            tokens.put(role, regional ? Tokens.regionalUser("se-" + role, SOUTH_EAST, role) : Tokens.authorityUser("kent-" + role, KENT, role));
        }
        return tokens;
    }

    private Api.Answer call(Route route, String path, String token) {
        boolean read = route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD;
        String uri = read ? path + (path.contains("?") ? "&" : "?") + QUERY : path;
        MutableHttpRequest<?> request;
        if (route.page()) {
            String session = session(token);
            request = read ? HttpRequest.create(route.method(), uri) : HttpRequest.create(route.method(), uri)
                    .body("csrf=" + Csrf.forSession(session)).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
            request = request.accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, session));
        } else {
            request = read ? HttpRequest.create(route.method(), uri) : HttpRequest.create(route.method(), uri)
                    .body(Map.of()).contentType(MediaType.APPLICATION_JSON_TYPE);
            request = request.bearerAuth(token);
        }
        return api.send(request);
    }

    private static void assertNoSecret(Api.Answer answer, String what) {
        String body = answer.body() == null ? "" : answer.body();
        for (String secret : SECRETS) {
            assertFalse(body.contains(secret), what + " reads Kent's '" + secret + "': " + body.substring(0, Math.min(body.length(), 2000)));
        }
    }

    @Test
    void noRouteGivesKentsPrivateDataToAnOutsiderOrToARoleItDoesNotAdmit() {
        kentHasOneOfEverything();
        List<Route> routes = routes();
        assertTrue(routes.size() > 80, "the router lists the service's routes: " + routes.size());
        Set<String> tried = new TreeSet<>();
        int calls = 0;
        for (Route route : routes) {
            for (String path : route.paths(kentsIds)) {
                boolean namesKentsRecord = kentsIds.stream().anyMatch(path::contains);
                for (Map.Entry<String, String> outsider : outsiders().entrySet()) {
                    Api.Answer answer = call(route, path, outsider.getValue());
                    calls++;
                    String what = outsider.getKey() + " " + route.method() + " " + path + " (" + answer.status() + ")";
                    assertTrue(answer.status() < 500, what + ": " + answer.body());
                    assertNoSecret(answer, what);
                    if (namesKentsRecord) {
                        assertFalse(answer.status() >= 200 && answer.status() < 300, what + " answers about Kent's record: " + answer.body());
                    }
                }
                if (route.roles() != null) {
                    for (Map.Entry<Role, String> one : oneRoleEach().entrySet()) {
                        if (route.roles().contains(one.getKey())) {
                            continue;
                        }
                        Api.Answer answer = call(route, path, one.getValue());
                        calls++;
                        String what = one.getKey() + " alone " + route.method() + " " + path + " (" + answer.status() + ")";
                        assertFalse(answer.status() >= 200 && answer.status() < 300, what + " is admitted by a role the route does not name: "
                                + answer.body());
                        assertNoSecret(answer, what);
                    }
                }
                tried.add(route.method() + " " + route.template());
            }
        }
        assertTrue(tried.contains("GET /api/v1/benchmarks") && tried.contains("GET /dashboard") && tried.contains("GET /api/v1/contacts/{id}"),
                "API operations and pages alike: " + tried);
        Set<String> untried = new TreeSet<>(specOperations());
        untried.removeAll(tried);
        assertEquals(Set.of(), untried, "every operation of the OpenAPI specification is among the routes tried");
        assertTrue(calls > 500, "every route, every outsider, every wrong role: " + calls + " calls");
        String lead = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
        assertTrue(api.get("/api/v1/contacts", lead).body().contains("kent-secret@kent.gov.uk"), "Kent's contact is still there");
        assertTrue(api.get("/api/v1/returns/MONTH/2025-01", lead).body().contains("741003"), "Kent's return is as it was");
        assertTrue(api.get("/api/v1/forecasts/scenarios", Tokens.authorityUser("kent-planner", KENT, Role.PLANNER)).body()
                .contains("KentSecretScenario"), "Kent's scenario is still there");
        assertTrue(api.get("/api/v1/region/groups", Tokens.regionalUser("se-analyst", SOUTH_EAST, Role.REGIONAL_VIEWER)).body()
                .contains("SouthEastSecretGroup"), "the South East's group is still there");
    }
}
