package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.browser.HeadlessChromium;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.ReplyKind;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.instantfeedback.streams.conversations.ConversationSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's inbox in a real headless Chromium, against feedback-streams on the real broker
 * and registry: passengers' SMS (produced straight to feedback.received.v1 with a reply address,
 * as feedback-ingest writes them; the topology never decrypts the address, so any bytes do) show
 * up as conversations; an operator opens one, answers, and the answer goes to the reply sender on
 * feedback.replies.v1 and shows in the chat; closing it asks the follow-up question; forgetting the
 * passenger asks first. The response times beside the inbox count the answer, per route and per
 * operator. Takes the screenshots of an open conversation (docs/api.md) and of the response times
 * (docs/conversations.md) into {@code target/screenshots/}; {@code docs/refresh-screenshots} copies
 * them to docs/.
 */
@WithKafkaAndRegistry
class ConversationInboxBrowserIT {
    static final String SCREENSHOT = "inbox.png";
    static final String PHONE_SCREENSHOT = "inbox-phone.png";
    static final String LIST_SCREENSHOT = "inbox-list.png";
    static final String HANDLING_SCREENSHOT = "response-times.png";
    /** Generous: on a loaded CI machine, scoring, the repartition and the store take their time. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String OPERATOR = "Sam Ops";
    private static final String OPERATOR_NUMBER = "+447700900100";
    private static final String TOKEN = "inbox-test-" + UUID.randomUUID();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaAndRegistry kafka;
    private static DashboardInChromium dashboard;
    private static IngestAndStreams services;
    private static KafkaProducer<String, FeedbackReceived> producer;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startServicesAndBrowser(KafkaAndRegistry broker, @TempDir Path stateDir) throws IOException {
        kafka = broker;
        dashboard = DashboardInChromium.start(IngestAndStreams.settings(kafka, "inbox", stateDir), TOKEN);
        services = dashboard.services();
        chromium = dashboard.chromium();
        browser = dashboard.browser();
        producer = feedbackProducer();
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void an_operator_answers_a_passenger_from_the_inbox_and_closes_the_conversation() throws Exception {
        String contact = newContact();
        String conversationId = contact + ".1";
        sms(contact, "route-42", "The driver of the 42 was rude and drove off before I sat down");
        sms(contact, "route-42", "And the bus was 20 minutes late again");
        sms(newContact(), "route-7", "Lovely driver, spotless bus, thank you");
        String answer = "Sorry about that, Jo. We have passed it to the depot manager of the 42 today.";

        openDashboard();
        // Both messages in: the row shows the last one.
        awaitRow(conversationId, ".quote", "And the bus was 20 minutes late again");
        assertThat(rowText(conversationId, ".subject")).isEqualTo("route-42");
        assertThat(rowText(conversationId, ".conv-status")).isEqualTo("Open");
        assertThat(rowText(conversationId, ".since")).startsWith("waiting ");
        assertThat(rowText(conversationId, ".sentiment")).as("the reading of the last message").isNotBlank();

        chromium.screenshot(LIST_SCREENSHOT);
        // Keyboard: the row is a button, Enter opens it.
        row(conversationId).sendKeys(Keys.ENTER);
        awaitPage("the conversation's messages", () -> messageTexts("in").size() == 2);
        assertThat(browser.findElement(By.id("conversation-title")).getText())
                .isEqualTo("Conversation about route-42");
        assertThat(messageTexts("in")).containsExactly(
                "The driver of the 42 was rude and drove off before I sat down", "And the bus was 20 minutes late again");
        assertThat(chromium.js(
                "return document.querySelector('#messages li[data-direction=\"in\"] .reading').textContent"))
                .as("the passenger's first message as the pipeline read it").contains("negative", "staff");

        WebElement name = browser.findElement(By.id("reply-by"));
        name.clear();
        name.sendKeys(OPERATOR);
        browser.findElement(By.id("reply-text")).sendKeys(answer);
        browser.findElement(By.id("reply-send")).click();

        ReplyRequested reply = awaitReply(conversationId, ReplyKind.REPLY);
        assertThat(reply.getText()).isEqualTo(answer);
        assertThat(reply.getBy()).isEqualTo(OPERATOR);
        assertThat(reply.getTo().getContactId()).isEqualTo(contact);
        awaitPage("the answer in the chat", () -> messageTexts("out").contains(answer));
        assertThat(chromium.js(
                "return document.querySelector('#messages li[data-direction=\"out\"] .reading').textContent"))
                .as("who answered, and the delivery so far").contains(OPERATOR, "Requested");
        assertThat(browser.findElement(By.id("reply-text")).getAttribute("value")).as("the reply box, emptied").isEmpty();
        awaitPage("the conversation, answered", () -> "Answered".equals(rowText(conversationId, ".conv-status")));
        chromium.screenshot(SCREENSHOT);
        awaitPage("route-42's first response time among the response times",
                () -> measured(handlingCell("route-42", ".first-response")));

        browser.findElement(By.id("conversation-close")).click();
        ReplyRequested followUp = awaitReply(conversationId, ReplyKind.FOLLOW_UP);
        assertThat(followUp.getText()).isEqualTo(ConversationSettings.defaults().followUpQuestion().orElseThrow());
        awaitPage("the conversation, closed", () -> String.valueOf(chromium.js(
                "return document.getElementById('conversation-meta').textContent")).startsWith("Closed"));
        assertThat(chromium.js("return document.getElementById('conversation-meta').textContent"))
                .contains("closed by " + OPERATOR);
        awaitPage("the follow-up question in the chat", () -> messageTexts("out").contains(followUp.getText()));
        assertThat(browser.findElement(By.id("conversation-close")).isDisplayed()).as("nothing left to close").isFalse();

        dashboard.onAPhone("a conversation", () -> {
            assertThat(browser.findElement(By.id("reply-send")).isDisplayed()).isTrue();
            chromium.screenshot(PHONE_SCREENSHOT);
        });

        browser.findElement(By.id("conversation-back")).click();
        awaitPage("the closed conversation gone from the open inbox", () -> row(conversationId) == null);
        browser.findElement(By.id("inbox-closed")).click();
        awaitRow(conversationId, ".conv-status", "Closed");
        assertThat(rowText(conversationId, ".quote")).isEqualTo(followUp.getText());

        awaitPage("route-42's handling time among the response times, once closed",
                () -> measured(handlingCell("route-42", ".handling-time")));
        assertThat(measured(handlingCell("route-42", ".first-response"))).as("route-42's first response").isTrue();
        assertThat(handlingCell("route-7", ".first-response")).as("route-7, not answered yet").isEqualTo("–");
        assertThat(handlingCell("route-7", ".open-count")).as("route-7's passenger, waiting").isEqualTo("1");
        chromium.js("document.querySelector('section.handling').scrollIntoView({block: 'center'})");
        chromium.screenshot(HANDLING_SCREENSHOT);
        responseTimesFitAPhone();

        // Keyboard only: the scope selector is a labelled select; typing an option's name picks it.
        WebElement scope = browser.findElement(By.id("handling-scope"));
        assertThat(chromium.js("return document.querySelector('label[for=\"handling-scope\"]').textContent"))
                .isEqualTo("Per");
        scope.sendKeys("Ops users");
        awaitPage("the answering operator's row among the response times per ops user",
                () -> "Ops user".equals(chromium.js("return document.getElementById('handling-id-head').textContent"))
                        && measured(handlingCell(OPERATOR, ".first-response")));
        assertThat(handlingCell("route-42", ".first-response")).as("no routes among the operators").isNull();
    }

    /** At 390 px the page does not scroll sideways: the response times scroll inside their own box. */
    private static void responseTimesFitAPhone() throws IOException {
        dashboard.onAPhone("the response times", () -> assertThat(Double.parseDouble(chromium.js(
                "return document.getElementById('handling-box').getBoundingClientRect().right")))
                .as("the response times' box within the screen").isLessThanOrEqualTo(chromium.viewportWidth()));
    }

    @Test
    void forgetting_a_passenger_asks_first_then_erases_their_conversation() throws Exception {
        String contact = newContact();
        String conversationId = contact + ".1";
        sms(contact, "branch-central", "Please delete my number, I only wanted to say the queue was long");

        openDashboard();
        awaitRow(conversationId, ".subject", "branch-central");
        row(conversationId).click();
        awaitPage("the conversation's messages", () -> messageTexts("in").size() == 1);
        WebElement name = browser.findElement(By.id("reply-by"));
        name.clear();
        name.sendKeys(OPERATOR);

        browser.findElement(By.id("conversation-forget")).click();
        assertThat(browser.findElement(By.id("forget-confirm")).isDisplayed()).as("asked before erasing").isTrue();
        assertThat(browser.findElement(By.id("forget-question")).getText()).contains("cannot be undone");
        browser.findElement(By.id("forget-cancel")).click();
        assertThat(browser.findElement(By.id("forget-confirm")).isDisplayed()).isFalse();
        assertThat(apiStatus("/v1/conversations/" + conversationId)).as("kept after Keep").isEqualTo(200);

        browser.findElement(By.id("conversation-forget")).click();
        browser.findElement(By.id("forget-confirmed")).click();
        awaitPage("the conversation window closed once the passenger is erased",
                () -> !browser.findElement(By.id("conversation-dialog")).isDisplayed());
        awaitPage("the erased conversation gone from the inbox", () -> row(conversationId) == null);
        assertThat(apiStatus("/v1/conversations/" + conversationId)).as("erased").isEqualTo(404);
    }

    @Test
    void from_an_alert_an_operator_reaches_the_conversation_of_the_passenger_who_wrote() throws Exception {
        String contact = newContact();
        String conversationId = contact + ".1";
        String subject = "night-bus-" + UUID.randomUUID().toString().substring(0, 8);
        sms(contact, subject, "A man is attacking the driver on the night bus, call the police");

        openDashboard();
        awaitPage("the urgent alert with a way to its passengers", () -> !browser.findElements(By.cssSelector(
                "li.alert[data-status='open'] button[data-action='conversations']")).isEmpty()
                && browser.findElements(By.cssSelector("li.alert")).stream()
                .anyMatch(alert -> alert.getText().contains(subject)));
        WebElement alert = browser.findElements(By.cssSelector("li.alert")).stream()
                .filter(item -> item.getText().contains(subject)).findFirst().orElseThrow();
        alert.findElement(By.cssSelector("button[data-action='conversations']")).click();
        awaitPage("the passenger's conversation listed under the alert", () -> browser.findElements(By.cssSelector(
                "li.alert ul.passengers button")).stream().anyMatch(link -> link.getText().contains("attacking")));
        browser.findElements(By.cssSelector("li.alert ul.passengers button")).stream()
                .filter(link -> link.getText().contains("attacking")).findFirst().orElseThrow().click();

        awaitPage("the conversation opened from the alert", () -> browser.findElement(By.id("conversation-dialog"))
                .isDisplayed() && messageTexts("in").stream().anyMatch(text -> text.contains("attacking")));
        assertThat(apiStatus("/v1/conversations/" + conversationId)).isEqualTo(200);
    }

    private static void openDashboard() {
        // The link an operator is given once; the app keeps the token in a cookie for the session.
        browser.get(services.streamsUri("/dashboard/?access_token=" + TOKEN).toString());
        assertThat(browser.getTitle()).isEqualTo("Live feedback dashboard");
    }

    private static int apiStatus(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(services.streamsUri(path)).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String newContact() {
        return "c0ntact" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A passenger's SMS as feedback-ingest writes it: keyed by subject, with a sealed reply address. */
    private static void sms(String contact, String subject, String text) throws Exception {
        Instant now = Instant.now();
        FeedbackReceived feedback = FeedbackReceived.newBuilder()
                .setEventId("twilio:SM" + UUID.randomUUID().toString().replace("-", ""))
                .setChannel(Channel.SMS).setSubject(subject).setText(text).setSenderPseudonym(contact)
                .setReplyTo(ReplyAddress.newBuilder().setContactId(contact).setOperatorNumber(OPERATOR_NUMBER)
                        .setKeyId("test-key-1").setCiphertext(ByteBuffer.wrap(new byte[] {7, 7, 7, 7})).build())
                .setOccurredAt(now).setReceivedAt(now).build();
        producer.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, subject, feedback)).get(30, TimeUnit.SECONDS);
    }

    private static KafkaProducer<String, FeedbackReceived> feedbackProducer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                "schema.registry.url", kafka.schemaRegistryUrl());
        SpecificAvroSerializer<FeedbackReceived> serializer = new SpecificAvroSerializer<>();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    /** The SMS the topology asks the reply sender to send for the conversation, read from the start of the topic. */
    private static ReplyRequested awaitReply(String conversationId, ReplyKind kind) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "inbox-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Streams writes in transactions: read what it committed, as the reply sender does.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                "schema.registry.url", kafka.schemaRegistryUrl());
        SpecificAvroDeserializer<ReplyRequested> deserializer = new SpecificAvroDeserializer<>(ReplyRequested.class);
        deserializer.configure(config, false);
        List<ReplyRequested> seen = new ArrayList<>();
        Predicate<ReplyRequested> wanted = reply -> reply.getConversationId().equals(conversationId)
                && reply.getKind() == kind;
        try (KafkaConsumer<String, ReplyRequested> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                deserializer)) {
            consumer.subscribe(List.of(Topics.REPLIES));
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, ReplyRequested> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.value());
                }
                return seen.stream().anyMatch(wanted);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + kind + " for " + conversationId + " on " + Topics.REPLIES + " within "
                    + DEADLINE + "; seen: " + seen + "; the page reads: " + pageText(), e);
        }
        return seen.stream().filter(wanted).findFirst().orElseThrow();
    }

    private static void awaitRow(String conversationId, String selector, String text) throws IOException {
        awaitPage("conversation " + conversationId + " in the inbox with " + selector + " '" + text + "'",
                () -> text.equals(rowText(conversationId, selector)));
    }

    /** Waits for what a user would see, and fails with a screenshot and the page's text when it never comes. */
    private static void awaitPage(String what, Callable<Boolean> shown) throws IOException {
        try {
            await().atMost(DEADLINE).ignoreExceptions().until(shown);
        } catch (ConditionTimeoutException e) {
            chromium.screenshot("inbox-failed.png");
            throw new AssertionError("the page did not show " + what + " within " + DEADLINE + "; it reads: "
                    + pageText(), e);
        }
    }

    private static String pageText() {
        try {
            return chromium.js("const dialog = document.getElementById('conversation-dialog');"
                    + " return document.body.innerText + (dialog && dialog.open ? '\\n[conversation] ' + dialog.innerText : '')");
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static WebElement row(String conversationId) {
        for (WebElement item : browser.findElements(By.cssSelector("#conversations li"))) {
            if (conversationId.equals(item.getAttribute("data-conversation-id"))) {
                return item.findElement(By.tagName("button"));
            }
        }
        return null;
    }

    /** Text read in one script run: the inbox redraws its rows as it polls. */
    private static String rowText(String conversationId, String selector) {
        return chromium.js("const item = Array.from(document.querySelectorAll('#conversations li'))"
                + ".find(li => li.dataset.conversationId === arguments[0]);"
                + " const found = item && item.querySelector(arguments[1]); return found ? found.textContent : null;",
                conversationId, selector);
    }

    /** A cell of the response times' row for a route or operator, or null while there is no such row. */
    private static String handlingCell(String id, String selector) {
        return chromium.js("const row = Array.from(document.querySelectorAll('#handling-rows tr'))"
                + ".find(tr => tr.dataset.id === arguments[0]);"
                + " const found = row && row.querySelector(arguments[1]); return found ? found.textContent : null;",
                id, selector);
    }

    /** A time the panel shows, as in "4 s" or "1 min 3 s", rather than the "–" of nothing measured. */
    private static boolean measured(String time) {
        return time != null && time.matches("\\d+ (s|min \\d+ s|h \\d+ min|d \\d+ h)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> messageTexts(String direction) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#messages li'))"
                        + ".filter(li => li.dataset.direction === arguments[0])"
                        + ".map(li => li.querySelector('.bubble').textContent)", direction);
    }

}
