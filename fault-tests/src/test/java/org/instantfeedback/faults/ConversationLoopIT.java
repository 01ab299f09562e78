package org.instantfeedback.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;
import org.instantfeedback.config.Topics;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.KafkaPrivacyScan;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.embedded.twilio.ReceivedMessage;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.SubjectSettings;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.replies.ReplySenderApp;
import org.instantfeedback.replies.config.ReplySenderConfig;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.conversations.ConversationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation loop end to end, every part real but Twilio: a passenger texts the operator
 * (Twilio's signed webhook into feedback-ingest, which seals their number), ops answer in the
 * console (feedback-streams), the reply sender texts the answer through the Twilio stand-in, whose
 * signed delivery report comes back through feedback-ingest; the passenger writes again, ops
 * answer and close, the follow-up question goes out and its answer is the service rating; the
 * handling measures agree with the conversation's own timestamps; "FORGET ME" erases the
 * passenger; and no form of their number is anywhere in Kafka.
 */
@WithKafkaAndRegistry
class ConversationLoopIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String NUMBER = PersonalData.PASSENGER;
    private static final String OPERATOR_NUMBER = "+447700900999";
    private static final String SUBJECT = "station-central";
    private static final String OPS = "Sam";
    private static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
    private static final String AUTH_TOKEN = "conversation-loop-auth-token-5e1f";
    private static final String FOLLOW_UP = ConversationSettings.defaults().followUpQuestion().orElseThrow();

    @TempDir
    Path dir;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    @AfterEach
    void stopServices() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    @Test
    void a_passenger_and_ops_talk_by_sms_the_measures_agree_and_forget_me_leaves_no_number_in_kafka(
            KafkaAndRegistry kafka) throws Exception {
        Clients clients = new Clients(kafka);
        clients.createConversationTopics();
        String kek = Services.contactKek();
        TwilioApiStandIn twilio = running(TwilioApiStandIn.start(ACCOUNT_SID, AUTH_TOKEN));
        IngestApp ingest = running(Services.startIngest(ingestEnv(kafka, kek)));
        URI ingestUri = URI.create("http://localhost:" + ingest.port());
        StreamsApp streams = running(Services.startStreams(Services.streamsEnv(kafka, kafka.schemaRegistryUrl(),
                "conversation-loop-" + UUID.randomUUID(), dir.resolve("streams"))));
        ReplySenderApp sender = running(ReplySenderApp.create(ReplySenderConfig.from(Services.replySenderEnv(kafka,
                kek, "reply-sender-loop", twilio, AUTH_TOKEN, ingestUri.resolve("/v1/sms/twilio/status"),
                Duration.ofSeconds(10)))));
        sender.start();
        waitFor("the reply sender is ready").until(sender::ready);
        OpsConsole ops = new OpsConsole(URI.create("http://localhost:" + streams.port()));
        Passenger passenger = new Passenger(ingestUri, AUTH_TOKEN, NUMBER, OPERATOR_NUMBER);

        String firstSid = texts(passenger, "The lift at platform 2 is broken again.");
        String conversationId = waitFor("the conversation is listed, open")
                .until(() -> openConversationOf(ops.conversations()), Optional::isPresent).orElseThrow();

        String firstAnswer = "Sorry about that: the lift is reported and an engineer is on the way.";
        String firstReplyId = ops.reply(conversationId, firstAnswer, OPS);
        ReceivedMessage sms = waitFor("the answer reaches Twilio")
                .until(twilio::messages, messages -> !messages.isEmpty()).get(0);
        assertThat(sms.to()).isEqualTo(NUMBER);
        assertThat(sms.from()).hasValue(OPERATOR_NUMBER);
        assertThat(sms.body()).isEqualTo(firstAnswer);
        waitFor("the console shows Twilio took the answer")
                .until(() -> deliveryOf(ops, conversationId, firstReplyId), "queued"::equals);
        assertThat(twilio.deliver(sms.sid(), "delivered", null)).as("ingest's answer to the status callback")
                .isEqualTo(204);
        waitFor("the console shows the answer delivered")
                .until(() -> deliveryOf(ops, conversationId, firstReplyId), "delivered"::equals);
        assertThat(twilio.messages()).as("SMS sent for one answer, once delivered").hasSize(1);

        texts(passenger, "Thanks. Will it work again by this evening?");
        waitFor("the conversation is open again").until(
                () -> ops.conversation(conversationId).orElseThrow().path("status").asText(), "open"::equals);
        String secondAnswer = "Yes, the engineer expects it to work again by 5 pm.";
        ops.reply(conversationId, secondAnswer, OPS);
        waitFor("the second answer reaches Twilio").until(() -> twilio.messages().size() >= 2);
        ops.close(conversationId, OPS);
        waitFor("the follow-up question reaches Twilio").until(() -> twilio.messages().size() >= 3);
        assertThat(twilio.messages()).extracting(ReceivedMessage::body)
                .containsExactly(firstAnswer, secondAnswer, FOLLOW_UP);
        assertThat(twilio.messages()).extracting(ReceivedMessage::to).containsOnly(NUMBER);

        texts(passenger, "4");
        JsonNode rated = waitFor("the answer to the question is the service rating").until(
                () -> ops.conversation(conversationId).orElseThrow(), c -> c.path("serviceRating").asInt() == 4);
        assertThat(rated.path("status").asText()).isEqualTo("closed");
        assertThat(rated.path("subject").asText()).isEqualTo(SUBJECT);
        assertTheMeasuresAgreeWith(ops, rated);

        ReplyAddress replyTo = replyAddressOf(clients, firstSid);
        try (ContactKeyring keyring = ContactKeyring.create(ContactSettings.from(Map.of(
                ContactSettings.CONTACT_KEK.name(), kek, "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl())))) {
            keyring.start();
            keyring.awaitReady(DEADLINE);
            assertThat(waitFor("the operator's key opens the sealed number")
                    .until(() -> keyring.open(replyTo), Optional::isPresent)).hasValue(NUMBER);

            texts(passenger, "FORGET ME");

            waitFor("the conversation is gone").until(() -> ops.conversation(conversationId).isEmpty());
            waitFor("the sealed number no longer opens").until(() -> keyring.open(replyTo).isEmpty());
        }
        assertThat(ops.conversations()).noneMatch(c -> c.path("conversationId").asText().equals(conversationId));

        stopServices();
        KafkaPrivacyScan.Report scan = KafkaPrivacyScan.assertNoPersonalDataOn(kafka);
        assertThat(scan.topics()).as("topics the privacy scan read records from")
                .contains(Topics.FEEDBACK_RECEIVED, Topics.CONVERSATIONS, Topics.CONVERSATION_ACTIONS,
                        Topics.REPLIES, Topics.REPLY_STATUS, Topics.CONTACT_KEYS, Topics.HANDLING)
                .anyMatch(topic -> topic.startsWith("conversation-loop-") && topic.endsWith("-changelog"))
                .anyMatch(topic -> topic.startsWith("conversation-loop-") && topic.endsWith("-repartition"));
    }

    /**
     * The figures of the handling API for the subject and for the ops user who did everything equal
     * those worked out here from the conversation's timestamps as the API shows them: first
     * response (opened to the first answer), response (each message to its answer, averaged),
     * handling (opened to closed), answers per conversation and the service CSAT of one rating of 4.
     */
    private static void assertTheMeasuresAgreeWith(OpsConsole ops, JsonNode conversation) {
        List<JsonNode> messages = new ArrayList<>();
        conversation.path("messages").forEach(messages::add);
        assertThat(messages).as("passenger's messages, answers, the question and its answer")
                .extracting(m -> m.path("direction").asText() + (m.path("followUp").asBoolean() ? "?" : ""))
                .containsExactly("in", "out", "in", "out", "out?", "in?");
        Instant openedAt = Instant.parse(conversation.path("openedAt").asText());
        Instant closedAt = Instant.parse(conversation.path("closedAt").asText());
        assertThat(at(messages.get(0))).isEqualTo(openedAt);
        double firstResponse = seconds(openedAt, at(messages.get(1)));
        double response = (seconds(at(messages.get(0)), at(messages.get(1)))
                + seconds(at(messages.get(2)), at(messages.get(3)))) / 2.0;
        double handling = seconds(openedAt, closedAt);

        for (String[] key : List.of(new String[] {"subject", SUBJECT}, new String[] {"user", OPS})) {
            waitFor("the handling figures of " + key[0] + " " + key[1]).untilAsserted(() -> {
                JsonNode current = ops.handling(key[0], key[1], Duration.ofHours(1));
                assertThat(figure(current, "firstResponseSecondsAverage")).isCloseTo(firstResponse, within(1.0));
                assertThat(figure(current, "responseSecondsAverage")).isCloseTo(response, within(1.0));
                assertThat(figure(current, "handlingSecondsAverage")).isCloseTo(handling, within(1.0));
                assertThat(figure(current, "repliesPerConversation")).isEqualTo(2.0);
                assertThat(figure(current, "serviceCsatPercent")).isEqualTo(100.0);
                assertThat(figure(current, "serviceRatingAverage")).isEqualTo(4.0);
            });
        }
    }

    /** A wait with a deadline that asks the console's API again while it does not answer yet. */
    private static ConditionFactory waitFor(String what) {
        return await(what).atMost(DEADLINE).ignoreException(OpsConsole.NotAnswered.class);
    }

    /** The SMS is taken once feedback-ingest answers 200; before it has read the contact keys it answers 503. */
    private static String texts(Passenger passenger, String body) {
        String sid = Passenger.messageSid();
        waitFor("feedback-ingest takes the SMS")
                .until(() -> passenger.texts(sid, body).statusCode(), status -> status == 200);
        return sid;
    }

    private static Optional<String> openConversationOf(List<JsonNode> conversations) {
        return conversations.stream()
                .filter(c -> c.path("subject").asText().equals(SUBJECT) && c.path("status").asText().equals("open"))
                .map(c -> c.path("conversationId").asText())
                .findFirst();
    }

    private static String deliveryOf(OpsConsole ops, String conversationId, String replyId) {
        JsonNode conversation = ops.conversation(conversationId).orElseThrow();
        for (JsonNode message : conversation.path("messages")) {
            if (message.path("messageId").asText().equals(replyId)) {
                return message.path("delivery").asText();
            }
        }
        return "not shown";
    }

    /** The sealed number of the passenger's first SMS, as feedback-ingest wrote it on feedback.received.v1. */
    private static ReplyAddress replyAddressOf(Clients clients, String messageSid) {
        List<ConsumerRecord<String, FeedbackReceived>> received = TopicContents.readAll(
                clients.avroReader(Topics.FEEDBACK_RECEIVED, FeedbackReceived.class));
        ReplyAddress address = received.stream().map(ConsumerRecord::value)
                .filter(event -> event.getEventId().equals("twilio:" + messageSid))
                .findFirst().orElseThrow().getReplyTo();
        assertThat(address).as("the passenger's number, sealed").isNotNull();
        return address;
    }

    private Map<String, String> ingestEnv(KafkaAndRegistry kafka, String kek) throws Exception {
        Path rules = Files.writeString(dir.resolve("sms-rules.txt"), "number " + OPERATOR_NUMBER + " -> " + SUBJECT
                + "\n");
        Map<String, String> env = Services.ingestEnv(kafka, kafka.schemaRegistryUrl());
        env.put(TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN);
        env.put(SubjectSettings.SMS_RULES_FILE.name(), rules.toString());
        env.put(ContactSettings.CONTACT_KEK.name(), kek);
        return env;
    }

    private <T extends AutoCloseable> T running(T service) {
        running.push(service);
        return service;
    }

    private static double figure(JsonNode figures, String name) {
        assertThat(figures.path(name).isNumber()).as(name + " in " + figures).isTrue();
        return figures.path(name).asDouble();
    }

    private static Instant at(JsonNode message) {
        return Instant.parse(message.path("at").asText());
    }

    /** Whole seconds, as the measures count them. */
    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
