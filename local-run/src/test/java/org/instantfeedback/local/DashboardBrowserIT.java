package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.http.ApiSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The live dashboard in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs), against ingest and feedback-streams on
 * the real broker and registry: feedback posted to ingest appears on the open page without a
 * reload, an urgent report appears in the alert feed, an operator acknowledges it with the button,
 * and the page shows it acknowledged. Saves the screenshots docs/query-api.md shows (desktop and a 390 px
 * phone) to {@code target/} and {@code docs/}.
 */
@WithKafkaAndRegistry
class DashboardBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    static final Path PHONE_SCREENSHOT = Path.of("target", "dashboard-phone.png");
    /** The copies docs/query-api.md shows: docs/ at the top of the project (the tests run in local-run/). */
    static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String OPERATOR = "Alex Ops";
    private static final String TOKEN = "dashboard-test-" + UUID.randomUUID();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static IngestApp ingest;
    private static StreamsApp streams;
    private static WebDriver browser;
    private static Path profile;
    private static Path stateDir;

    @BeforeAll
    static void startServicesAndBrowser(KafkaAndRegistry kafka) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The dashboard test drives a real browser: %s and %s are needed. Install them with"
                        + " 'apt-get install -y chromium chromium-driver' (as .ci/run does).", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        kafka.createTopics(LocalRun.TOPICS);
        stateDir = Files.createTempDirectory("dashboard-streams-");
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        env.put(HttpSettings.HTTP_PORT.name(), "0");
        env.put(PseudonymSettings.LOCAL_MODE.name(), "true");
        env.put(RateLimitSettings.RATE_LIMIT_ENABLED.name(), "false");
        env.put(StreamsAppConfig.STREAMS_HTTP_PORT, "0");
        env.put(StreamsAppConfig.KAFKA_APPLICATION_ID, "dashboard-" + UUID.randomUUID());
        env.put(StreamsAppConfig.KAFKA_STATE_DIR, stateDir.toString());
        // As in production: the page, its API calls and the live stream need the token.
        env.put(ApiSettings.STREAMS_API_AUTH, "token");
        env.put(ApiSettings.STREAMS_API_TOKENS, TOKEN);
        ingest = IngestApp.create(IngestConfig.from(env)).start();
        streams = StreamsApp.create(StreamsAppConfig.from(env));
        streams.start();
        profile = Files.createTempDirectory("chromium-profile-");
        browser = chromium(profile);
    }

    /** Debian's browser and driver, named outright, so Selenium Manager never downloads anything. */
    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-GB",
                "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        return driver;
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (streams != null) {
            streams.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        for (Path dir : new Path[] {profile, stateDir}) {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void feedback_shows_up_live_and_an_urgent_report_is_acknowledged_from_the_page() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(streamsUrl("/v1/live"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("the live stream without the token").isEqualTo(401);
        // The link an operator is given once; the app keeps the token in a cookie for the session.
        browser.get(streamsUrl("/?access_token=" + TOKEN));
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/");
        assertThat(browser.getTitle()).isEqualTo("Live feedback dashboard");
        await().atMost(DEADLINE).until(() -> "live".equals(
                browser.findElement(By.id("connection")).getAttribute("data-state")));

        postRatings("route-42", List.of(2, 1, 2, 4, 3), List.of("driver rude and late again",
                "bus 20 minutes late, missed my connection", "overcrowded, could not get on", "fine", "late again"));
        postRatings("route-7", List.of(5, 4, 5, 4), List.of("lovely driver, spotless bus", "on time", "great",
                "clean and quiet"));
        postRatings("branch-central", List.of(4, 2, 5, 3), List.of("helpful staff", "long queue at the ticket desk",
                "quick", "ok"));
        postRatings("route-12", List.of(5, 3, 4), List.of("friendly driver", "a bit late", "comfortable seats"));

        awaitCard("route-42", "5", "20\u202f%");
        awaitCard("route-7", "4", "100\u202f%");
        awaitCard("branch-central", "4", "50\u202f%");
        awaitCard("route-12", "3", "66.7\u202f%");
        assertThat(js("return document.getElementById('card-route-42').dataset.level")).isEqualTo("poor");
        assertThat(cardText("route-42", ".level")).isEqualTo("Poor");

        post("{\"subject\":\"route-42\",\"comment\":\"driver ran a red light, someone got hurt\"}");

        String alertId = await().atMost(DEADLINE).until(() -> js("return Array.from(document.querySelectorAll("
                + "'#alerts li[data-status=\"open\"]')).filter(li => li.querySelector('.subject').textContent"
                + " === 'route-42').map(li => li.dataset.alertId)[0] || null"), found -> found != null);
        assertThat(alertText(alertId, ".kind")).isEqualTo("Urgent report");
        assertThat(alertText(alertId, ".status")).isEqualTo("Open");
        assertThat(alertText(alertId, ".badge")).isEqualTo("Critical");
        // the example shows how the text read: label, the model's probability, the terms that weighed most
        assertThat(alertText(alertId, ".example")).startsWith("driver ran a red light, someone got hurt (negative ")
                .endsWith("%: hurt -2.4)");
        await().atMost(DEADLINE).until(() -> String.valueOf(cardText("route-42", ".card-alerts")).contains("Urgent report"));
        assertThat(browser.findElement(By.id("open-count")).getText()).isEqualTo("1 open");

        // The session's cookie is gone (as when the tokens were changed): the page asks for the token
        // at the next API call and sends it as a bearer token from then on.
        browser.manage().deleteCookieNamed("feedback_api_token");
        await().atMost(DEADLINE).ignoreExceptions().until(() -> {
            alertItem(alertId).findElement(By.cssSelector("button[data-action='acknowledge']")).click();
            return true;
        });
        WebElement dialog = browser.findElement(By.id("action-dialog"));
        assertThat(dialog.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("action-title")).getText()).isEqualTo("Acknowledge urgent report on route-42");
        browser.findElement(By.id("operator")).sendKeys(OPERATOR);
        browser.findElement(By.id("note")).sendKeys("Calling the depot now");
        browser.findElement(By.id("action-confirm")).click();
        await().atMost(DEADLINE).until(() -> browser.findElement(By.id("token-dialog")).isDisplayed());
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.id("token-confirm")).click();

        await().atMost(DEADLINE).until(() -> "Acknowledged".equals(alertText(alertId, ".status")));
        assertThat(alertText(alertId, ".meta")).contains("acknowledged by " + OPERATOR, "Calling the depot now");
        assertThat(alertText(alertId, "button[data-action='acknowledge']")).isNull();
        assertThat(alertText(alertId, "button[data-action='resolve']")).isEqualTo("Resolve");
        assertThat(browser.findElement(By.id("action-dialog")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
        assertThat(js("return sessionStorage.getItem('instant-feedback.api-token')")).as("kept for the tab")
                .isEqualTo(TOKEN);
        assertThat(browser.findElement(By.id("open-count")).getText()).isEqualTo("0 open");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return localStorage.getItem('instant-feedback.operator')")).as("the name, kept for next time")
                .isEqualTo(OPERATOR);

        post("{\"subject\":\"branch-central\",\"comment\":\"a man collapsed by the ticket desk, medical emergency\"}");
        await().atMost(DEADLINE).until(() -> "1 open".equals(browser.findElement(By.id("open-count")).getText()));
        await().atMost(DEADLINE).until(() -> cardText("route-42", "svg.spark") != null);
        assertThat(js("return document.querySelector('#card-route-42 svg.spark').getAttribute('aria-label')"))
                .startsWith("CSAT trend over").endsWith("to 20\u202f%");

        screenshot(SCREENSHOT);
        browser.manage().window().setSize(new Dimension(390, 844));
        await().atMost(Duration.ofSeconds(10)).until(() -> viewportWidth() <= 390);
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewportWidth());
        screenshot(PHONE_SCREENSHOT);
        browser.manage().window().setSize(new Dimension(1280, 800));
        Files.createDirectories(DOCS);
        Files.copy(SCREENSHOT, DOCS.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(PHONE_SCREENSHOT, DOCS.resolve("dashboard-phone.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void labels_every_control_and_announces_the_alert_feed() {
        browser.get(streamsUrl("/dashboard/?access_token=" + TOKEN));

        for (WebElement input : browser.findElements(By.cssSelector("input, select, textarea"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                    .as("label of %s", input.getAttribute("id")).hasSize(1);
        }
        assertThat(browser.findElement(By.id("alerts")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.findElement(By.id("connection")).getAttribute("role")).isEqualTo("status");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    private static String streamsUrl(String path) {
        return "http://localhost:" + streams.port() + path;
    }

    private static void postRatings(String subject, List<Integer> ratings, List<String> comments) throws Exception {
        for (int i = 0; i < ratings.size(); i++) {
            post("{\"subject\":\"" + subject + "\",\"rating\":" + ratings.get(i) + ",\"comment\":\""
                    + comments.get(i) + "\"}");
        }
    }

    private static void post(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ingest.port() + "/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static void awaitCard(String subject, String responses, String csat) {
        await().atMost(DEADLINE).until(() -> responses.equals(cardText(subject, ".responses dd"))
                && csat.equals(cardText(subject, ".csat dd")));
    }

    /**
     * Text read in one script run: the page redraws cards and alerts as updates arrive, so an
     * element found in one WebDriver call may be gone by the next.
     */
    private static String cardText(String subject, String selector) {
        return js("const card = document.getElementById('card-' + arguments[0]);"
                + " const found = card && card.querySelector(arguments[1]); return found ? found.textContent : null;",
                subject, selector);
    }

    private static String alertText(String alertId, String selector) {
        return js("const item = Array.from(document.querySelectorAll('#alerts li'))"
                + ".find(li => li.dataset.alertId === arguments[0]);"
                + " const found = item && item.querySelector(arguments[1]); return found ? found.textContent : null;",
                alertId, selector);
    }

    private static String js(String script, Object... arguments) {
        Object result = ((JavascriptExecutor) browser).executeScript(script, arguments);
        return result == null ? null : result.toString();
    }

    private static WebElement alertItem(String alertId) {
        for (WebElement item : browser.findElements(By.cssSelector("#alerts li"))) {
            if (alertId.equals(item.getAttribute("data-alert-id"))) {
                return item;
            }
        }
        throw new AssertionError("no alert " + alertId + " in the feed");
    }

    private static int viewportWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).intValue();
    }

    private static void screenshot(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
