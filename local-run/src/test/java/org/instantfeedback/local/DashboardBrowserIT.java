package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.browser.HeadlessChromium;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The live dashboard in a real headless Chromium (found by {@link
 * org.instantfeedback.embedded.browser.ChromeInstallation}; {@code .ci/run} installs Debian's
 * {@code chromium} and {@code chromium-driver}), against ingest and feedback-streams on the real
 * broker and registry: feedback posted to ingest appears on the open page without a reload, an
 * urgent report appears in the alert feed, an operator acknowledges it with the button, and the
 * page shows it acknowledged. Takes the screenshots docs/api.md shows (desktop and a 390 px
 * phone) into {@code target/screenshots/}; {@code docs/refresh-screenshots} copies them to docs/.
 */
@WithKafkaAndRegistry
class DashboardBrowserIT {
    static final String SCREENSHOT = "dashboard.png";
    static final String PHONE_SCREENSHOT = "dashboard-phone.png";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String OPERATOR = "Alex Ops";
    private static final String TOKEN = "dashboard-test-" + UUID.randomUUID();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DashboardInChromium dashboard;
    private static IngestAndStreams services;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startServicesAndBrowser(KafkaAndRegistry kafka, @TempDir Path stateDir) throws IOException {
        Map<String, String> env = IngestAndStreams.settings(kafka, "dashboard", stateDir);
        env.put(RateLimitSettings.RATE_LIMIT_ENABLED.name(), "false");
        dashboard = DashboardInChromium.start(env, TOKEN);
        services = dashboard.services();
        chromium = dashboard.chromium();
        browser = dashboard.browser();
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void feedback_shows_up_live_and_an_urgent_report_is_acknowledged_from_the_page() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(services.streamsUri("/v1/live")).build(),
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
        assertThat(chromium.js("return document.getElementById('card-route-42').dataset.level")).isEqualTo("poor");
        assertThat(cardText("route-42", ".level")).isEqualTo("Poor");

        post("{\"subject\":\"route-42\",\"comment\":\"driver ran a red light, someone got hurt\"}");

        String alertId = await().atMost(DEADLINE).until(() -> chromium.js("return Array.from(document.querySelectorAll("
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
        // at the next API call (the action, or a call of its own that came first) and sends it as a
        // bearer token from then on.
        browser.manage().deleteCookieNamed("feedback_api_token");
        boolean asked = clickAlertAction(alertId, "acknowledge");
        WebElement dialog = browser.findElement(By.id("action-dialog"));
        assertThat(dialog.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("action-title")).getText()).isEqualTo("Acknowledge urgent report on route-42");
        browser.findElement(By.id("operator")).sendKeys(OPERATOR);
        browser.findElement(By.id("note")).sendKeys("Calling the depot now");
        browser.findElement(By.id("action-confirm")).click();
        if (!asked) {
            await().atMost(DEADLINE).until(() -> browser.findElement(By.id("token-dialog")).isDisplayed());
            enterToken();
        }

        await().atMost(DEADLINE).until(() -> "Acknowledged".equals(alertText(alertId, ".status")));
        assertThat(alertText(alertId, ".meta")).contains("acknowledged by " + OPERATOR, "Calling the depot now");
        assertThat(alertText(alertId, "button[data-action='acknowledge']")).isNull();
        assertThat(alertText(alertId, "button[data-action='resolve']")).isEqualTo("Resolve");
        assertThat(browser.findElement(By.id("action-dialog")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
        assertThat(chromium.js("return sessionStorage.getItem('instant-feedback.api-token')")).as("kept for the tab")
                .isEqualTo(TOKEN);
        assertThat(browser.findElement(By.id("open-count")).getText()).isEqualTo("0 open");
        assertThat(chromium.js("return localStorage.getItem('instant-feedback.operator')"))
                .as("the name, kept for next time").isEqualTo(OPERATOR);

        post("{\"subject\":\"branch-central\",\"comment\":\"a man collapsed by the ticket desk, medical emergency\"}");
        await().atMost(DEADLINE).until(() -> "1 open".equals(browser.findElement(By.id("open-count")).getText()));
        await().atMost(DEADLINE).until(() -> cardText("route-42", "svg.spark") != null);
        assertThat(chromium.js("return document.querySelector('#card-route-42 svg.spark').getAttribute('aria-label')"))
                .startsWith("CSAT trend over").endsWith("to 20\u202f%");

        chromium.screenshot(SCREENSHOT);
        dashboard.onAPhone("the dashboard", () -> chromium.screenshot(PHONE_SCREENSHOT));
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
        return services.streamsUri(path).toString();
    }

    private static void postRatings(String subject, List<Integer> ratings, List<String> comments) throws Exception {
        for (int i = 0; i < ratings.size(); i++) {
            post("{\"subject\":\"" + subject + "\",\"rating\":" + ratings.get(i) + ",\"comment\":\""
                    + comments.get(i) + "\"}");
        }
    }

    private static void post(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = services.postFeedback(json);
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
        return chromium.js("const card = document.getElementById('card-' + arguments[0]);"
                + " const found = card && card.querySelector(arguments[1]); return found ? found.textContent : null;",
                subject, selector);
    }

    private static String alertText(String alertId, String selector) {
        return chromium.js("const item = Array.from(document.querySelectorAll('#alerts li'))"
                + ".find(li => li.dataset.alertId === arguments[0]);"
                + " const found = item && item.querySelector(arguments[1]); return found ? found.textContent : null;",
                alertId, selector);
    }

    /**
     * Clicks an alert's action button once the page lets it be clicked, and says whether the page
     * asked for the token first (then entered): under load a call of the page's own (a trend for a
     * subject first seen) can meet the 401 before the click does, and the token dialog is modal.
     */
    private static boolean clickAlertAction(String alertId, String action) throws IOException {
        AtomicBoolean asked = new AtomicBoolean();
        AtomicReference<RuntimeException> lastFailure = new AtomicReference<>();
        try {
            await().atMost(DEADLINE).until(() -> {
                if (browser.findElement(By.id("token-dialog")).isDisplayed()) {
                    enterToken();
                    asked.set(true);
                }
                try {
                    alertItem(alertId).findElement(By.cssSelector("button[data-action='" + action + "']")).click();
                    return true;
                } catch (RuntimeException e) {
                    lastFailure.set(e); // redrawn (stale) or not in the feed yet: look again
                    return false;
                }
            });
            return asked.get();
        } catch (ConditionTimeoutException e) {
            chromium.screenshot("dashboard-" + action + "-failed.png");
            throw new AssertionError("could not click " + action + " on alert " + alertId + " within " + DEADLINE
                    + "; the feed reads: " + chromium.js("return document.getElementById('alerts').innerText"),
                    lastFailure.get());
        }
    }

    private static void enterToken() {
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.id("token-confirm")).click();
    }

    private static WebElement alertItem(String alertId) {
        for (WebElement item : browser.findElements(By.cssSelector("#alerts li"))) {
            if (alertId.equals(item.getAttribute("data-alert-id"))) {
                return item;
            }
        }
        throw new AssertionError("no alert " + alertId + " in the feed");
    }
}
