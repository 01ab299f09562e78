package org.instantfeedback.streams.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.instantfeedback.streams.conversations.ConversationView;
import org.instantfeedback.streams.query.LocalConversations;
import org.instantfeedback.streams.query.QueryUnavailableException;

/**
 * The conversations waiting for an answer, in Prometheus: {@code conversations_open} (the
 * passenger waits) and {@code conversations_overdue} (longer than the answer limit), counted at
 * each scrape from the conversations this instance holds, so that their sum over instances is the
 * application's queue. Unknown (NaN) while the store cannot be read (starting, rebalancing).
 */
public final class ConversationQueueGauges {
    private final Supplier<KafkaStreams> streams;
    private final LocalConversations local;
    private final String sourceTopic;

    private ConversationQueueGauges(Supplier<KafkaStreams> streams, LocalConversations local, String sourceTopic) {
        this.streams = streams;
        this.local = local;
        this.sourceTopic = sourceTopic;
    }

    /** @param sourceTopic the repartition topic the conversations store is partitioned by */
    public static void bindTo(MeterRegistry meters, Supplier<KafkaStreams> streams, LocalConversations local,
                              String sourceTopic) {
        ConversationQueueGauges gauges = new ConversationQueueGauges(streams, local, sourceTopic);
        // Held strongly: nothing else refers to the counter, and a weakly held one reads NaN once collected.
        Gauge.builder("conversations.open", gauges, g -> g.count(view -> "open".equals(view.status())))
                .description("Conversations of this instance whose passenger waits for an answer")
                .strongReference(true).register(meters);
        Gauge.builder("conversations.overdue", gauges, g -> g.count(ConversationView::overdue))
                .description("Conversations of this instance whose passenger has waited longer than the answer limit")
                .strongReference(true).register(meters);
    }

    private double count(Predicate<ConversationView> which) {
        KafkaStreams running = streams.get();
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            return Double.NaN;
        }
        try {
            return local.all(localPartitions(running)).stream().filter(which).count();
        } catch (QueryUnavailableException e) {
            return Double.NaN;
        }
    }

    private Set<Integer> localPartitions(KafkaStreams running) {
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : running.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition partition : task.topicPartitions()) {
                    if (partition.topic().equals(sourceTopic)) {
                        partitions.add(partition.partition());
                    }
                }
            }
        }
        return partitions;
    }
}
