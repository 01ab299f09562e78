package org.instantfeedback.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.ContactKeys;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * Keyrings as the edge and the reply sender run them, each in its own "process" (its own clients),
 * on a real broker and schema registry. Each test has a compacted topic of its own.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactKeyringIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String NUMBER = "+447700900123";
    private static final String OTHER_NUMBER = "+447700900456";
    private static final String OPERATOR = "+447700900999";
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");
    private static final String KEK = ContactCipherTest.randomBase64Key();

    private final List<ContactKeyring> keyrings = new ArrayList<>();
    private KafkaAndRegistry kafka;
    private String topic;

    @BeforeAll
    void remember(KafkaAndRegistry kafka) {
        this.kafka = kafka;
    }

    @BeforeEach
    void createTopic(TestInfo test) {
        topic = "contact-keys." + test.getTestMethod().orElseThrow().getName().replace('_', '-');
        kafka.createTopics(Map.of(topic, 3), Set.of(topic));
    }

    @AfterEach
    void closeKeyrings() {
        keyrings.forEach(ContactKeyring::close);
        keyrings.clear();
    }

    @Test
    void a_number_sealed_by_one_process_opens_in_another() {
        ContactKeyring edge = started();
        ContactKeyring sender = started();

        ReplyAddress first = edge.seal("contact-1", OPERATOR, NUMBER, NOW);
        ReplyAddress second = edge.seal("contact-1", OPERATOR, NUMBER, NOW.plusSeconds(60));

        assertThat(second.getKeyId()).as("the contact's key, made once").isEqualTo(first.getKeyId());
        assertThat(edge.open(first)).hasValue(NUMBER);
        await("the reply sender opens the address").atMost(DEADLINE)
                .until(() -> sender.open(first), Optional.of(NUMBER)::equals);
        assertThat(sender.open(second)).hasValue(NUMBER);
    }

    @Test
    void a_forgotten_contact_opens_in_no_process() {
        ContactKeyring edge = started();
        ContactKeyring sender = started();
        ReplyAddress address = edge.seal("contact-1", OPERATOR, NUMBER, NOW);
        ReplyAddress kept = edge.seal("contact-2", OPERATOR, OTHER_NUMBER, NOW);
        await("the reply sender knows both contacts").atMost(DEADLINE)
                .until(() -> sender.open(address).isPresent() && sender.open(kept).isPresent());

        edge.forget("contact-1");

        assertThat(edge.open(address)).as("forgotten at once where it was forgotten").isEmpty();
        await("the reply sender forgets too").atMost(DEADLINE).until(() -> sender.open(address).isEmpty());
        assertThat(started().open(address)).as("a process started after the erasure").isEmpty();
        assertThat(sender.open(kept)).as("another contact").hasValue(OTHER_NUMBER);
    }

    @Test
    void a_restarted_keyring_opens_addresses_sealed_before() {
        ContactKeyring edge = started();
        ReplyAddress address = edge.seal("contact-1", OPERATOR, NUMBER, NOW);
        edge.close();

        ContactKeyring restarted = started();

        assertThat(restarted.open(address)).hasValue(NUMBER);
        assertThat(restarted.seal("contact-1", OPERATOR, NUMBER, NOW).getKeyId()).isEqualTo(address.getKeyId());
    }

    /**
     * Another process made the contact's first key in the same moment, before it could read the
     * edge's: its record, written last, lacks the edge's key. The edge notices and writes both.
     */
    @Test
    void a_first_key_hidden_by_another_process_is_written_back_beside_the_other() throws Exception {
        ContactKeyring edge = started();
        ContactKeyring observer = started();
        ReplyAddress sealedByEdge = edge.seal("contact-1", OPERATOR, NUMBER, NOW);
        ContactCipher otherProcess = new ContactCipher(KeyEncryptionKey.fromBase64("kek-1", KEK), List.of(),
                new SecureRandom());
        DataKey otherKey = otherProcess.newDataKey();
        ReplyAddress sealedByOther = otherProcess.seal("contact-1", OPERATOR, otherKey, OTHER_NUMBER);

        write(ContactKeys.newBuilder().setContactId("contact-1")
                .setKeys(List.of(otherProcess.wrap("contact-1", otherKey, NOW))).setLastSeenAt(NOW).build());

        await("both processes' addresses open").atMost(DEADLINE)
                .until(() -> observer.open(sealedByEdge).isPresent() && observer.open(sealedByOther).isPresent());
        ContactKeyring late = started();
        assertThat(late.open(sealedByEdge)).hasValue(NUMBER);
        assertThat(late.open(sealedByOther)).hasValue(OTHER_NUMBER);
        assertThat(edge.open(sealedByOther)).hasValue(OTHER_NUMBER);
    }

    @Test
    void expire_erases_the_contacts_not_seen_within_the_retention() {
        ContactKeyring edge = started();
        ContactKeyring sender = started();
        ReplyAddress silent = edge.seal("silent", OPERATOR, NUMBER, NOW.minus(Duration.ofDays(500)));
        ReplyAddress recent = edge.seal("recent", OPERATOR, OTHER_NUMBER, NOW.minus(Duration.ofDays(10)));
        ReplyAddress back = edge.seal("back", OPERATOR, OTHER_NUMBER, NOW.minus(Duration.ofDays(500)));
        edge.seal("back", OPERATOR, OTHER_NUMBER, NOW.minus(Duration.ofDays(2)));
        await("the reply sender knows every contact").atMost(DEADLINE).until(() -> sender.open(silent).isPresent()
                && sender.open(recent).isPresent() && sender.open(back).isPresent());

        int erased = edge.expire(NOW);

        assertThat(erased).isEqualTo(1);
        assertThat(edge.open(silent)).isEmpty();
        await("the reply sender forgets the silent contact").atMost(DEADLINE)
                .until(() -> sender.open(silent).isEmpty());
        assertThat(sender.open(recent)).hasValue(OTHER_NUMBER);
        assertThat(sender.open(back)).as("a contact that wrote again").hasValue(OTHER_NUMBER);
        assertThat(edge.expire(NOW)).as("nothing left to erase").isZero();
    }

    @Test
    void no_number_is_on_the_topic_or_in_an_address_in_clear() throws IOException {
        ContactKeyring edge = started();
        List<ReplyAddress> addresses = List.of(
                edge.seal("contact-1", OPERATOR, NUMBER, NOW.minus(Duration.ofDays(3))),
                edge.seal("contact-1", OPERATOR, NUMBER, NOW),
                edge.seal("contact-2", OPERATOR, OTHER_NUMBER, NOW));
        edge.forget("contact-2");
        List<byte[]> clear = List.of(bytes(NUMBER), bytes(NUMBER.substring(1)), bytes(OTHER_NUMBER),
                bytes(OTHER_NUMBER.substring(1)));

        List<ConsumerRecord<byte[], byte[]>> records = everyRecord();

        assertThat(records).as("contact 1 made, contact 1 seen, contact 2 made and erased").hasSize(4);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            for (byte[] number : clear) {
                assertThat(contains(record.key(), number)).as("a key holds a number").isFalse();
                assertThat(record.value() != null && contains(record.value(), number)).as("a value holds a number")
                        .isFalse();
            }
        }
        for (ReplyAddress address : addresses) {
            byte[] serialized = toArray(address.toByteBuffer());
            for (byte[] number : clear) {
                assertThat(contains(serialized, number)).as("an address holds its number").isFalse();
            }
        }
    }

    private ContactKeyring started() {
        ContactSettings settings = ContactSettings.from(Map.of(
                "CONTACT_KEK", KEK,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl()));
        ContactKeyring keyring = ContactKeyring.create(settings, topic);
        keyrings.add(keyring);
        keyring.start();
        keyring.awaitReady(DEADLINE);
        return keyring;
    }

    private void write(ContactKeys keys) throws Exception {
        SpecificAvroSerializer<ContactKeys> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistrySettings.URL, kafka.schemaRegistryUrl()), false);
        try (KafkaProducer<String, ContactKeys> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, keys.getContactId(), keys))
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> everyRecord() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await("every record of " + topic).atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
            return records;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] array = new byte[buffer.remaining()];
        buffer.duplicate().get(array);
        return array;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            int matched = 0;
            while (matched < needle.length && haystack[start + matched] == needle[matched]) {
                matched++;
            }
            if (matched == needle.length) {
                return true;
            }
        }
        return false;
    }
}
