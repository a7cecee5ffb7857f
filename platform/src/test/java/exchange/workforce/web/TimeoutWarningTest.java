package exchange.workforce.web;

import exchange.workforce.support.Browser;
import exchange.workforce.support.PlatformTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warning before a session ends unused, in a real browser, with sessions that end after 12 seconds idle so the
 * test need not wait half an hour: the dialog comes, "Stay signed in" keeps the session, and left alone the page
 * goes to say why the person was signed out, after which the old session opens nothing.
 */
@MicronautTest(transactional = false)
class TimeoutWarningTest extends PlatformTest {

    @Inject
    EmbeddedServer server;
    Browser browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(serviceProperties());
        properties.put("wfx.web.session-idle", "12s");
        return properties;
    }

    @BeforeEach
    void open() {
        browser = Browser.open(server.getURL().toString());
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, ?> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(condition);
    }

    @Test
    void aPageWarnsBeforeTheSessionEndsAndStayingSignedInKeepsIt() {
        browser.signIn("kent-lead");
        String signedInAt = browser.path();
        waitFor(ExpectedConditions.attributeToBeNotEmpty(browser.driver().findElement(By.id("wfx-timeout")), "open"));
        assertTrue(browser.driver().findElement(By.id("wfx-timeout")).getText().contains("You're about to be signed out"));
        browser.screenshot("timeout-warning");
        assertEquals("Stay signed in", browser.driver().switchTo().activeElement().getText(), "the dialog takes the focus");
        browser.press(Keys.ENTER);
        waitFor(d -> d.findElement(By.id("wfx-timeout")).getAttribute("open") == null);
        browser.go(signedInAt);
        assertEquals(signedInAt, browser.path(), "still signed in after staying");
        browser.assertAccessible("after-staying-signed-in");
    }

    @Test
    void leftAloneThePageSaysWhyThePersonWasSignedOutAndTheSessionIsOver() {
        browser.signIn("kent-lead");
        String signedInAt = browser.path();
        waitFor(d -> d.getCurrentUrl().contains("/signed-out"));
        assertTrue(browser.text().contains("For your security, we signed you out"), browser.text());
        browser.assertAccessible("signed-out-after-timeout");
        browser.go(signedInAt);
        assertEquals("/sign-in", browser.path(), "the session is over: the next page asks to sign in");
    }
}
