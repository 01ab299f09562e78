package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.browser.HeadlessChromium;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The feedback page a QR code opens, in a real headless Chromium (found by {@link
 * org.instantfeedback.embedded.browser.ChromeInstallation}; {@code .ci/run} installs Debian's
 * {@code chromium} and {@code chromium-driver}): choose stars with mouse and keyboard, comment,
 * send, see the thanks, find the event on the topic. Also the form without JavaScript. Takes the
 * screenshots docs/channels.md shows into {@code target/screenshots/}; {@code docs/refresh-screenshots}
 * copies them to docs/.
 */
@WithKafkaAndRegistry
class FeedbackPageBrowserIT {
    static final String SCREENSHOT = "qr-feedback-page.png";
    static final String THANKS_SCREENSHOT = "qr-feedback-thanks.png";

    @RegisterExtension
    static final IngestOnBroker INGEST = new IngestOnBroker();

    private static IngestHttpClient client;
    private static FeedbackTopicReader topic;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startIngestAndBrowser(KafkaAndRegistry runtime) throws Exception {
        client = INGEST.start(runtime);
        topic = INGEST.topic();
        // A small phone: 360 CSS pixels wide.
        chromium = HeadlessChromium.open(360, 740);
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sends_stars_and_a_comment_shows_thanks_and_puts_the_event_on_the_topic() throws Exception {
        String subject = "route-42";
        browser.get(client.uri("/f/" + subject).toString());
        assertThat(browser.getTitle()).isEqualTo("Feedback: " + subject);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("How was " + subject + "?");
        String token = browser.findElement(By.id("feedback")).getAttribute("data-token");

        browser.findElement(By.cssSelector("label[for='star-2']")).click();
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        browser.findElement(By.id("comment")).sendKeys("The driver waited for me at the stop.");
        assertThat(browser.findElement(By.id("star-4")).isSelected()).as("arrow keys move along the stars").isTrue();
        assertThat(browser.findElements(By.cssSelector(".stars label.on"))).hasSize(4);
        chromium.screenshot(SCREENSHOT);
        browser.findElement(By.id("comment")).sendKeys(" Call me on " + PersonalData.NUMBER_IN_TEXT);
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("thanks")).isEmpty());
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("Thank you!");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(subject + " has been received");
        chromium.screenshot(THANKS_SCREENSHOT);
        FeedbackReceived event = topic.awaitEvent("qr:" + token).value();
        assertThat(event.getChannel()).isEqualTo(Channel.QR);
        assertThat(event.getSubject()).isEqualTo(subject);
        assertThat(event.getRating()).isEqualTo(new Rating(4, RatingScale.STARS_5));
        assertThat(event.getText()).isEqualTo("The driver waited for me at the stop. Call me on [phone]");
        assertThat(event.getSenderPseudonym()).isNull();
    }

    @Test
    void asks_for_stars_before_sending() {
        browser.get(client.uri("/f/branch-central").toString());

        browser.findElement(By.cssSelector("button[type='submit']")).click();

        assertThat(browser.findElements(By.id("thanks"))).isEmpty();
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.getElementById('star-1').validity.valueMissing")).isTrue();
    }

    @Test
    void is_small_self_contained_labelled_and_locked_down() {
        HttpResponse<String> page = client.get("/f/route-42");
        HttpResponse<String> style = client.get("/assets/feedback-page.css");
        HttpResponse<String> script = client.get("/assets/feedback-page.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertHtml(page);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'", "form-action 'self'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<html lang=\"en\">", "name=\"viewport\"")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(page.body().length() + style.body().length() + script.body().length())
                .as("page, style and script together").isLessThan(16 * 1024);
        browser.get(client.uri("/f/route-42").toString());
        for (WebElement input : browser.findElements(By.cssSelector("input[type='radio'], textarea"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                    .as("label of %s", input.getAttribute("id")).hasSize(1);
        }
        WebElement star = browser.findElement(By.cssSelector("label[for='star-1']"));
        assertThat(star.getSize().getHeight()).as("tap target height in CSS pixels").isGreaterThanOrEqualTo(44);
        assertThat(star.getSize().getWidth()).as("tap target width in CSS pixels").isGreaterThanOrEqualTo(44);
    }

    @Test
    void works_without_javascript_and_counts_a_form_sent_twice_once() throws Exception {
        String subject = "Zürich HB #" + (int) (Math.random() * 90 + 10);
        String path = "/f/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> page = client.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        String action = attribute(page.body(), "action");
        String token = attribute(page.body(), "data-token");
        assertThat(action).isEqualTo(path);
        String form = "rating=5&comment=" + URLEncoder.encode("Spotless, mail " + PersonalData.EMAIL_IN_TEXT,
                StandardCharsets.UTF_8) + "&token=" + token;

        HttpResponse<String> thanks = client.postTo(action, "application/x-www-form-urlencoded", form);
        HttpResponse<String> again = client.postTo(action, "application/x-www-form-urlencoded", form);

        assertThat(thanks.statusCode()).isEqualTo(200);
        assertHtml(thanks);
        assertThat(thanks.body()).contains("Thank you!", "Zürich HB #");
        assertThat(again.statusCode()).isEqualTo(200);
        FeedbackReceived event = topic.awaitEvent("qr:" + token).value();
        assertThat(event.getSubject()).isEqualTo(subject);
        assertThat(event.getChannel()).isEqualTo(Channel.QR);
        assertThat(event.getText()).isEqualTo("Spotless, mail [email]");
        String marker = client.postJson("{\"subject\":\"" + subject + "\",\"rating\":1}").body();
        topic.awaitEvent(marker.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        assertThat(topic.recordsWithKey(subject)).extracting(r -> r.value().getEventId())
                .containsOnlyOnce("qr:" + token);
    }

    @Test
    void answers_a_form_it_cannot_take_with_a_page_that_says_why() {
        HttpResponse<String> response = client.postTo("/f/route-42", "application/x-www-form-urlencoded",
                "rating=9&comment=");

        assertThat(response.statusCode()).isEqualTo(400);
        assertHtml(response);
        assertThat(response.body()).contains("Invalid feedback", "rating must be from 1 to 5",
                "href=\"/f/route-42\"");
    }

    @Test
    void shows_no_page_for_a_subject_that_breaks_the_subject_rules() {
        for (String path : List.of("/f/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/f/%20", "/f/" + "x".repeat(65))) {
            HttpResponse<String> response = client.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertHtml(response);
            assertThat(response.body()).contains("no feedback page").doesNotContain("<script>");
        }
    }

    private static void assertHtml(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8"));
    }

    private static String attribute(String html, String name) {
        Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as(name + " in the page").isTrue();
        return matcher.group(1).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    }
}
