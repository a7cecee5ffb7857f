package exchange.workforce.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's Chromium driven by its own chromedriver, both by explicit path (nothing is downloaded). Headless, with the
 * flags that keep it off the network. Helpers move by keyboard only, check pages with axe-core at WCAG 2.2 AA and
 * write screenshots under target/screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String INSTALL = "apt-get install -y chromium chromium-driver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser for the service at {@code base}; the test is skipped, saying how to install Chromium, where it is missing. */
    public static Browser open(String base) {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Browser tests need Debian's Chromium and chromedriver; install them with: " + INSTALL);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1400", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String title() {
        return driver.getTitle();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Presses Tab until the element has focus (at most 200 times): proof it can be reached by keyboard. */
    public WebElement tabTo(By target) {
        WebElement wanted = driver.findElement(target);
        Actions keys = new Actions(driver);
        for (int i = 0; i < 200; i++) {
            if (wanted.equals(driver.switchTo().activeElement())) {
                return wanted;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reaches " + target + " on " + driver.getCurrentUrl());
    }

    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /**
     * Presses a key that leaves the page (Enter on a link or a button) and waits until the next page has loaded. The old
     * page is gone when its root element is stale, or when Chromium, asked mid-navigation, answers that the node "does
     * not belong to the document" (an inspector error, not a stale reference: the framework's stalenessOf rethrows it).
     */
    public void follow(CharSequence key) {
        WebElement old = driver.findElement(By.tagName("html"));
        press(key);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                    return true;
                }
                throw e;
            }
        });
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Replaces the text of the field with focus, as a person would: select all (Ctrl+A), then type. */
    public void replaceText(String text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        type(text);
    }

    /** Types into the element with focus. */
    public void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /** Signs in as a demonstration user by keyboard alone: tab to the user's radio, select it, tab to Sign in, press Enter. */
    public void signIn(String demoUser) {
        go("/sign-in");
        List<String> users = driver.findElements(By.cssSelector("input[name=user]")).stream().map(e -> e.getAttribute("value")).toList();
        assertTrue(users.contains(demoUser), demoUser + " is not among " + users);
        tabTo(By.id("user"));
        press(Keys.SPACE);
        for (int i = 0; i < users.indexOf(demoUser); i++) {
            press(Keys.ARROW_DOWN);
        }
        tabTo(By.cssSelector("form[action='/sign-in'] button[type=submit]"));
        follow(Keys.ENTER);
        if (path().equals("/sign-in")) {
            screenshot("sign-in-failed");
            throw new AssertionError("Signing in as " + demoUser + " failed: " + driver.getPageSource().substring(0, Math.min(3000, driver.getPageSource().length())));
        }
    }

    public void signOut() {
        tabTo(By.cssSelector("form[action='/sign-out'] button"));
        follow(Keys.ENTER);
    }

    /** Checks the page: one h1, a skip link, a main landmark, a title; no axe-core violation at WCAG 2.2 AA. */
    public void assertAccessible(String screenshot) {
        screenshot(screenshot);
        assertEquals(1, driver.findElements(By.tagName("h1")).size(), "one h1 on " + path());
        assertEquals(1, driver.findElements(By.cssSelector("a.govuk-skip-link[href='#main-content']")).size(), "a skip link");
        assertEquals(1, driver.findElements(By.cssSelector("main#main-content")).size(), "a main landmark");
        assertTrue(driver.getTitle().endsWith(" – Workforce Exchange"), "a title naming the page: " + driver.getTitle());
        // legacy mode runs axe in the page itself: the default opens a blank window for its last step, which a loaded
        // two-core machine's renderer can fail to answer within chromedriver's one second (a timeout, not a finding)
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).setLegacyMode(true)
                .setTimeout(60).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), "axe-core finds on " + path() + ": " + violations.stream()
                .map(v -> v.getId() + " (" + v.getHelp() + ") at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", "))).collect(Collectors.joining("; ")));
    }

    /**
     * Whether the page reflows at {@code width} CSS pixels (WCAG 1.4.10: 320): the empty list if nothing makes the page
     * itself scroll sideways (a wide table may scroll inside its own region), else what sticks out, widest first.
     */
    public List<String> overflowAt(int width) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            Object found = driver.executeScript("""
                    const view = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= view) { return []; }
                    const out = [];
                    for (const e of document.querySelectorAll('body *')) {
                      const r = e.getBoundingClientRect();
                      if (r.right > view + 1 && !e.closest('.wfx-scroll')) {
                        out.push(Math.round(r.right) + 'px ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
                      }
                    }
                    out.sort((a, b) => parseInt(b) - parseInt(a));
                    return [document.documentElement.scrollWidth + 'px wide'].concat(out.slice(0, 5));""");
            @SuppressWarnings("unchecked") List<String> list = (List<String>) found;
            return list;
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
