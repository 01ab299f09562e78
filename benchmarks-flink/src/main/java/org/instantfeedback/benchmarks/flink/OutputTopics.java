package org.instantfeedback.benchmarks.flink;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The full job's output topics, named from one prefix: one for each output feedback-streams
 * writes per record ({@code feedback.scored.v1}, {@code feedback.rated-texts.v1},
 * {@code feedback.csat.v1}, {@code feedback.metrics.v1}, {@code feedback.metrics.latest.v1},
 * {@code feedback.alerts.v1}, {@code feedback.deadletter.v1}), so a run never mixes with the
 * pipeline's own topics.
 */
record OutputTopics(String scored, String ratedTexts, String csat, String metrics, String metricsLatest,
                    String alerts, String deadLetter) implements Serializable {

    static OutputTopics withPrefix(String prefix) {
        return new OutputTopics(prefix + ".scored", prefix + ".rated-texts", prefix + ".csat", prefix + ".metrics",
                prefix + ".metrics-latest", prefix + ".alerts", prefix + ".deadletter");
    }

    /** The partitions of each output, as local-run creates the pipeline's topics. */
    private static final int PARTITIONS = 3;

    List<String> all() {
        return List.of(scored, ratedTexts, csat, metrics, metricsLatest, alerts, deadLetter);
    }

    /**
     * Creates the topics that do not exist yet. Without time-based retention: the records carry
     * the benchmark events' times, months back, and would be deleted part-way through a run.
     */
    void createMissing(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = all().stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))
                    .toList();
            admin.createTopics(missing).all().get();
        }
    }
}
