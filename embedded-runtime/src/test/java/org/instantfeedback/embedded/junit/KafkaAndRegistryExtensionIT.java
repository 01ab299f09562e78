package org.instantfeedback.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithKafkaAndRegistry
class KafkaAndRegistryExtensionIT {

    private static KafkaAndRegistry fromBeforeAll;

    private final KafkaAndRegistry fromConstructor;
    private KafkaAndRegistry fromBeforeEach;

    KafkaAndRegistryExtensionIT(KafkaAndRegistry kafka) {
        this.fromConstructor = kafka;
    }

    @BeforeAll
    static void rememberTheClassInstance(KafkaAndRegistry kafka) {
        fromBeforeAll = kafka;
    }

    @BeforeEach
    void rememberTheTestInstance(KafkaAndRegistry kafka) {
        fromBeforeEach = kafka;
    }

    @Test
    void injects_one_broker_and_registry_everywhere_in_a_test_class(KafkaAndRegistry kafka) {
        assertThat(kafka).isSameAs(fromConstructor).isSameAs(fromBeforeAll).isSameAs(fromBeforeEach);
    }

    @Test
    void the_injected_broker_takes_and_delivers_records(KafkaAndRegistry kafka) throws Exception {
        String topic = TestClients.uniqueTopic();
        kafka.createTopics(Map.of(topic, 2));

        TestClients.produce(kafka.bootstrapServers(), topic, "route-12", "on time");

        assertThat(TestClients.consumeValues(kafka.bootstrapServers(), topic, 1)).containsExactly("on time");
    }

    @Test
    void creates_topics_compacted_and_with_the_settings_asked_for(KafkaAndRegistry kafka) throws Exception {
        String topic = "erasable-" + System.nanoTime();
        kafka.createTopics(Map.of(topic, 1), Set.of(topic), Map.of(topic, Map.of("max.compaction.lag.ms", "3600000")));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get("max.compaction.lag.ms").value()).isEqualTo("3600000");
        }
    }

    @Test
    void the_injected_registry_keeps_schemas(KafkaAndRegistry kafka) throws Exception {
        String subject = TestClients.uniqueTopic() + "-value";
        String schema = "{\"type\":\"record\",\"name\":\"Comment\",\"fields\":[{\"name\":\"text\",\"type\":\"string\"}]}";

        long id = TestClients.registerAvroSchema(kafka.schemaRegistryUrl(), subject, schema);

        assertThat(TestClients.get(kafka.schemaRegistryUrl() + "/schemas/ids/" + id).body()).contains("Comment");
    }

    @Test
    void a_stopped_broker_comes_back_on_the_same_address(KafkaAndRegistry kafka) throws Exception {
        String topic = TestClients.uniqueTopic();
        kafka.createTopics(Map.of(topic, 1));
        String address = kafka.bootstrapServers();

        kafka.stopBroker();
        assertThat(TestClients.answersKafka(address)).isFalse();
        kafka.startBroker();

        assertThat(kafka.bootstrapServers()).isEqualTo(address);
        TestClients.produce(address, topic, "branch-3", "back again");
        assertThat(TestClients.consumeValues(address, topic, 1)).containsExactly("back again");
    }

    @Test
    void a_test_that_leaves_the_broker_stopped_does_not_break_the_next_one(KafkaAndRegistry kafka) {
        kafka.stopBroker();
    }

    @Test
    void every_test_starts_with_a_running_broker(KafkaAndRegistry kafka) {
        assertThat(TestClients.answersKafka(kafka.bootstrapServers())).isTrue();
    }

    @Nested
    class NestedTests {

        @Test
        void share_the_broker_of_their_outer_class(KafkaAndRegistry kafka) {
            assertThat(kafka).isSameAs(fromBeforeAll);
        }
    }
}
