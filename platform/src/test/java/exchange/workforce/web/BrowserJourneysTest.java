package exchange.workforce.web;

import exchange.workforce.published.PublishedStatisticsImporter;
import exchange.workforce.support.Browser;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReturnFiles;
import exchange.workforce.support.ReturnFixtures;
import exchange.workforce.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each user's job done in a real browser (Debian's Chromium), by keyboard alone, with every page checked by axe-core
 * at WCAG 2.2 AA and photographed under target/screenshots.
 */
@MicronautTest(transactional = false)
class BrowserJourneysTest extends PlatformTest {

    @Inject
    EmbeddedServer server;
    Browser browser;

    @BeforeEach
    void published() throws Exception {
        TestDatabase.shared().importWorkforceIndicators();
        browser = Browser.open(server.getURL().toString());
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRegionalGroupReadsItsDashboardAndDownloadsTheFiguresByKeyboardAlone() {
        browser.go("/");
        assertEquals("/sign-in", browser.path(), "a newcomer is sent to sign in");
        browser.assertAccessible("sign-in");
        browser.signIn("se-group");
        assertEquals("/dashboard", browser.path());
        browser.assertAccessible("dashboard");
        String page = browser.text();
        assertTrue(page.contains("South East, 2023"), page);
        assertTrue(page.contains("DfE's published figure for South East"), "the headline says what it is");
        assertTrue(page.contains("Turnover rate"), "each measure has its section");

        browser.tabTo(By.id("period"));
        browser.press("2019");
        browser.tabTo(By.cssSelector("form[action='/dashboard'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("South East, 2019"), "the year chosen by keyboard: " + browser.title());

        String csv = browser.tabTo(By.partialLinkText("as CSV")).getAttribute("href");
        browser.go("/dashboard?period=twenty-twenty");
        assertTrue(browser.text().contains("There is a problem"), "a period that is none is an error on the page: " + browser.text());
        browser.assertAccessible("dashboard-error");
        String session = browser.driver().manage().getCookieNamed(SessionCookie.NAME).getValue();
        HttpResponse<String> download = http.toBlocking().exchange(HttpRequest.GET(csv.substring(csv.indexOf("/api/")))
                .cookie(io.micronaut.http.cookie.Cookie.of(SessionCookie.NAME, session)), String.class);
        assertEquals(200, download.code());
        assertTrue(download.body().contains("period,group,measure"), "the download is the CSV of what the page shows");

        browser.signOut();
        assertEquals("/signed-out", browser.path());
        browser.assertAccessible("signed-out");
        browser.go("/dashboard");
        assertEquals("/sign-in", browser.path(), "signed out means signed out");
    }

    @Test
    void aPlannerForecastsTheirCouncilSavesAScenarioAfterAMistakeAndSeesTheGapItCloses() throws Exception {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/dfe/children_in_need_2013_to_2023.csv"));
             Connection owner = TestDatabase.shared().asOwner()) {
            PublishedStatisticsImporter.importFile(owner, "children_in_need_2013_to_2023.csv", in.readAllBytes());
        }
        browser.signIn("kent-planner");
        assertEquals("/forecasts", browser.path(), "a planner starts at forecasts");
        String page = browser.text();
        assertTrue(page.contains("Children and family social workers in post, Kent: forecast from 2023"), page);
        assertTrue(page.contains("80% chance of being between"), "the interval in words");
        assertTrue(page.contains("Supply against demand") && page.contains("Other movements"), "the plan with its flows");
        browser.assertAccessible("forecasts");

        browser.tabTo(By.id("measure"));
        browser.press("Turnover");
        browser.tabTo(By.cssSelector("form[action='/forecasts'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Turnover rate") && browser.text().contains("forecast from 2023"), browser.title());

        browser.tabTo(By.id("name"));
        browser.type("Retention drive");
        browser.tabTo(By.id("turnoverReductionPoints"));
        browser.type("three");
        browser.tabTo(By.cssSelector("form[action='/forecasts/scenarios'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("There is a problem"), browser.text());
        assertTrue(browser.text().contains("Enter the fall in turnover as a number of percentage points"), browser.text());
        browser.assertAccessible("forecasts-scenario-error");
        browser.tabTo(By.id("turnoverReductionPoints"));
        browser.replaceText("3");
        browser.tabTo(By.cssSelector("form[action='/forecasts/scenarios'] button"));
        browser.follow(Keys.ENTER);
        String withScenario = browser.text();
        assertTrue(withScenario.contains("Scenario Retention drive: turnover 3 points lower"), withScenario);
        assertTrue(withScenario.contains("Baseline"), "the baseline beside each year");
        browser.assertAccessible("forecasts-scenario");

        browser.tabTo(By.id("compare-0"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.cssSelector("form[action='/forecasts'] button.govuk-button--secondary"));
        browser.follow(Keys.ENTER);
        String compared = browser.text();
        assertTrue(compared.contains("Scenarios side by side") && compared.contains("Retention drive: in post"), compared);
        browser.assertAccessible("forecasts-compare");
        browser.signOut();

        browser.signIn("se-planner");
        browser.go("/forecasts");
        assertTrue(browser.text().contains("South East"), "a regional planner starts at the region: " + browser.text());
        assertFalse(browser.text().contains("Retention drive"), "Kent's scenario is Kent's");
        browser.go("/forecasts?area=E10000016");
        assertTrue(browser.text().contains("Kent: forecast from 2023"), "a member of the memorandum: " + browser.text());
        browser.go("/forecasts?area=E06000063");
        assertTrue(browser.text().contains("You cannot forecast Cumberland"), "not a member of the South East: " + browser.text());
    }

    @Test
    void aWorkforceLeadUploadsAReturnWithAnErrorFixesItChecksItAndSubmits() throws Exception {
        browser.signIn("kent-lead");
        assertEquals("/returns", browser.path());
        browser.assertAccessible("returns");
        browser.tabTo(By.linkText("Upload a return"));
        browser.follow(Keys.ENTER);
        assertEquals("/returns/upload", browser.path());
        browser.assertAccessible("return-upload");

        List<List<String>> rows = new ArrayList<>(ReturnFiles.rows("E10000016", "2024", ReturnFixtures.kentFigures()));
        List<List<String>> wrong = new ArrayList<>(rows);
        wrong.set(0, List.of("E10000016", "CENSUS_YEAR", "2024", "inpost_fte", "", "four hundred"));
        upload(wrong, "kent-2024-wrong.csv");
        assertTrue(browser.text().contains("There is a problem with the file: nothing was stored"), browser.text());
        assertTrue(browser.text().contains("Row 2"), "the error names its row: " + browser.text());
        browser.assertAccessible("return-upload-error");
        browser.tabTo(By.cssSelector(".govuk-error-summary a"));
        browser.press(Keys.ENTER);
        assertEquals("file", browser.driver().switchTo().activeElement().getAttribute("id"), "the error links to the field");

        upload(rows, "kent-2024.csv");
        assertTrue(browser.text().contains("Check your return before submitting it"), browser.text());
        assertTrue(browser.text().contains("Version 1"));
        assertTrue(browser.text().contains("Rates worked out from them") && browser.text().contains("Turnover rate"),
                "the check shows the rates the figures give: " + browser.text());
        browser.assertAccessible("return-check");
        browser.tabTo(By.cssSelector("form[action='/returns/upload/submit'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Return submitted"), browser.text());
        browser.assertAccessible("return-submitted");

        browser.go("/returns");
        assertTrue(browser.text().contains("Census year 2024"), "the return is listed");
        browser.tabTo(By.linkText("Census year 2024"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Version 1 (shown)") && browser.text().contains("Children and family social workers in post")
                && browser.text().contains("Turnover rate") && !browser.text().contains("inpost_fte"), "labels, not codes: " + browser.text());
        browser.assertAccessible("return");

        // a correction by API: the version page says what changed from the one before
        List<Map<String, Object>> corrected = ReturnFixtures.kentFigures();
        corrected.set(0, ReturnFixtures.figure("inpost_fte", 455.0));
        Map<String, Object> correction = new java.util.HashMap<>(ReturnFixtures.censusReturn("2024", corrected));
        correction.put("reason", "In-post FTE recounted after the census");
        String kentLead = exchange.workforce.support.Tokens.authorityUser("kent-lead", "E10000016", exchange.workforce.identity.Role.AUTHORITY_SUBMITTER);
        assertEquals(201, api.post("/api/v1/returns", kentLead, correction).status());
        browser.go("/returns/CENSUS_YEAR/2024");
        String changed = browser.text();
        assertTrue(changed.contains("What changed from version 1") && changed.contains("Children and family social workers in post 450.5 FTE 455.0 FTE"), changed);
        browser.assertAccessible("return-what-changed");
        browser.signOut();

        browser.signIn("surrey-lead");
        browser.go("/returns");
        assertFalse(browser.text().contains("Census year 2024"), "Surrey never sees Kent's return");
        assertTrue(browser.text().contains("Your council has not submitted a return yet"));
    }

    @Test
    void aWorkforceLeadEntersAReturnOnlineFromScratchThenCorrectsOneFigure() {
        browser.signIn("kent-lead");
        browser.tabTo(By.linkText("Enter a return online"));
        browser.follow(Keys.ENTER);
        assertEquals("/returns/online", browser.path());
        browser.assertAccessible("return-online-start");
        assertEquals(List.of(), browser.overflowAt(320), "reflows at 320 px");
        browser.tabTo(By.id("period"));
        browser.press(Keys.SPACE);
        String period = browser.driver().findElement(By.id("period")).getAttribute("value");
        String year = period.substring(period.indexOf('/') + 1);
        browser.tabTo(By.cssSelector("form[action='/returns/online'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        assertEquals("/returns/online/" + period, browser.path());
        assertTrue(browser.text().contains("Census year " + year) && browser.text().contains("Not yet started"), browser.text());
        browser.assertAccessible("return-online-sections");
        assertEquals(List.of(), browser.overflowAt(320), "the sections reflow at 320 px");

        browser.tabTo(By.linkText("Workforce: in post, starters, leavers and vacancies"));
        browser.follow(Keys.ENTER);
        browser.tabTo(By.id("figure-inpost_fte"));
        browser.type("four hundred");
        browser.tabTo(By.id("figure-inpost_headcount"));
        browser.type("480");
        browser.tabTo(By.cssSelector("button[value=sections]"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("There is a problem"), browser.text());
        assertEquals("four hundred", browser.driver().findElement(By.id("figure-inpost_fte")).getAttribute("value"), "what was typed is kept");
        browser.assertAccessible("return-online-section-error");
        assertEquals(List.of(), browser.overflowAt(320), "a question page reflows at 320 px");
        browser.tabTo(By.cssSelector(".govuk-error-summary a"));
        browser.press(Keys.ENTER);
        assertEquals("figure-inpost_fte", browser.driver().switchTo().activeElement().getAttribute("id"), "the error links to its figure");
        browser.replaceText("450.5");
        browser.tabTo(By.cssSelector("button[value=sections]"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Completed"), "the section is done: " + browser.text());

        browser.tabTo(By.linkText("Check your answers"));
        browser.follow(Keys.ENTER);
        String check = browser.text();
        assertTrue(check.contains("Children and family social workers in post") && check.contains("450.5 FTE") && check.contains("480 people"), check);
        browser.assertAccessible("return-online-check");
        assertEquals(List.of(), browser.overflowAt(320), "reflows at 320 px");
        browser.tabTo(By.cssSelector("form[action$='/submit'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Return submitted") && browser.text().contains("Census year " + year + ", version 1"), browser.text());
        assertEquals("/returns/CENSUS_YEAR/" + year + "/submitted", browser.path(), "the confirmation is a page of its own (a GET)");
        browser.driver().navigate().back(); // Back after submitting sends nothing again; the check page asked for afresh shows the return
        browser.go(browser.path());
        assertEquals("/returns/CENSUS_YEAR/" + year, browser.path(), "the draft is gone: its pages lead to the stored return");
        assertTrue(browser.text().contains("Version 1 (shown)"), browser.text());

        browser.tabTo(By.cssSelector("a[href$='correct?figure=inpost_fte%7C']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Correct a figure") && browser.text().contains("450.5 FTE"), browser.text());
        browser.tabTo(By.id("value"));
        browser.replaceText("455");
        browser.tabTo(By.cssSelector("form[action$='/correct'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Enter why the figure is being corrected"), browser.text());
        browser.assertAccessible("return-correct-error");
        assertEquals(List.of(), browser.overflowAt(320), "reflows at 320 px");
        browser.tabTo(By.id("reason"));
        browser.type("In-post FTE recounted after the census");
        browser.tabTo(By.cssSelector("form[action$='/correct'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Census year " + year + ", version 2"), browser.text());
        browser.go("/returns/CENSUS_YEAR/" + year);
        String changed = browser.text();
        assertTrue(changed.contains("Children and family social workers in post 450.5 FTE 455.0 FTE")
                && changed.contains("In-post FTE recounted after the census") && changed.contains("online"), changed);

        // a return started and thrown away: asked first, then gone, and the stored returns untouched
        browser.go("/returns/online");
        browser.tabTo(By.id("period"));
        browser.press(Keys.ARROW_DOWN); // the census year before
        browser.tabTo(By.cssSelector("form[action='/returns/online'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        browser.tabTo(By.linkText("Delete these answers"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Delete your answers for Census year " + (Integer.parseInt(year) - 1) + "?"), browser.text());
        browser.assertAccessible("return-online-discard");
        assertEquals(List.of(), browser.overflowAt(320), "reflows at 320 px");
        browser.tabTo(By.xpath("//button[text()='Yes, delete the answers']"));
        browser.follow(Keys.ENTER);
        assertEquals("/returns", browser.path());
        assertFalse(browser.text().contains("Being entered online"), "no draft is left: " + browser.text());
        assertTrue(browser.text().contains("Census year " + year), "the stored return is still there");
    }

    @Test
    void aDirectorReadsTheirCouncilBesideRegionNeighboursAndEngland() {
        browser.signIn("kent-dcs");
        assertEquals("/council", browser.path());
        browser.assertAccessible("council");
        String page = browser.text();
        assertTrue(page.contains("In 2023, Kent: 19.4%"), page);
        // DfE's figures: Kent's turnover 15.9% in 2022 and 19.4% in 2023, 14th lowest of the South East's 19 councils
        assertTrue(page.contains("In 2023 Kent's turnover rate was 19.4%, up 3.5 percentage points on 2022. It ranks 14th of 19 "
                + "councils in the South East region (1st has the lowest)."), "what changed, in a sentence: " + page);
        assertEquals(4, browser.driver().findElements(By.cssSelector("section svg.wfx-chart title")).stream()
                .filter(t -> t.getAttribute("textContent").startsWith("Line chart:")).count(), "a chart for each headline measure");
        assertEquals(16, browser.driver().findElements(By.cssSelector("section svg.wfx-chart polyline")).size(),
                "each chart draws Kent, the region, the neighbours and England");
        browser.go("/forecasts");
        assertTrue(browser.text().contains("Kent: forecast from"), "the Director reads Kent's forecast: " + browser.text());
        assertTrue(browser.text().contains("Your council's planners save scenarios"), "and saves none");
        browser.assertAccessible("forecasts-director");
        browser.go("/returns/upload");
        assertTrue(browser.text().contains("You cannot see this page"), "a viewer cannot upload: " + browser.text());
        browser.assertAccessible("forbidden");
        browser.go("/no-such-page");
        assertTrue(browser.text().contains("Page not found"));
        browser.assertAccessible("not-found");
    }

    /** Chooses the file (a file dialog is the operating system's, so Selenium types its path) and checks it by keyboard. */
    private void upload(List<List<String>> rows, String name) throws Exception {
        Path file = Files.createTempDirectory("return").resolve(name);
        Files.write(file, ReturnFiles.csv(ReturnFiles.HEADER, rows, ","));
        browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.tabTo(By.cssSelector("form[action^='/returns/upload?'] button[type=submit]"));
        browser.follow(Keys.ENTER);
    }

    @Test
    void aMemorandumAdministratorSeesWhoHasSubmittedSetsTheDueDateAndReleasesThePeriod() {
        assertEquals(201, api.post("/api/v1/returns", exchange.workforce.support.Tokens.authorityUser("kent-lead", "E10000016",
                exchange.workforce.identity.Role.AUTHORITY_SUBMITTER), ReturnFixtures.censusReturn("2024", ReturnFixtures.kentFigures())).status());
        browser.signIn("se-admin");
        browser.tabTo(By.linkText("Members' returns"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/returns", browser.path());
        browser.tabTo(By.id("period"));
        browser.type("Census year 2024"); // a list of returns, chosen by typing as in any select
        browser.tabTo(By.xpath("//button[text()='Show members']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Census year 2024"), browser.text());
        assertTrue(browser.text().contains("Kent Submitted 1"), "Kent's status in the table: " + browser.text());
        assertTrue(browser.text().contains("Not released yet"));
        browser.assertAccessible("region-returns");

        browser.tabTo(By.id("due-day"));
        browser.type("31");
        browser.tabTo(By.id("due-month"));
        browser.type("02");
        browser.tabTo(By.id("due-year"));
        browser.type("2025");
        browser.tabTo(By.xpath("//button[text()='Set the due date']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("The due date must be a real date"), browser.text());
        browser.assertAccessible("region-returns-error");

        browser.tabTo(By.id("release"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("First release: 1 authority's return."), browser.text());
        browser.signOut();

        browser.signIn("se-group");
        browser.go("/region/returns?periodType=CENSUS_YEAR&period=2024");
        assertTrue(browser.text().contains("Kent"));
        assertTrue(browser.driver().findElements(By.id("release")).isEmpty(), "a regional viewer cannot release");
    }

    @Test
    void referenceOfficersAskForProvideAndReadAReferenceWithoutTheRegistrationNumberEverInAnAddress() {
        String number = "SW123456";
        java.time.LocalDate due = java.time.LocalDate.now().plusDays(14);
        java.time.LocalDate consent = java.time.LocalDate.now().minusDays(1);
        List<String> addresses = new ArrayList<>();

        browser.signIn("kent-references");
        assertEquals("/references", browser.path());
        browser.assertAccessible("references");
        browser.tabTo(By.linkText("Ask for a reference"));
        browser.follow(Keys.ENTER);
        browser.assertAccessible("reference-ask");
        browser.tabTo(By.cssSelector("form[action='/references/new'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Enter the worker's Social Work England registration number"), browser.text());
        browser.assertAccessible("reference-ask-errors");

        browser.tabTo(By.id("registrationNumber"));
        browser.type(number);
        browser.tabTo(By.id("role"));
        browser.type("Social worker");
        browser.tabTo(By.id("engagementType"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.id("refereeAuthority"));
        browser.type("Surrey");
        date("dueOn", due);
        browser.tabTo(By.id("workerName"));
        browser.type("Alex Example");
        browser.tabTo(By.id("workerJobTitle"));
        browser.type("Social worker");
        date("employedFrom", java.time.LocalDate.of(2021, 9, 1));
        date("consentOn", consent);
        browser.tabTo(By.id("consentMethod"));
        browser.type("signed application form");
        browser.tabTo(By.cssSelector("form[action='/references/new'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        addresses.add(browser.driver().getCurrentUrl() + " " + browser.title());
        assertTrue(browser.path().startsWith("/references/requests/"), browser.text());
        assertTrue(browser.text().contains("Surrey"), browser.text());
        browser.assertAccessible("reference-requested");

        // a reference from an employer outside the region: its evidence recorded on the engagement, by keyboard
        browser.tabTo(By.cssSelector("a[href^='/references/engagements/']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("0 of the 2 references needed"), browser.text());
        browser.tabTo(By.id("refereeOrganisation"));
        browser.type("Northumberland County Council");
        browser.tabTo(By.id("refereeRole"));
        browser.type("Team manager");
        java.time.LocalDate given = java.time.LocalDate.now().minusDays(2);
        browser.tabTo(By.id("providedOn-day"));
        browser.type(String.valueOf(given.getDayOfMonth()));
        browser.tabTo(By.id("providedOn-month"));
        browser.type(String.valueOf(given.getMonthValue()));
        browser.tabTo(By.id("providedOn-year"));
        browser.type(String.valueOf(given.getYear()));
        browser.tabTo(By.id("template-standard"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.cssSelector("form[action$='/elsewhere'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("There is a problem") && browser.text().contains("attested: confirm"), "attest first: " + browser.text());
        browser.assertAccessible("engagement-errors");
        browser.tabTo(By.id("attested"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.cssSelector("form[action$='/elsewhere'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("1 of the 2 references needed") && browser.text().contains("Northumberland County Council, Team manager"),
                browser.text());
        browser.assertAccessible("engagement");
        browser.signOut();

        browser.signIn("surrey-references");
        assertTrue(browser.text().contains("Kent"), "the request is in Surrey's inbox: " + browser.text());
        assertTrue(browser.text().contains("Alex Example, Social worker, from 2021-09-01"), "the referee can tell whom it is about: " + browser.text());
        browser.tabTo(By.linkText("Kent"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Worker, as stated on the application"), browser.text());
        browser.tabTo(By.linkText("Provide the reference"));
        browser.follow(Keys.ENTER);
        addresses.add(browser.driver().getCurrentUrl() + " " + browser.title());
        browser.assertAccessible("reference-provide");
        browser.tabTo(By.id("registrationNumber"));
        browser.type(number);
        date("startDate", java.time.LocalDate.of(2021, 9, 1));
        for (String practice : List.of("directWorkWithChildrenAndFamilies", "assessmentAndAnalysis", "recording", "workingWithPartners",
                "useOfSupervision", "timeliness")) {
            browser.tabTo(By.id("practice-" + practice));
            browser.press(Keys.SPACE);
        }
        for (String question : List.of("conduct-safeguardingConcern", "conduct-disciplinaryAction", "conduct-capabilityProcedures", "wouldReemploy")) {
            browser.tabTo(By.id(question));
            browser.press(Keys.SPACE);
        }
        browser.tabTo(By.id("writtenBy-name"));
        browser.type("Sol Example");
        browser.tabTo(By.id("writtenBy-jobTitle"));
        browser.type("Service manager");
        browser.tabTo(By.cssSelector("form[action$='/provide'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        addresses.add(browser.driver().getCurrentUrl() + " " + browser.title());
        assertTrue(browser.text().contains("Reference from Surrey"), browser.text());
        assertTrue(browser.text().contains("Outstanding"), "the ratings given: " + browser.text());
        browser.signOut();

        browser.signIn("kent-references");
        browser.tabTo(By.linkText("Surrey"));
        browser.follow(Keys.ENTER);
        addresses.add(browser.driver().getCurrentUrl() + " " + browser.title());
        assertTrue(browser.text().contains("Reference from Surrey") && browser.text().contains("Sol Example, Service manager"), browser.text());
        browser.assertAccessible("reference-read");
        browser.tabTo(By.xpath("//button[text()='Record it']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Enter the date the reference was shared with the worker"), browser.text());
        browser.assertAccessible("reference-shared-errors");
        date("sharedOn", java.time.LocalDate.now());
        browser.tabTo(By.id("method"));
        browser.type("e-mailed to the worker");
        browser.tabTo(By.xpath("//button[text()='Record it']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Shared with the worker on " + java.time.LocalDate.now() + " (e-mailed to the worker)"), browser.text());

        browser.go("/references");
        browser.tabTo(By.linkText("Who holds references about a worker"));
        browser.follow(Keys.ENTER);
        browser.tabTo(By.id("registrationNumber"));
        browser.type(number);
        browser.follow(Keys.ENTER);
        addresses.add(browser.driver().getCurrentUrl() + " " + browser.title());
        assertTrue(browser.text().contains("Surrey") && browser.text().contains("Reference written"), browser.text());
        browser.assertAccessible("reference-holders");
        browser.signOut();

        browser.signIn("surrey-references");
        browser.tabTo(By.linkText("Requests to your council about a worker"));
        browser.follow(Keys.ENTER);
        browser.tabTo(By.id("registrationNumber"));
        browser.type(number);
        browser.follow(Keys.ENTER);
        addresses.add(browser.driver().getCurrentUrl() + " " + browser.title());
        assertTrue(browser.text().contains("Requests to your council about this worker") && browser.text().contains("Kent"), browser.text());
        assertFalse(browser.driver().getPageSource().contains(number), "the number is not shown back");
        browser.assertAccessible("reference-matching");
        addresses.forEach(a -> assertFalse(a.contains(number), "the registration number is in an address or title: " + a));
    }

    @Test
    void aMemorandumAdministratorSetsATargetAndWithdrawsIt() {
        browser.signIn("se-admin");
        browser.tabTo(By.linkText("Memorandum"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/memorandum", browser.path());
        assertTrue(browser.text().contains("Your memorandum has not set a target"), "nothing is seeded: " + browser.text());
        browser.assertAccessible("memorandum");
        browser.tabTo(By.xpath("//button[text()='Set the target']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Choose the measure the target is about"), browser.text());
        browser.assertAccessible("memorandum-errors");

        browser.tabTo(By.id("measure"));
        browser.type("Posts filled by permanent staff");
        browser.tabTo(By.id("comparison"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.id("value"));
        browser.type("85");
        browser.tabTo(By.id("source"));
        browser.type("Kent County Council workforce strategy");
        date("effectiveFrom", java.time.LocalDate.of(2015, 1, 1));
        browser.tabTo(By.xpath("//button[text()='Set the target']"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/memorandum", browser.path());
        assertTrue(browser.text().contains("At least 85"), browser.text());
        browser.tabTo(By.cssSelector("form[action$='/withdraw'] button"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Withdrawn"), browser.text());
        browser.assertAccessible("memorandum-withdrawn");
    }

    @Test
    void aCouncilRecordsALeaverAndAnotherCouncilOfTheRegionIsToldOnlyUntilWhenCoolingOffApplies() {
        String number = "SW555123";
        java.time.LocalDate leftOn = java.time.LocalDate.now().minusDays(20);
        browser.signIn("se-admin");
        browser.tabTo(By.linkText("Agency rules"));
        browser.follow(Keys.ENTER);
        browser.tabTo(By.id("capRole"));
        browser.type("Social worker");
        browser.tabTo(By.id("hourlyCap"));
        browser.type("45.00");
        date("capFrom", java.time.LocalDate.of(2025, 4, 1));
        browser.tabTo(By.id("capSource"));
        browser.type("South East regional improvement and innovation alliance, 20 March 2025");
        browser.tabTo(By.xpath("//button[text()='Set the cap']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("£45.00"), browser.text());
        browser.assertAccessible("agency-caps");
        browser.signOut();

        browser.signIn("kent-lead");
        browser.tabTo(By.linkText("Agency rules"));
        browser.follow(Keys.ENTER);
        assertEquals("/agency", browser.path());
        browser.assertAccessible("agency");
        browser.tabTo(By.id("leaverNumber"));
        browser.type(number);
        browser.tabTo(By.id("leaverRole"));
        browser.type("Social worker");
        browser.tabTo(By.xpath("//button[text()='Record the leaver']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("There is a problem"), browser.text());
        browser.assertAccessible("agency-leaver-errors");
        browser.tabTo(By.id("leaverNumber"));
        browser.type(number);
        date("leftOn", leftOn);
        browser.tabTo(By.xpath("//button[text()='Record the leaver']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Your council's recorded leavers") && browser.text().contains(leftOn.toString()), browser.text());
        browser.signOut();

        browser.signIn("surrey-lead");
        browser.go("/agency");
        browser.tabTo(By.id("registrationNumber"));
        browser.type(number);
        browser.tabTo(By.id("roleType"));
        browser.type("Social worker");
        date("startDate", java.time.LocalDate.now().plusDays(7));
        for (String[] field : new String[][]{{"hourlyPay", "36.01"}, {"employerNi", "4.50"}, {"apprenticeshipLevy", "0.20"},
                {"holidayPay", "4.30"}, {"postQualifyingMonths", "60"}, {"noticeWeeks", "4"}}) {
            browser.tabTo(By.id(field[0]));
            browser.type(field[1]);
        }
        browser.tabTo(By.xpath("//button[text()='Check the rules']"));
        browser.follow(Keys.ENTER);
        String result = browser.text();
        assertTrue(result.contains("Cooling-off applies until " + leftOn.plusMonths(3).minusDays(1)), result);
        assertTrue(result.contains("£0.01 over"), "the cap breach needs sign-off: " + result);
        assertFalse(result.contains("Kent") || result.contains(leftOn.toString()), "nothing of Kent's reaches Surrey: " + result);
        assertFalse(browser.driver().getPageSource().contains(number), "the number is not shown back");
        browser.assertAccessible("agency-check-result");

        // recording it: the cost over the cap needs both sign-offs, each rule not met its reason
        browser.tabTo(By.id("registrationNumber"));
        browser.type(number);
        browser.tabTo(By.id("team"));
        browser.type("Child protection, Guildford");
        browser.tabTo(By.id("agency"));
        browser.type("Example Agency Ltd");
        browser.tabTo(By.xpath("//button[text()='Record the assignment']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("record it only with the sign-off of both"), browser.text());
        browser.assertAccessible("agency-record-errors");
        browser.tabTo(By.id("registrationNumber"));
        browser.type(number);
        browser.tabTo(By.id("directorName"));
        browser.type("Dana Director");
        browser.tabTo(By.id("chiefExecutiveName"));
        browser.type("Chris Chief");
        browser.tabTo(By.id("signOffReason"));
        browser.type("No worker within the cap for a post vacant since May");
        date("directorSignedOn", java.time.LocalDate.now());
        date("chiefExecutiveSignedOn", java.time.LocalDate.now());
        browser.tabTo(By.id("exception-COOLING_OFF"));
        browser.type("Left Surrey's neighbour for a promotion; agreed by both Directors");
        browser.tabTo(By.id("exception-REFERENCES"));
        browser.type("Two references requested; due before the start");
        browser.tabTo(By.xpath("//button[text()='Record the assignment']"));
        browser.follow(Keys.ENTER);
        String register = browser.text();
        assertTrue(register.contains("Your council's agency assignments") && register.contains("Child protection, Guildford")
                && register.contains("Price cap (signed off)") && register.contains("Cooling-off (exception)"), register);
        browser.assertAccessible("agency-register");
        browser.signOut();

        browser.signIn("se-group");
        browser.go("/agency");
        assertTrue(browser.text().contains("Members' compliance") && browser.text().contains("Surrey"), browser.text());
        browser.assertAccessible("agency-compliance");
    }

    @Test
    void aWorkforceLeadUploadsAssignmentsFixesARowChecksTheFileAndRecordsIt() throws Exception {
        List<String> header = exchange.workforce.support.AssignmentRows.HEADER;
        List<String> good = exchange.workforce.support.AssignmentRows.withinCap("SW600601");
        List<String> wrong = new ArrayList<>(good);
        wrong.set(header.indexOf("start_date"), "31/02/2026");
        browser.signIn("surrey-lead");
        browser.go("/agency");
        browser.tabTo(By.linkText("Upload assignments from a spreadsheet"));
        browser.follow(Keys.ENTER);
        assertEquals("/agency/upload", browser.path());
        browser.assertAccessible("agency-upload");

        chooseAssignments(header, List.of(good, wrong), "Check the file");
        assertTrue(browser.text().contains("There is a problem with the file: nothing was stored")
                && browser.text().contains("Row 3, start_date: '31/02/2026' is not a date"), browser.text());
        browser.assertAccessible("agency-upload-errors");

        chooseAssignments(header, List.of(good), "Check the file");
        assertTrue(browser.text().contains("Nothing stored (dry run): the file would record 1 new assignment")
                && browser.text().contains("References (exception)"), browser.text());
        browser.assertAccessible("agency-upload-checked");

        chooseAssignments(header, List.of(good), "Record the assignments");
        assertTrue(browser.text().contains("Assignments recorded") && browser.text().contains("Recorded 1 new assignment"), browser.text());
        browser.assertAccessible("agency-upload-recorded");
        assertFalse(browser.driver().getPageSource().contains("SW600601"), "the number is never sent back to the browser");
        browser.go("/agency");
        assertTrue(browser.text().contains("Assessment, Woking"), browser.text());
        browser.tabTo(By.cssSelector("a[href^='/agency/assignments/']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("The rules, as they stand today") && browser.text().contains("History"), browser.text());
        browser.assertAccessible("agency-assignment");
    }

    /** Chooses a file of assignments and presses the named button by keyboard. */
    private void chooseAssignments(List<String> header, List<List<String>> rows, String button) throws Exception {
        Path file = Files.createTempDirectory("assignments").resolve("assignments.csv");
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(row -> text.append(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList())).append("\r\n"));
        Files.writeString(file, text);
        browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.tabTo(By.xpath("//button[text()='" + button + "']"));
        browser.follow(Keys.ENTER);
    }

    @Test
    void aMemorandumAdministratorDefinesAComparisonGroupAndReadsItsDashboard() {
        browser.signIn("se-admin");
        browser.tabTo(By.linkText("Comparison groups"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/groups", browser.path());
        assertTrue(browser.text().contains("Your region has not defined a group"), browser.text());
        browser.assertAccessible("region-groups");
        browser.tabTo(By.xpath("//button[text()='Define the group']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Name the group") && browser.text().contains("Choose at least 2 councils"), browser.text());
        browser.assertAccessible("region-groups-errors");
        browser.tabTo(By.id("name"));
        browser.type("Coastal councils");
        browser.tabTo(By.id("council-E10000016"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.id("council-E06000046"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.xpath("//button[text()='Define the group']"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/groups", browser.path());
        assertTrue(browser.text().contains("Coastal councils") && browser.text().contains("Isle of Wight, Kent"), browser.text());
        browser.tabTo(By.linkText("Coastal councils"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Coastal councils, 2023"), "the group's dashboard: " + browser.text());
        browser.assertAccessible("dashboard-custom-group");
    }

    @Test
    void aMemorandumAdministratorRecordsAPilotThatEndedAndIsToldWhenASecondOverlapsIt() {
        browser.signIn("se-admin");
        browser.go("/region/memorandum");
        for (int attempt = 0; attempt < 2; attempt++) {
            browser.tabTo(By.id("earlierAuthorityCode"));
            browser.press("Kent");
            browser.tabTo(By.id("earlierPhase"));
            browser.replaceText(attempt == 0 ? "pilot" : "pilot again");
            date("earlierFrom", java.time.LocalDate.of(2019, 10, 1));
            date("earlierUntil", java.time.LocalDate.of(2024, 10, 1));
            browser.tabTo(By.xpath("//button[text()='Record the earlier membership']"));
            browser.follow(Keys.ENTER);
        }
        assertTrue(browser.text().contains("There is a problem")
                && browser.text().contains("Kent is already a member of the memorandum for part of 1 October 2019 to 1 October 2024"), browser.text());
        browser.assertAccessible("memorandum-earlier-membership-error");
        browser.go("/region/impact");
        assertTrue(browser.text().contains("Kent (joined 1 October 2019)") || browser.text().contains("1 October 2019"),
                "the impact page counts Kent from its pilot: " + browser.text());
    }

    @Test
    void aMemorandumAdministratorTurnsRemindersOnAfterAMistakeAndSeesWhoCannotBeReached() {
        browser.signIn("se-admin");
        browser.tabTo(By.linkText("Reminders"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/reminders", browser.path());
        String page = browser.text();
        assertTrue(page.contains("Your region sends no reminders") && page.contains("no mail server configured")
                && page.contains("No reminder can reach these members") && page.contains("Kent"), page);
        browser.assertAccessible("region-reminders");
        browser.tabTo(By.id("enabled-no")); // a radio group is one tab stop: the chosen answer
        browser.press(Keys.ARROW_LEFT);
        browser.tabTo(By.id("returnDueDaysBefore"));
        browser.replaceText("365");
        browser.tabTo(By.xpath("//button[text()='Save the schedule']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("There is a problem") && browser.text().contains("Days before a return is due must be between 1 and 60"), browser.text());
        browser.assertAccessible("region-reminders-error");
        browser.tabTo(By.id("returnDueDaysBefore"));
        browser.replaceText("10");
        browser.tabTo(By.xpath("//button[text()='Save the schedule']"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/reminders", browser.path());
        assertTrue(browser.text().contains("Your region sends reminders.") && browser.text().contains("Schedule set by se-admin"), browser.text());
        assertEquals("10", browser.driver().findElement(By.id("returnDueDaysBefore")).getAttribute("value"));
        assertEquals(List.of(), browser.overflowAt(320), "the reminders page reflows at 320 px");
    }

    @Test
    void aMemorandumAdministratorRecordsTheRegionsExitInterviewThemesAfterAMistakeByKeyboard() {
        browser.signIn("se-admin");
        browser.tabTo(By.linkText("Memorandum"));
        browser.follow(Keys.ENTER);
        browser.tabTo(By.partialLinkText("See the list"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/exit-themes", browser.path());
        assertTrue(browser.text().contains("The starting list (no list recorded yet)") && browser.text().contains("exit_theme=LEAVING_THE_PROFESSION"),
                browser.text());
        browser.assertAccessible("region-exit-themes");
        browser.tabTo(By.id("themes"));
        browser.replaceText("Pay");
        browser.tabTo(By.xpath("//button[text()='Record this list']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("There is a problem") && browser.text().contains("Give between 2 and 40 themes"), browser.text());
        browser.assertAccessible("region-exit-themes-error");
        browser.tabTo(By.id("themes"));
        browser.replaceText("Pay\nCaseload too high\nManagement and support\nOther");
        browser.tabTo(By.xpath("//button[text()='Record this list']"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/exit-themes", browser.path());
        assertTrue(browser.text().contains("Version 1, recorded") && browser.text().contains("exit_theme=CASELOAD_TOO_HIGH"), browser.text());
        assertEquals(List.of(), browser.overflowAt(320), "the exit themes page reflows at 320 px");
    }

    @Test
    void aRegionalGroupAsksWhetherTheMemorandumMovedTheAgencyRateAndThenTurnoverByKeyboard() throws Exception {
        try (java.sql.Connection owner = TestDatabase.shared().asOwner(); java.sql.Statement statement = owner.createStatement()) {
            statement.execute("insert into memorandum_membership (region_code, authority_code, phase, effective_from, effective_to) "
                    + "select region_code, authority_code, 'pilot', date '2019-10-01', date '2024-10-01' from memorandum_membership "
                    + "where region_code = 'E12000008' and phase = 'phase 1'");
        }
        browser.signIn("se-group");
        browser.tabTo(By.linkText("Did it work?"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/impact", browser.path());
        String page = browser.text();
        assertTrue(page.contains("Since joining, members' agency rate changed by") && page.contains("95% interval"), page);
        assertTrue(page.contains("Joined 1 October 2019") && page.contains("2017 to 2019") && page.contains("Kent"), page);
        assertTrue(page.contains("What this cannot tell you") && page.contains("Was the comparison fair?"), page);
        browser.assertAccessible("region-impact");
        assertEquals(List.of(), browser.overflowAt(320), "the impact page reflows at 320 px");
        browser.tabTo(By.id("measure"));
        browser.press("Turnover");
        browser.tabTo(By.cssSelector("form[action='/region/impact'] button[type=submit]"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.path().startsWith("/region/impact") && browser.text().contains("members' turnover rate changed by"), browser.text());
        browser.assertAccessible("region-impact-turnover");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemorandumAdministratorRecordsNewTermsEndsAMembershipAndAddsTheCouncilBackByKeyboard() {
        java.time.LocalDate today = java.time.LocalDate.now();
        browser.signIn("se-admin");
        browser.go("/region/memorandum");
        browser.tabTo(By.linkText("Record a new version of the terms"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/memorandum/terms/new", browser.path());
        assertEquals("3", browser.driver().findElement(By.id("coolingOffMonths")).getAttribute("value"), "starts from the terms in force");
        browser.assertAccessible("terms-new");
        browser.tabTo(By.xpath("//button[text()='Record the new terms']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Enter the date the new terms take effect") && browser.text().contains("Say why the terms change"),
                browser.text());
        browser.assertAccessible("terms-new-errors");
        date("termsFrom", today.plusDays(30));
        browser.tabTo(By.id("smallCountThreshold"));
        browser.replaceText("10");
        browser.tabTo(By.id("changeReason"));
        browser.type("Threshold raised to 10, agreed by the regional DCS group");
        browser.tabTo(By.xpath("//button[text()='Record the new terms']"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/memorandum", browser.path(), browser.text());
        assertTrue(browser.driver().getPageSource().contains("Threshold raised to 10"), "the new version is in the history");

        browser.tabTo(By.partialLinkText("Isle of Wight"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/memorandum/members/E06000046/end", browser.path());
        browser.assertAccessible("membership-end");
        date("endOn", today.minusDays(1));
        browser.tabTo(By.xpath("//button[text()='End the membership']"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/memorandum", browser.path(), browser.text());
        assertFalse(browser.text().contains("End Isle of Wight's membership"), "no longer a member today");

        browser.tabTo(By.id("authorityCode"));
        browser.type("Isle of Wight");
        browser.tabTo(By.id("phase"));
        browser.type("phase 2");
        date("memberFrom", today.plusDays(1));
        browser.tabTo(By.xpath("//button[text()='Add the member']"));
        browser.follow(Keys.ENTER);
        assertEquals("/region/memorandum", browser.path(), browser.text());
        String group = exchange.workforce.support.Tokens.regionalUser("se-group", "E12000008", exchange.workforce.identity.Role.REGIONAL_VIEWER);
        List<Map<String, Object>> tomorrow = (List<Map<String, Object>>) api.get("/api/v1/regions/E12000008/memorandum?on="
                + today.plusDays(1), group).get("members");
        assertTrue(tomorrow.stream().anyMatch(m -> "E06000046".equals(m.get("authorityCode")) && "phase 2".equals(m.get("phase"))), tomorrow.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefereeDeclinesARequestSayingWhyAndTheRequesterReadsTheReason() {
        String kent = exchange.workforce.support.Tokens.authorityUser("kent-references", "E10000016", exchange.workforce.identity.Role.REFERENCE_OFFICER);
        var engagement = api.post("/api/v1/references/engagements", kent, exchange.workforce.support.ReferenceFixtures.engagement("SW654321"));
        assertEquals(201, engagement.status(), engagement.body());
        Object id = ((Map<String, Object>) engagement.get("engagement")).get("id");
        assertEquals(201, api.post("/api/v1/references/requests", kent, exchange.workforce.support.ReferenceFixtures.request(id, "E10000030")).status());

        browser.signIn("surrey-references");
        browser.tabTo(By.linkText("Kent"));
        browser.follow(Keys.ENTER);
        browser.tabTo(By.xpath("//button[text()='Decline the request']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Say why your council cannot give the reference"), browser.text());
        browser.assertAccessible("reference-decline-error");
        browser.tabTo(By.id("reason"));
        browser.type("The worker was never employed by Surrey");
        browser.tabTo(By.xpath("//button[text()='Decline the request']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("Declined"), browser.text());
        browser.signOut();

        browser.signIn("kent-references");
        browser.tabTo(By.linkText("Surrey"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("The worker was never employed by Surrey"), browser.text());
    }

    @Test
    void aReferenceOfficerRecordsAnEndOfPlacementReviewAfterCorrectingIt() {
        browser.signIn("kent-references");
        browser.tabTo(By.linkText("End-of-placement reviews"));
        browser.follow(Keys.ENTER);
        browser.assertAccessible("placement-reviews");
        browser.tabTo(By.xpath("//button[text()='Record the review']"));
        browser.follow(Keys.ENTER);
        assertTrue(browser.text().contains("There is a problem"), browser.text());
        browser.assertAccessible("placement-reviews-errors");

        browser.tabTo(By.id("registrationNumber"));
        browser.type("SW777777");
        browser.tabTo(By.id("role"));
        browser.type("Social worker");
        browser.tabTo(By.id("agency"));
        browser.type("Example Social Care Recruitment Ltd");
        date("startDate", java.time.LocalDate.of(2026, 3, 1));
        date("endDate", java.time.LocalDate.of(2026, 9, 30));
        for (String practice : List.of("directWorkWithChildrenAndFamilies", "assessmentAndAnalysis", "recording", "workingWithPartners",
                "useOfSupervision", "timeliness")) {
            browser.tabTo(By.id("practice-" + practice));
            browser.press(Keys.SPACE);
        }
        browser.tabTo(By.id("summary"));
        browser.type("Reliable, thorough assessments; left at the end of the agreed placement.");
        browser.tabTo(By.id("writtenBy-name"));
        browser.type("Rae Example");
        browser.tabTo(By.id("writtenBy-jobTitle"));
        browser.type("Team manager");
        date("writtenOn", java.time.LocalDate.now());
        browser.tabTo(By.xpath("//button[text()='Record the review']"));
        browser.follow(Keys.ENTER);
        assertEquals("/references/reviews", browser.path(), browser.text());
        assertTrue(browser.text().contains("Example Social Care Recruitment Ltd"), browser.text());
        assertFalse(browser.driver().getPageSource().contains("SW777777"), "the worker is never named on the page");
    }

    /**
     * Every demonstration user lands on a page for their job, and every page their navigation offers passes axe-core and
     * reflows on a 320 px screen (nothing but a wide table's own region scrolls sideways).
     */
    @Test
    void everyPageEveryRoleReachesIsAccessibleAndReflowsOnANarrowScreen() {
        List<String> overflowing = new java.util.ArrayList<>();
        for (String about : List.of("/accessibility", "/privacy", "/cookies")) {
            browser.go("/sign-in");
            browser.tabTo(By.cssSelector(".govuk-footer a[href='" + about + "']"));
            browser.follow(Keys.ENTER);
            assertEquals(about, browser.path(), "every page's footer leads to " + about + ", signed in or not");
            browser.assertAccessible("about" + about.replace('/', '-'));
            List<String> overflow = browser.overflowAt(320);
            if (!overflow.isEmpty()) {
                overflowing.add(about + ": " + overflow);
            }
        }
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            browser.signIn(user.id());
            List<String> links = browser.driver().findElements(By.cssSelector(".govuk-service-navigation__link[href^='/']")).stream()
                    .map(a -> a.getAttribute("href")).filter(h -> !h.endsWith("/")).toList();
            assertFalse(links.isEmpty(), user.id() + " has somewhere to go");
            for (String link : links) {
                String path = java.net.URI.create(link).getPath();
                browser.go(path);
                assertEquals(path, browser.path(), user.id() + " may open " + path);
                browser.assertAccessible("role-" + user.id() + path.replace('/', '-'));
                List<String> overflow = browser.overflowAt(320);
                if (!overflow.isEmpty()) {
                    overflowing.add(user.id() + " " + path + ": " + overflow);
                }
            }
            if (user.roles().contains(exchange.workforce.identity.Role.AUTHORITY_SUBMITTER)) {
                browser.go("/agency/leavers/upload");
                browser.assertAccessible("role-" + user.id() + "-agency-leavers-upload");
            }
            browser.signOut();
        }
        assertEquals(List.of(), overflowing, "pages wider than a 320 px screen");
    }

    private void date(String name, java.time.LocalDate date) {
        browser.tabTo(By.id(name + "-day"));
        browser.type(Integer.toString(date.getDayOfMonth()));
        browser.tabTo(By.id(name + "-month"));
        browser.type(Integer.toString(date.getMonthValue()));
        browser.tabTo(By.id(name + "-year"));
        browser.type(Integer.toString(date.getYear()));
    }
}
