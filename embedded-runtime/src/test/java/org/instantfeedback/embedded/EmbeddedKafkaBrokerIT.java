package org.instantfeedback.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerIT {

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void closeBroker() {
        kafka.close();
    }

    @Test
    void delivers_a_produced_record_to_a_consumer() throws Exception {
        String topic = TestClients.uniqueTopic();
        kafka.createTopics(Map.of(topic, 1));

        produce(topic, "route-42", "five stars");

        assertThat(consumeValues(topic, 1)).containsExactly("five stars");
    }

    @Test
    void creates_topics_with_the_requested_partitions_and_tolerates_existing_ones() throws Exception {
        String orders = TestClients.uniqueTopic();
        String alerts = TestClients.uniqueTopic();
        kafka.createTopics(Map.of(orders, 3, alerts, 1));
        kafka.createTopics(Map.of(orders, 3));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(orders, alerts))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get(orders).partitions()).hasSize(3);
            assertThat(topics.get(alerts).partitions()).hasSize(1);
        }
    }

    @Test
    void serves_the_same_address_and_keeps_the_data_after_a_restart() throws Exception {
        String topic = TestClients.uniqueTopic();
        kafka.createTopics(Map.of(topic, 1));
        produce(topic, "branch-7", "before the outage");
        String addressBefore = kafka.bootstrapServers();

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(TestClients.acceptsConnections(addressBefore)).isFalse();
        kafka.restart();

        assertThat(kafka.bootstrapServers()).isEqualTo(addressBefore);
        produce(topic, "branch-7", "after the outage");
        assertThat(consumeValues(topic, 2)).containsExactly("before the outage", "after the outage");
    }

    @Test
    void listens_on_a_fixed_port_when_asked_to() throws Exception {
        int port = FreePort.find();
        try (EmbeddedKafkaBroker fixed = EmbeddedKafkaBroker.start(port)) {
            assertThat(fixed.bootstrapServers()).isEqualTo("localhost:" + port);
            fixed.stop();
            fixed.restart();
            String topic = TestClients.uniqueTopic();
            fixed.createTopics(Map.of(topic, 1));
            TestClients.produce(fixed.bootstrapServers(), topic, "route-1", "fixed port works");
            assertThat(TestClients.consumeValues(fixed.bootstrapServers(), topic, 1)).containsExactly("fixed port works");
        }
    }

    @Test
    void refuses_to_work_once_closed() {
        EmbeddedKafkaBroker closed = EmbeddedKafkaBroker.start();
        closed.close();

        assertThatThrownBy(closed::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(TestClients.acceptsConnections(closed.bootstrapServers())).isFalse();
    }

    private static void produce(String topic, String key, String value) throws Exception {
        TestClients.produce(kafka.bootstrapServers(), topic, key, value);
    }

    private static List<String> consumeValues(String topic, int expected) {
        return TestClients.consumeValues(kafka.bootstrapServers(), topic, expected);
    }
}
