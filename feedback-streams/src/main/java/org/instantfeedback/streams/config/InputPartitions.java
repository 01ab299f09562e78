package org.instantfeedback.streams.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.clients.StandaloneClients;

/**
 * The number of partitions of {@code feedback.received.v1}, read once as feedback-streams starts:
 * a subject's alerts are judged in the task that reads its feedback, and ops actions on them are
 * repartitioned into as many partitions (by the same partitioner) to meet that task. A missing
 * topic fails the start with what to do, rather than a stream thread that waits for it.
 */
public final class InputPartitions {
    private static final long TIMEOUT_SECONDS = 60;

    private InputPartitions() {
    }

    /**
     * @throws IllegalStateException when the topic does not exist or Kafka does not answer in time
     */
    public static int read(Map<String, Object> kafkaSettings) {
        return read(kafkaSettings, Topics.FEEDBACK_RECEIVED);
    }

    static int read(Map<String, Object> kafkaSettings, String topic) {
        Object brokers = kafkaSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(StandaloneClients.admin(kafkaSettings))) {
            return admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException(topic + " does not exist at " + brokers + ": create the pipeline's"
                        + " topics before starting feedback-streams (see docs/operations.md, Topics)", e);
            }
            throw new IllegalStateException("could not read the partitions of " + topic + " at " + brokers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + brokers + " did not describe " + topic + " within "
                    + TIMEOUT_SECONDS + " s; check KAFKA_BOOTSTRAP_SERVERS and that the brokers are up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the partitions of " + topic, e);
        }
    }
}
