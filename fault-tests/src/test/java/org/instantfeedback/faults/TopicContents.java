package org.instantfeedback.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Everything committed on a topic up to now, read by a read_committed reader assigned to every partition. */
final class TopicContents {
    private static final Duration READ_DEADLINE = Duration.ofSeconds(60);

    private TopicContents() {
    }

    static <K, V> List<ConsumerRecord<K, V>> readAll(KafkaConsumer<K, V> consumer) {
        try (consumer) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + consumer.assignment() + " up to " + ends
                            + " within " + READ_DEADLINE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
