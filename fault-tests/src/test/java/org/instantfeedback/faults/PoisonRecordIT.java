package org.instantfeedback.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.streams.StreamsApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 4: records nobody can read on each input of feedback-streams. feedback.received.v1 is Avro
 * (Confluent wire format), feedback.alert-rules.v1 and feedback.alert-actions.v1 are JSON; each
 * gets the four kinds of {@link PoisonRecords}. Every one must land on feedback.deadletter.v1 with
 * its source topic and a reason in the headers, and a good record sent after them must still be
 * processed.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    static Path stateDir;

    private Clients clients;
    private StreamsApp streams;

    @BeforeAll
    void startStreams(KafkaAndRegistry kafka) {
        clients = new Clients(kafka);
        clients.createTopics();
        streams = Services.startStreams(Services.streamsEnv(kafka, kafka.schemaRegistryUrl(),
                "fault-poison-" + UUID.randomUUID(), stateDir));
    }

    @AfterAll
    void stopStreams() {
        if (streams != null) {
            streams.close();
        }
    }

    @Test
    void poison_on_the_feedback_topic_is_dead_lettered_and_the_next_rating_is_counted() throws Exception {
        Map<String, String> keys = sendPoison(Topics.FEEDBACK_RECEIVED, kind -> "poison-" + kind + "-" + UUID.randomUUID());
        String subject = "poison-route-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaProducer<String, FeedbackReceived> producer = clients.feedbackProducer()) {
            producer.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, subject, FeedbackReceived.newBuilder()
                    .setEventId(UUID.randomUUID().toString()).setChannel(Channel.WEB).setSubject(subject)
                    .setRating(Rating.newBuilder().setValue(5).setScale(RatingScale.STARS_5).build())
                    .setOccurredAt(now).setReceivedAt(now).build())).get();
        }

        await("the rating sent after the poison counted on " + Topics.CSAT).atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicContents.readAll(clients.avroReader(Topics.CSAT, CsatWindow.class)).stream()
                        .anyMatch(record -> subject.equals(record.key())));
        assertDeadLettered(Topics.FEEDBACK_RECEIVED, keys);
    }

    @Test
    void poison_on_the_rules_topic_is_dead_lettered_and_the_next_rule_is_accepted() throws Exception {
        Map<String, String> keys = sendPoison(Topics.ALERT_RULES, kind -> "subject:poison-" + kind);
        String ruleKey = "subject:poison-route-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = clients.stringProducer()) {
            producer.send(new ProducerRecord<>(Topics.ALERT_RULES, ruleKey, "{\"negative-surge\": {\"enabled\": false}}"))
                    .get();
        }

        await("the rule sent after the poison on " + Topics.ALERT_RULES_ACCEPTED).atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicContents.readAll(clients.reader(Topics.ALERT_RULES_ACCEPTED, new StringDeserializer(),
                        new StringDeserializer())).stream().anyMatch(record -> ruleKey.equals(record.key())));
        assertDeadLettered(Topics.ALERT_RULES, keys);
    }

    @Test
    void poison_on_the_actions_topic_is_dead_lettered_and_the_next_acknowledgement_is_applied() throws Exception {
        String subject = "poison-route-" + UUID.randomUUID();
        FeedbackAlert opened = openUrgentAlert(subject);
        String actionKey = "subject:" + subject + ":urgent-report";
        Map<String, String> keys = sendPoison(Topics.ALERT_ACTIONS, kind -> "subject:poison-" + kind + ":urgent-report");
        try (KafkaProducer<String, String> producer = clients.stringProducer()) {
            producer.send(new ProducerRecord<>(Topics.ALERT_ACTIONS, actionKey, "{\"alertId\": \"" + opened.getAlertId()
                    + "\", \"action\": \"ACKNOWLEDGE\", \"actor\": \"ops-on-duty\", \"at\": \"" + Instant.now() + "\"}"))
                    .get();
        }

        await("the acknowledgement sent after the poison on " + Topics.ALERTS).atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> alertEvents(subject).stream()
                        .anyMatch(alert -> alert.getType() == FeedbackAlertEventType.ACKNOWLEDGED));
        assertDeadLettered(Topics.ALERT_ACTIONS, keys);
    }

    private FeedbackAlert openUrgentAlert(String subject) throws Exception {
        Instant now = Instant.now();
        try (KafkaProducer<String, FeedbackReceived> producer = clients.feedbackProducer()) {
            producer.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, subject, FeedbackReceived.newBuilder()
                    .setEventId(UUID.randomUUID().toString()).setChannel(Channel.SMS).setSubject(subject)
                    .setText("driver was drunk and crashed into a car").setOccurredAt(now).setReceivedAt(now).build()))
                    .get();
        }
        List<FeedbackAlert> opened = new ArrayList<>();
        await("an urgent-report alert about " + subject).atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    opened.clear();
                    alertEvents(subject).stream().filter(alert -> alert.getType() == FeedbackAlertEventType.OPENED)
                            .forEach(opened::add);
                    return !opened.isEmpty();
                });
        return opened.get(0);
    }

    private List<FeedbackAlert> alertEvents(String subject) {
        return TopicContents.readAll(clients.avroReader(Topics.ALERTS, FeedbackAlert.class)).stream()
                .map(ConsumerRecord::value)
                .filter(alert -> alert.getSubject().equals(subject))
                .toList();
    }

    /** Sends the four kinds of poison to {@code topic}; returns kind to the key it was sent with. */
    private Map<String, String> sendPoison(String topic, Function<String, String> keyOf)
            throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = clients.rawProducer()) {
            for (Map.Entry<String, byte[]> poison : PoisonRecords.all(clients).entrySet()) {
                String key = keyOf.apply(poison.getKey());
                keys.put(poison.getKey(), key);
                producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), poison.getValue())).get();
            }
        }
        return keys;
    }

    /**
     * Asserts every poison record reached the dead-letter topic with its reason, and records the
     * counts: the poison plus the one good record sent, of which the good one was processed (the
     * callers checked that before).
     */
    private void assertDeadLettered(String topic, Map<String, String> keysByKind) {
        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = new LinkedHashMap<>();
        await("the poison sent to " + topic + " on " + Topics.DEAD_LETTER).atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    for (ConsumerRecord<byte[], byte[]> record : TopicContents.readAll(clients.rawReader(Topics.DEAD_LETTER))) {
                        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                        if (keysByKind.containsValue(key) && topic.equals(header(record, DeadLetterHeaders.TOPIC))) {
                            deadLetters.put(key, record);
                        }
                    }
                    return deadLetters.size() == keysByKind.size();
                });
        Map<String, Object> reasons = new LinkedHashMap<>();
        keysByKind.forEach((kind, key) -> {
            ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(key);
            assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).as(kind + " on " + topic + ": exception").isNotBlank();
            assertThat(header(deadLetter, DeadLetterHeaders.MESSAGE)).as(kind + " on " + topic + ": reason").isNotBlank();
            assertThat(header(deadLetter, DeadLetterHeaders.OFFSET)).as(kind + " on " + topic + ": offset").isNotBlank();
            reasons.put(kind, header(deadLetter, DeadLetterHeaders.EXCEPTION) + ": "
                    + header(deadLetter, DeadLetterHeaders.MESSAGE));
        });
        long poison = keysByKind.size();
        new ReliabilityResult("poison-records " + topic, poison + 1, 1, poison, 0, 0, reasons).record();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
