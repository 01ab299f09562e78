package org.instantfeedback.streams.textmodel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.clients.StandaloneClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two topics of the text model loop, which feedback-streams owns as Kafka Streams owns its
 * internal topics: made at start-up when missing, with the settings the loop needs. An operator
 * who creates them (the compose file does) must use the same: one partition each;
 * {@code feedback.text-models.v1} compacted with records up to 16 MiB.
 */
public final class TextModelTopics {

    /** A model file is about 1.5 MB; an operator's model grows with what it learns. */
    public static final int MAX_MODEL_BYTES = 16 * 1024 * 1024;
    /** Rated texts are kept a year and a month: a year of an operator's language, seasons included. */
    static final long RATED_TEXTS_RETENTION_MS = 395L * 24 * 60 * 60 * 1000;

    private static final Logger log = LoggerFactory.getLogger(TextModelTopics.class);

    private TextModelTopics() {
    }

    /** The two topics with their partitions and settings. */
    public static List<NewTopic> topics() {
        return List.of(
                new NewTopic(Topics.RATED_TEXTS, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(RATED_TEXTS_RETENTION_MS))),
                new NewTopic(Topics.TEXT_MODELS, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MODEL_BYTES))));
    }

    /**
     * Creates whichever of the two topics is missing; leaves existing ones as they are. Without the
     * right to list or create topics (a locked-down cluster, where the operator makes them), it
     * says which topics the loop needs and carries on: the base model still reads every text.
     */
    public static void ensure(Map<String, ?> kafkaSettings) {
        try (Admin admin = Admin.create(StandaloneClients.admin(kafkaSettings))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics().stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
                log.info("Created the text model topics {}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                log.warn("Not allowed to list or create topics ({}); the text model loop needs {} and {}: one"
                        + " partition each, the second with cleanup.policy=compact and max.message.bytes={}",
                        e.getCause().getMessage(), Topics.RATED_TEXTS, Topics.TEXT_MODELS, MAX_MODEL_BYTES);
                return;
            }
            throw new IllegalStateException("cannot create the text model topics: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the text model topics", e);
        }
    }
}
