package org.instantfeedback.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.contacts.ContactKeyException;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.twilio.ReceivedMessage;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.ReplyKind;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.instantfeedback.replies.config.ReplySenderConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The reply sender as it runs, on a real broker and schema registry, against the Twilio stand-in:
 * replies sealed as feedback-ingest seals them reach Twilio once, through stalls and crashes, every
 * status lands on the status topic without the passenger's number, and records that are no reply
 * it can send land on the dead-letter topic without holding up the replies behind them.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplySenderIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String NUMBER = "+447700900123";
    private static final String OPTED_OUT_NUMBER = "+447700900456";
    private static final String OPERATOR = "+447700900999";
    private static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
    private static final String AUTH_TOKEN = "an-auth-token-of-the-account";
    private static final String CALLBACK = "https://feedback.example.com/v1/sms/twilio/status";
    private static final String KEK = randomKey();

    private final List<ReplySenderApp> apps = new ArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> statusRecords = new ArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    private KafkaAndRegistry kafka;
    private ContactKeyring edge;
    private KafkaProducer<String, ReplyRequested> replies;
    private KafkaProducer<String, ReplyStatus> statuses;
    private KafkaConsumer<byte[], byte[]> statusReader;
    private KafkaProducer<byte[], byte[]> rawReplies;
    private KafkaConsumer<byte[], byte[]> deadLetterReader;
    private SpecificAvroDeserializer<ReplyStatus> statusDeserializer;
    private TwilioApiStandIn twilio;
    private String group;
    private RecordMetadata lastWritten;

    @BeforeAll
    void startClients(KafkaAndRegistry kafka) {
        this.kafka = kafka;
        kafka.createTopics(Map.of(Topics.REPLIES, 3, Topics.REPLY_STATUS, 3, Topics.CONTACT_KEYS, 3,
                Topics.DEAD_LETTER, 1), Set.of(Topics.CONTACT_KEYS));
        edge = ContactKeyring.create(ContactSettings.from(kafkaEnv()));
        edge.start();
        edge.awaitReady(DEADLINE);
        Map<String, Object> registry = Map.of(SchemaRegistrySettings.URL, kafka.schemaRegistryUrl());
        SpecificAvroSerializer<ReplyRequested> replySerializer = new SpecificAvroSerializer<>();
        replySerializer.configure(registry, false);
        replies = new KafkaProducer<>(producerProperties(), new StringSerializer(), replySerializer);
        SpecificAvroSerializer<ReplyStatus> statusSerializer = new SpecificAvroSerializer<>();
        statusSerializer.configure(registry, false);
        statuses = new KafkaProducer<>(producerProperties(), new StringSerializer(), statusSerializer);
        statusDeserializer = new SpecificAvroDeserializer<>(ReplyStatus.class);
        statusDeserializer.configure(registry, false);
        statusReader = committedReaderFromTheStart(Topics.REPLY_STATUS);
        rawReplies = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        deadLetterReader = committedReaderFromTheStart(Topics.DEAD_LETTER);
    }

    private KafkaConsumer<byte[], byte[]> committedReaderFromTheStart(String topic) {
        KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : reader.partitionsFor(topic)) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        return reader;
    }

    @AfterAll
    void closeClients() {
        edge.close();
        replies.close(Duration.ofSeconds(10));
        statuses.close(Duration.ofSeconds(10));
        statusReader.close();
        rawReplies.close(Duration.ofSeconds(10));
        deadLetterReader.close();
    }

    @BeforeEach
    void startTwilio(TestInfo test) {
        twilio = TwilioApiStandIn.start(ACCOUNT_SID, AUTH_TOKEN);
        group = "reply-sender-" + test.getTestMethod().orElseThrow().getName().replace('_', '-');
    }

    @AfterEach
    void stopEverything() {
        apps.forEach(ReplySenderApp::close);
        apps.clear();
        twilio.close();
    }

    @Test
    void a_reply_reaches_twilio_once_and_is_reported_sending_then_queued_without_the_number() throws Exception {
        ReplyAddress address = edge.seal("contact-sends", OPERATOR, NUMBER, Instant.now());
        ReplySenderApp app = startSender(Duration.ofSeconds(5));

        ReplyRequested reply = send(address, "Thanks for telling us: the lift at platform 2 works again.");

        ReplyStatus queued = awaitStatus(reply, DeliveryStatus.QUEUED);
        assertThat(twilio.messages()).hasSize(1);
        ReceivedMessage message = twilio.messages().get(0);
        assertThat(message.to()).isEqualTo(NUMBER);
        assertThat(message.from()).contains(OPERATOR);
        assertThat(message.body()).isEqualTo(reply.getText());
        assertThat(message.statusCallback()).hasValueSatisfying(url -> assertThat(url.toString())
                .startsWith(CALLBACK + "?reply=" + reply.getReplyId() + "&conversation="));
        assertThat(queued.getProviderMessageId()).isEqualTo(message.sid()).startsWith("SM");
        assertThat(statusesOf(reply)).extracting(ReplyStatus::getStatus)
                .containsExactly(DeliveryStatus.SENDING, DeliveryStatus.QUEUED);
        byte[] digits = NUMBER.substring(1).getBytes(StandardCharsets.UTF_8);
        assertThat(statusRecords).isNotEmpty().noneMatch(record -> contains(record.value(), digits)
                || (record.key() != null && contains(record.key(), digits)));
        await("the sender counts the reply").atMost(DEADLINE).untilAsserted(() -> assertThat(metrics(app))
                .contains("replies_sent_total{application=\"reply-sender\",outcome=\"queued\"} 1.0")
                .contains("replies_provider_call_seconds_count{application=\"reply-sender\",provider=\"twilio\",result=\"accepted\"} 1"));
    }

    @Test
    void a_stalled_call_is_reported_unknown_and_never_made_again_even_by_a_new_sender() throws Exception {
        ReplyAddress address = edge.seal("contact-stalled", OPERATOR, NUMBER, Instant.now());
        ReplySenderApp first = startSender(Duration.ofSeconds(3));
        twilio.stallNext(1, Duration.ofSeconds(6));

        ReplyRequested stalled = send(address, "A reply whose answer comes too late.");

        await("the call reaches Twilio").atMost(DEADLINE).until(() -> !twilio.messages().isEmpty());
        // While the call waits for its answer, SENDING and the offset past the reply are committed.
        await("SENDING committed before the answer").atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(statusesOf(stalled)).extracting(ReplyStatus::getStatus)
                    .containsExactly(DeliveryStatus.SENDING);
            assertThat(committedOffset()).isEqualTo(lastWritten.offset() + 1);
        });
        ReplyStatus unknown = awaitStatus(stalled, DeliveryStatus.OUTCOME_UNKNOWN);
        assertThat(unknown.getErrorMessage()).isNotBlank();
        first.close();
        startSender(Duration.ofSeconds(1));
        ReplyRequested next = send(address, "A reply after the restart.");
        awaitStatus(next, DeliveryStatus.QUEUED);

        assertThat(bodiesAtTwilio()).containsExactly(stalled.getText(), next.getText());
        assertThat(statusesOf(stalled)).extracting(ReplyStatus::getStatus)
                .containsExactly(DeliveryStatus.SENDING, DeliveryStatus.OUTCOME_UNKNOWN);
    }

    @Test
    void a_reply_left_sending_by_a_crashed_sender_is_reported_unknown_and_not_sent() throws Exception {
        ReplyAddress address = edge.seal("contact-crashed", OPERATOR, NUMBER, Instant.now());
        // What a sender leaves when it dies during the call: SENDING written, the offset committed.
        ReplyRequested old = crashedWhileSending(address, "Sent by a sender that died a while ago.",
                Instant.now().minus(Duration.ofMinutes(5)));
        ReplyRequested recent = crashedWhileSending(address, "Sent by a sender that died just now.",
                Instant.now().minus(Duration.ofSeconds(20)));

        startSender(Duration.ofSeconds(1));

        assertThat(awaitStatus(old, DeliveryStatus.OUTCOME_UNKNOWN).getErrorCode()).isEqualTo("sender-lost");
        // Too young for the first sweep (timeout + 30 s), taken by the one due when it turns stale.
        assertThat(awaitStatus(recent, DeliveryStatus.OUTCOME_UNKNOWN).getErrorCode()).isEqualTo("sender-lost");
        ReplyRequested next = send(address, "A reply after the crash.");
        awaitStatus(next, DeliveryStatus.QUEUED);
        assertThat(bodiesAtTwilio()).containsExactly(next.getText());
    }

    @Test
    void a_rate_limited_reply_is_retried_until_twilio_takes_it() throws Exception {
        ReplyAddress address = edge.seal("contact-rate-limited", OPERATOR, NUMBER, Instant.now());
        startSender(Duration.ofSeconds(5));
        twilio.failNext(2, 429);

        ReplyRequested reply = send(address, "A reply sent while Twilio limits the rate.");

        awaitStatus(reply, DeliveryStatus.QUEUED);
        assertThat(bodiesAtTwilio()).containsExactly(reply.getText());
        assertThat(twilio.refusals()).hasSize(2);
        // A fresh SENDING before each retry keeps the sweep off a reply that is still being retried.
        assertThat(statusesOf(reply)).extracting(ReplyStatus::getStatus).containsExactly(DeliveryStatus.SENDING,
                DeliveryStatus.SENDING, DeliveryStatus.SENDING, DeliveryStatus.QUEUED);
    }

    @Test
    void a_reply_twilio_never_takes_within_the_retry_limit_fails_as_given_up() throws Exception {
        ReplyAddress address = edge.seal("contact-given-up", OPERATOR, NUMBER, Instant.now());
        startSender(Duration.ofSeconds(5), Map.of("REPLY_RETRY_LIMIT", "PT2S"));
        twilio.failNext(10, 429);

        ReplyRequested reply = send(address, "A reply Twilio keeps turning away.");

        ReplyStatus failed = awaitStatus(reply, DeliveryStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("gave-up");
        assertThat(twilio.messages()).isEmpty();
    }

    @Test
    void a_passenger_who_opted_out_is_reported_opted_out() throws Exception {
        ReplyAddress address = edge.seal("contact-stop", OPERATOR, OPTED_OUT_NUMBER, Instant.now());
        twilio.optOut(OPTED_OUT_NUMBER);
        startSender(Duration.ofSeconds(5));

        ReplyRequested reply = send(address, "A reply to someone who texted STOP.");

        ReplyStatus optedOut = awaitStatus(reply, DeliveryStatus.OPTED_OUT);
        assertThat(optedOut.getErrorCode()).isEqualTo("21610");
        assertThat(twilio.messages()).isEmpty();
    }

    @Test
    void a_reply_to_an_erased_contact_fails_without_a_request() throws Exception {
        ReplyAddress address = edge.seal("contact-erased", OPERATOR, NUMBER, Instant.now());
        edge.forget("contact-erased");
        startSender(Duration.ofSeconds(5));

        ReplyRequested reply = send(address, "A reply to a passenger who asked to be forgotten.");

        ReplyStatus failed = awaitStatus(reply, DeliveryStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("contact-erased");
        assertThat(twilio.messages()).isEmpty();
        assertThat(twilio.refusals()).isEmpty();
    }

    @Test
    void records_that_are_no_reply_are_dead_lettered_with_their_reason_and_the_next_reply_goes_out_once()
            throws Exception {
        ReplyAddress address = edge.seal("contact-garbage", OPERATOR, NUMBER, Instant.now());
        ReplySenderApp app = startSender(Duration.ofSeconds(5));
        byte[] garbage = "not a reply at all".getBytes(StandardCharsets.UTF_8);

        // On the contact's own partition, ahead of its next reply, as a reply would be.
        RecordMetadata unreadable = writeRaw(address.getContactId(), garbage);
        RecordMetadata empty = writeRaw(address.getContactId(), null);
        ReplyRequested next = send(address, "A reply behind two records that are none.");

        ConsumerRecord<byte[], byte[]> garbageLetter = awaitDeadLetter(unreadable);
        assertThat(garbageLetter.value()).isEqualTo(garbage);
        assertThat(garbageLetter.key()).isEqualTo(address.getContactId().getBytes(StandardCharsets.UTF_8));
        assertThat(header(garbageLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo(SerializationException.class.getName());
        assertThat(header(garbageLetter, DeadLetterHeaders.MESSAGE)).contains("magic byte");
        ConsumerRecord<byte[], byte[]> emptyLetter = awaitDeadLetter(empty);
        assertThat(emptyLetter.value()).isNull();
        assertThat(header(emptyLetter, DeadLetterHeaders.MESSAGE)).contains("no value");
        awaitStatus(next, DeliveryStatus.QUEUED);
        assertThat(bodiesAtTwilio()).containsExactly(next.getText());
        assertThat(statusesOf(next)).extracting(ReplyStatus::getStatus)
                .containsExactly(DeliveryStatus.SENDING, DeliveryStatus.QUEUED);
        await("the sender counts the dead letters").atMost(DEADLINE).untilAsserted(() -> assertThat(metrics(app))
                .contains("replies_sent_total{application=\"reply-sender\",outcome=\"dead_lettered\"} 2.0"));
    }

    @Test
    void a_reply_whose_address_does_not_open_is_dead_lettered_and_reported_failed_without_a_call() throws Exception {
        ReplyAddress address = edge.seal("contact-tampered", OPERATOR, NUMBER, Instant.now());
        startSender(Duration.ofSeconds(5));

        ReplyRequested tampered = send(tampered(address), "A reply whose sealed number was altered.");
        RecordMetadata tamperedAt = lastWritten;
        ReplyRequested next = send(address, "A reply to the same passenger, sealed as it should be.");

        ReplyStatus failed = awaitStatus(tampered, DeliveryStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("address-unreadable");
        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(tamperedAt);
        assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo(ContactKeyException.class.getName());
        awaitStatus(next, DeliveryStatus.QUEUED);
        // FAILED came in the dead letter's transaction: the sender never marked it SENDING, nor called.
        assertThat(statusesOf(tampered)).extracting(ReplyStatus::getStatus).containsExactly(DeliveryStatus.FAILED);
        assertThat(bodiesAtTwilio()).containsExactly(next.getText());
    }

    private ReplySenderApp startSender(Duration providerTimeout) {
        return startSender(providerTimeout, Map.of());
    }

    private ReplySenderApp startSender(Duration providerTimeout, Map<String, String> more) {
        Map<String, String> env = kafkaEnv();
        env.put("REPLY_SENDER_HTTP_PORT", "0");
        env.put("REPLY_SENDER_GROUP_ID", group);
        env.put("REPLY_SENDER_TRANSACTIONAL_ID", group);
        env.put("REPLY_PROVIDER", "twilio");
        env.put("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        env.put("REPLY_TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("REPLY_TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("REPLY_TWILIO_TIMEOUT", providerTimeout.toString());
        env.put("REPLY_STATUS_CALLBACK_URL", CALLBACK);
        env.putAll(more);
        ReplySenderApp app = ReplySenderApp.create(ReplySenderConfig.from(env));
        apps.add(app);
        app.start();
        await("the sender is ready").atMost(DEADLINE).until(app::ready);
        return app;
    }

    private ReplyRequested send(ReplyAddress address, String text) throws Exception {
        ReplyRequested reply = reply(address, text);
        lastWritten = replies.send(new ProducerRecord<>(Topics.REPLIES, address.getContactId(), reply))
                .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        return reply;
    }

    private RecordMetadata writeRaw(String key, byte[] value) throws Exception {
        return rawReplies.send(new ProducerRecord<>(Topics.REPLIES, key.getBytes(StandardCharsets.UTF_8), value))
                .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The address with the last byte of its sealed number flipped, so that it no longer opens. */
    private static ReplyAddress tampered(ReplyAddress address) {
        ByteBuffer sealed = address.getCiphertext().duplicate();
        byte[] bytes = new byte[sealed.remaining()];
        sealed.get(bytes);
        bytes[bytes.length - 1] ^= 1;
        return ReplyAddress.newBuilder(address).setCiphertext(ByteBuffer.wrap(bytes)).build();
    }

    /** The dead letter of the record written at {@code written}, once it is committed. */
    private ConsumerRecord<byte[], byte[]> awaitDeadLetter(RecordMetadata written) {
        return await("the dead letter of " + written).atMost(DEADLINE).until(() -> {
            for (ConsumerRecord<byte[], byte[]> record : deadLetterReader.poll(Duration.ofMillis(200))) {
                deadLetters.add(record);
            }
            return deadLetters.stream().filter(record -> Topics.REPLIES.equals(header(record, DeadLetterHeaders.TOPIC))
                    && Integer.toString(written.partition()).equals(header(record, DeadLetterHeaders.PARTITION))
                    && Long.toString(written.offset()).equals(header(record, DeadLetterHeaders.OFFSET))).findFirst();
        }, java.util.Optional::isPresent).orElseThrow();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The group's committed offset on the partition of the last reply written. */
    private long committedOffset() throws Exception {
        TopicPartition partition = new TopicPartition(lastWritten.topic(), lastWritten.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private ReplyRequested crashedWhileSending(ReplyAddress address, String text, Instant sendingAt)
            throws Exception {
        ReplyRequested reply = reply(address, text);
        RecordMetadata written = replies.send(new ProducerRecord<>(Topics.REPLIES, address.getContactId(), reply))
                .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        ReplyStatus sending = ReplyStatus.newBuilder().setReplyId(reply.getReplyId())
                .setConversationId(reply.getConversationId()).setContactId(address.getContactId())
                .setStatus(DeliveryStatus.SENDING).setAt(sendingAt).build();
        statuses.send(new ProducerRecord<>(Topics.REPLY_STATUS, address.getContactId(), sending))
                .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(written.topic(), written.partition()),
                    new OffsetAndMetadata(written.offset() + 1))).all().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
        return reply;
    }

    private static ReplyRequested reply(ReplyAddress address, String text) {
        return ReplyRequested.newBuilder()
                .setReplyId(UUID.randomUUID().toString())
                .setConversationId(UUID.randomUUID().toString())
                .setTo(address)
                .setText(text)
                .setKind(ReplyKind.REPLY)
                .setBy("ops@example.com")
                .setRequestedAt(Instant.now())
                .build();
    }

    private ReplyStatus awaitStatus(ReplyRequested reply, DeliveryStatus wanted) {
        return await(reply.getReplyId() + " " + wanted).atMost(DEADLINE).until(
                () -> statusesOf(reply).stream().filter(status -> status.getStatus() == wanted).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    /** Every status of the reply read so far, in the order written (one partition per contact). */
    private List<ReplyStatus> statusesOf(ReplyRequested reply) {
        for (ConsumerRecord<byte[], byte[]> record : statusReader.poll(Duration.ofMillis(200))) {
            statusRecords.add(record);
        }
        List<ReplyStatus> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : statusRecords) {
            ReplyStatus status = statusDeserializer.deserialize(record.topic(), record.headers(), record.value());
            if (status.getReplyId().equals(reply.getReplyId())) {
                found.add(status);
            }
        }
        return found;
    }

    private String metrics(ReplySenderApp app) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private List<String> bodiesAtTwilio() {
        return twilio.messages().stream().map(ReceivedMessage::body).toList();
    }

    private Map<String, String> kafkaEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("CONTACT_KEK", KEK);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        return env;
    }

    private Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
