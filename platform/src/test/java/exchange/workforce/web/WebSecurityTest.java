package exchange.workforce.web;

import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser-facing rules, over real HTTP: cookie flags, CSRF on every form, the policy headers, the API on cookies. */
@MicronautTest(transactional = false)
class WebSecurityTest extends PlatformTest {

    /** As in production: cookies only over HTTPS. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(serviceProperties());
        properties.put("wfx.web.secure-cookies", "true");
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    private HttpResponse<String> signInPage() {
        return http.toBlocking().exchange(HttpRequest.GET("/sign-in").accept(MediaType.TEXT_HTML_TYPE), String.class);
    }

    private static String csrf(HttpResponse<String> page) {
        return page.getCookie(Csrf.COOKIE).orElseThrow().getValue();
    }

    private HttpResponse<String> post(String path, String csrfCookie, String body) {
        io.micronaut.http.MutableHttpRequest<String> request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE);
        if (csrfCookie != null) {
            request = request.cookie(Cookie.of(Csrf.COOKIE, csrfCookie));
        }
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked") HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    @Test
    void theSignInCookieIsHttpOnlySameSiteLaxAndSecure() {
        HttpResponse<String> page = signInPage();
        String token = csrf(page);
        assertTrue(page.body().contains("value=\"" + token + "\""), "the form carries the cookie's token");
        HttpResponse<String> signedIn = post("/sign-in", token, "csrf=" + token + "&user=kent-lead");
        assertEquals(303, signedIn.code());
        String setCookie = signedIn.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith(SessionCookie.NAME + "="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Secure"), setCookie);
        String csrfCookie = page.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith(Csrf.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(csrfCookie.contains("SameSite=Strict") && csrfCookie.contains("Secure"), csrfCookie);
    }

    @Test
    void aFormWithoutThisBrowsersTokenIsRefusedAndChangesNothing() {
        String token = csrf(signInPage());
        HttpResponse<String> none = post("/sign-in", token, "user=kent-lead");
        assertEquals(403, none.code());
        assertTrue(none.body().contains("This form has expired"), none.body());
        assertTrue(none.getHeaders().getAll("Set-Cookie").stream().noneMatch(c -> c.startsWith(SessionCookie.NAME + "=")), "no sign-in");
        HttpResponse<String> forged = post("/sign-in", token, "csrf=someone-elses-token&user=kent-lead");
        assertEquals(403, forged.code());
        HttpResponse<String> noCookie = post("/sign-in", null, "csrf=" + token + "&user=kent-lead");
        assertEquals(403, noCookie.code(), "another site can submit the field, not the cookie");
        HttpResponse<String> signOut = post("/sign-out", token, "confirm=yes");
        assertEquals(403, signOut.code(), "even signing out needs the token");
    }

    @Test
    void everySignedInPageFormIsRefusedWithoutItsTokenBeforeItsHandlerRuns() {
        String session = session(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER));
        String admin = session(Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN));
        for (String[] form : new String[][] {{"/agency/leavers", session, "leaverNumber=SW700001&leftOn-day=1&leftOn-month=9&leftOn-year=2026&leaverRole=SOCIAL_WORKER"},
                {"/region/memorandum/targets", admin, "measure=turnover_rate_fte&comparison=AT_MOST&value=12&source=x&effectiveFrom-day=1&effectiveFrom-month=1&effectiveFrom-year=2027"},
                {"/forecasts/scenarios", session(Tokens.authorityUser("kent-planner", "E10000016", Role.PLANNER)), "name=Forged"}}) {
            for (String token : new String[] {null, "csrf=someone-elses-token&"}) {
                HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                        HttpRequest.POST(form[0], (token == null ? "" : token) + form[2]).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                                .accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, form[1])), String.class));
                assertEquals(403, refused.getStatus().getCode(), form[0]);
                assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("This form has expired"), form[0]);
            }
        }
        assertEquals("[]", http.toBlocking().exchange(HttpRequest.GET("/api/v1/agency/leavers")
                .bearerAuth(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER)), String.class).body(), "nothing stored");
    }

    @Test
    void aBookmarkedPageOpensAgainAfterSigningInAndNoAddressElsewhereIsFollowed() {
        HttpResponse<String> bookmarked = http.toBlocking().exchange(HttpRequest.GET("/agency?quarter=2026-Q2").accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(303, bookmarked.code());
        assertEquals("/sign-in?next=%2Fagency%3Fquarter%3D2026-Q2", bookmarked.getHeaders().get("Location"));
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/sign-in?next=%2Fagency%3Fquarter%3D2026-Q2")
                .accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertTrue(page.body().contains("name=\"next\" value=\"/agency?quarter=2026-Q2\""), page.body());
        String token = csrf(page);
        HttpResponse<String> signedIn = post("/sign-in", token, "csrf=" + token + "&user=kent-lead&next=%2Fagency%3Fquarter%3D2026-Q2");
        assertEquals(303, signedIn.code());
        assertEquals("/agency?quarter=2026-Q2", signedIn.getHeaders().get("Location"), "back to the page asked for");
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "/sign-out", "/api/v1/me")) {
            HttpResponse<String> landed = post("/sign-in", token, "csrf=" + token + "&user=kent-lead&next="
                    + java.net.URLEncoder.encode(elsewhere, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(303, landed.code());
            assertEquals("/returns", landed.getHeaders().get("Location"), "not followed: " + elsewhere);
        }
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicyAndPagesAreNotCached() {
        HttpResponse<String> page = signInPage();
        assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, page.getHeaders().get("Content-Security-Policy"));
        assertFalse(SecurityHeadersFilter.CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
        assertEquals("no-store", page.getHeaders().get("Cache-Control"));
        assertEquals("nosniff", page.getHeaders().get("X-Content-Type-Options"));
        assertEquals("DENY", page.getHeaders().get("X-Frame-Options"));
        assertEquals("max-age=31536000; includeSubDomains", page.getHeaders().get("Strict-Transport-Security"), "HTTPS only, in production");
        assertFalse(page.body().contains("<script>") || page.body().matches("(?s).*<script(?![^>]*src=)[^>]*>.*"), "no inline script");
    }

    @Test
    void theApiChangesNothingOnABrowsersCookieAlone() {
        String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);
        HttpRequest<Map<String, Object>> write = HttpRequest.POST("/api/v1/contacts", Map.<String, Object>of("name", "Forged",
                "email", "forged@example.org", "responsibility", "WORKFORCE_RETURNS")).cookie(Cookie.of(SessionCookie.NAME, session(kent)));
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(write));
        assertEquals(403, refused.getStatus().getCode());
        assertEquals(200, api.get("/api/v1/contacts", kent).status());
        assertEquals("[]", api.get("/api/v1/contacts", kent).body().replace(" ", ""), "nothing was stored");
        HttpResponse<String> read = http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").cookie(Cookie.of(SessionCookie.NAME, session(kent))), String.class);
        assertEquals(200, read.code(), "reading with the cookie works: the pages' download links use it");
        assertTrue(read.body().contains("E10000016"));
        assertTrue(read.getHeaders().getAll("Set-Cookie").isEmpty(), "API answers set no cookie: " + read.getHeaders().getAll("Set-Cookie"));
    }

    @Test
    void aSignedInPageOfOneCouncilNeverShowsAnother() {
        String surrey = Tokens.authorityUser("surrey-lead", "E10000030", Role.AUTHORITY_SUBMITTER);
        assertEquals(201, api.post("/api/v1/returns", Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER),
                exchange.workforce.support.ReturnFixtures.censusReturn("2024", exchange.workforce.support.ReturnFixtures.kentFigures())).status());
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/returns").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(SessionCookie.NAME, session(surrey))), String.class);
        assertFalse(page.body().contains("Census year 2024"), "Surrey's returns page lists no Kent return");
        assertTrue(page.body().contains("Surrey"));
        List<String> forKent = List.of(http.toBlocking().exchange(HttpRequest.GET("/returns").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(SessionCookie.NAME, session(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER)))), String.class).body());
        assertTrue(forKent.get(0).contains("Census year 2024"));
    }

    @Test
    void aDashboardRenderedOnceForEveryoneWithTheSameViewCarriesEachPersonsOwnNameAndFormToken() {
        HttpResponse<String> first = dashboardAs(Tokens.regionalUser("ade", "E12000008", Role.REGIONAL_VIEWER), "token-of-ade");
        HttpResponse<String> second = dashboardAs(Tokens.regionalUser("<b>bea</b>", "E12000008", Role.REGIONAL_VIEWER), "token-of-bea");
        String adesToken = formToken(first.body());
        assertTrue(first.body().contains("Signed in as <span>ade</span>"), first.body());
        assertTrue(second.body().contains("Signed in as <span>&lt;b&gt;bea&lt;/b&gt;</span>"), "the second person's own name, escaped");
        assertFalse(formToken(second.body()).equals(adesToken) || second.body().contains(adesToken) || second.body().contains(">ade<"),
                "nothing of the first person's, their session's form token included");
        assertFalse(second.body().contains(Pages.USER_PLACEHOLDER) || second.body().contains(Pages.CSRF_PLACEHOLDER), "no placeholder left");
    }

    private static String formToken(String page) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(field.find(), "the page has a form with its token");
        return field.group(1);
    }

    private HttpResponse<String> dashboardAs(String token, String csrf) {
        return http.toBlocking().exchange(HttpRequest.GET("/dashboard?period=2023").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(SessionCookie.NAME, session(token))).cookie(Cookie.of(Csrf.COOKIE, csrf)), String.class);
    }

    @Test
    void aGroupTheRegionDefinesIsOfferedOnItsDashboardAtOnceAndOnNoOtherRegions() {
        String viewer = Tokens.regionalUser("ade", "E12000008", Role.REGIONAL_VIEWER);
        assertFalse(dashboardAs(viewer, "t1").body().contains("Your group: Coastal councils"));
        assertEquals(201, api.post("/api/v1/region/groups", Tokens.regionalUser("ash", "E12000008", Role.REGION_ADMIN),
                Map.of("name", "Coastal councils", "authorityCodes", List.of("E10000016", "E06000046"))).status());
        assertTrue(dashboardAs(viewer, "t2").body().contains("Your group: Coastal councils"), "the page rendered before is not served again");
        assertFalse(dashboardAs(Tokens.regionalUser("lee", "E12000007", Role.REGIONAL_VIEWER), "t3").body().contains("Coastal councils"));
    }

    /** Signs in as a demonstration user through the sign-in form; the session cookie's value. */
    private String signIn(String user) {
        String token = csrf(signInPage());
        HttpResponse<String> signedIn = post("/sign-in", token, "csrf=" + token + "&user=" + user);
        assertEquals(303, signedIn.code());
        return signedIn.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith(SessionCookie.NAME + "="))
                .map(c -> c.substring(SessionCookie.NAME.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private int meWith(String sessionId) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").cookie(Cookie.of(SessionCookie.NAME, sessionId)), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private HttpResponse<String> pageWith(String sessionId, String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE)
                    .cookie(Cookie.of(SessionCookie.NAME, sessionId)), String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked") HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    @Test
    void theSessionCookieHoldsARandomIdNotTheToken() {
        String id = signIn("kent-lead");
        assertEquals(43, id.length(), id);
        assertFalse(id.contains("."), "not a JWT: " + id);
        assertEquals(200, meWith(id));
        assertEquals(401, meWith(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER)),
                "a token in the cookie is not a session");
    }

    @Test
    void signingOutEndsTheSessionSoTheOldCookieOpensNothing() {
        String id = signIn("kent-lead");
        HttpResponse<String> page = pageWith(id, "/returns");
        assertEquals(200, page.code());
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(field.find(), "the page's forms carry the session's token");
        String token = field.group(1);
        io.micronaut.http.MutableHttpRequest<String> signOut = HttpRequest.POST("/sign-out", "csrf=" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, id));
        assertEquals(303, http.toBlocking().exchange(signOut, String.class).code());
        assertEquals(401, meWith(id), "the replayed cookie after signing out");
        assertEquals(303, pageWith(id, "/returns").code(), "a page sends the old cookie to sign in again");
    }

    @Test
    void aSessionLeftIdleForHalfAnHourEnds() throws Exception {
        String id = signIn("kent-lead");
        assertEquals(200, meWith(id));
        try (java.sql.Connection owner = exchange.workforce.support.TestDatabase.shared().asOwner();
             java.sql.Statement statement = owner.createStatement()) {
            statement.executeUpdate("update browser_session set last_used_at = now() - interval '31 minutes'");
        }
        assertEquals(401, meWith(id));
    }

    @Test
    void aSessionEndsAfterEightHoursHoweverBusy() throws Exception {
        String id = signIn("kent-lead");
        try (java.sql.Connection owner = exchange.workforce.support.TestDatabase.shared().asOwner();
             java.sql.Statement statement = owner.createStatement()) {
            java.sql.ResultSet length = statement.executeQuery("select extract(epoch from ends_at - created_at) from browser_session");
            assertTrue(length.next());
            assertTrue(length.getDouble(1) <= 8 * 3600 + 1, "at most a working day: " + length.getDouble(1));
            statement.executeUpdate("update browser_session set ends_at = now() - interval '1 second'");
        }
        assertEquals(401, meWith(id));
    }

    @Test
    void anApiChangeNeedsAValidBearerTokenNotJustSomeAuthorizationHeader() {
        String id = signIn("kent-lead");
        for (String header : List.of("Basic YTpi", "Bearer ", "Bearer not-a-token")) {
            HttpRequest<?> write = HttpRequest.POST("/api/v1/returns", exchange.workforce.support.ReturnFixtures.censusReturn("2024",
                    exchange.workforce.support.ReturnFixtures.kentFigures())).header("Authorization", header).cookie(Cookie.of(SessionCookie.NAME, id));
            assertEquals(401, api.send(write).status(), header);
        }
        assertEquals("[]", api.get("/api/v1/returns", Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_VIEWER)).body()
                .replace(" ", ""), "nothing was stored");
    }

    @Test
    void anEmptyFormTokenNeverMatchesEvenBesideAnEmptyCookie() {
        HttpResponse<String> refused = post("/sign-in", "", "csrf=&user=kent-lead");
        assertEquals(403, refused.code());
        assertTrue(refused.getHeaders().getAll("Set-Cookie").stream().noneMatch(c -> c.startsWith(SessionCookie.NAME + "=") && c.length() > 20));
    }

    @Test
    void aFormTokenIsBoundToItsSession() {
        String first = signIn("kent-lead");
        String second = signIn("kent-lead");
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(pageWith(first, "/returns").body());
        assertTrue(field.find());
        io.micronaut.http.MutableHttpRequest<String> signOut = HttpRequest.POST("/sign-out", "csrf=" + field.group(1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, second));
        assertEquals(403, api.send(signOut).status(), "the first session's token does not work in the second");
        assertEquals(200, meWith(second));
    }
}
