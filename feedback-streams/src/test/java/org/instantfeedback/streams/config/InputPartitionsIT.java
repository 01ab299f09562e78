package org.instantfeedback.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.junit.jupiter.api.Test;

/** feedback-streams reads the input's partitions at start, and says what to do when the topic is missing. */
@WithKafkaAndRegistry
class InputPartitionsIT {

    @Test
    void reads_the_partitions_of_the_topic(KafkaAndRegistry kafka) {
        String topic = "input-partitions-it-" + UUID.randomUUID();
        kafka.createTopics(Map.of(topic, 5));

        assertThat(InputPartitions.read(settings(kafka), topic)).isEqualTo(5);
    }

    @Test
    void a_missing_topic_fails_the_start_with_what_to_do(KafkaAndRegistry kafka) {
        String topic = "never-created-" + UUID.randomUUID();

        assertThatThrownBy(() -> InputPartitions.read(settings(kafka), topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(topic + " does not exist at " + kafka.bootstrapServers() + ": create the pipeline's topics"
                        + " before starting feedback-streams (see docs/operations.md, Topics)");
    }

    private static Map<String, Object> settings(KafkaAndRegistry kafka) {
        return Map.of("bootstrap.servers", kafka.bootstrapServers());
    }
}
