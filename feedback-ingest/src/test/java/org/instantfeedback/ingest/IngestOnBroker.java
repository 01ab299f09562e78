package org.instantfeedback.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;

/**
 * The set-up the endpoint tests share: the feedback topic on the test broker, one or more ingest
 * instances on it, a reader of the topic, and, when it is closed, a scan of every byte on the
 * broker for personal data.
 */
final class IngestOnBroker implements AutoCloseable {
    private final KafkaAndRegistry runtime;
    private final List<IngestApp> apps = new ArrayList<>();
    private FeedbackTopicReader topic;

    IngestOnBroker(KafkaAndRegistry runtime) {
        this.runtime = runtime;
        runtime.createTopics(Map.of(Topics.FEEDBACK_RECEIVED, 1));
    }

    /**
     * Starts an instance configured as {@link TestIngest#env} with {@code overrides} (name, value
     * pairs) and returns a client of it.
     */
    IngestHttpClient start(String... overrides) {
        IngestApp app = TestIngest.start(TestIngest.env(runtime, overrides));
        apps.add(app);
        return new IngestHttpClient(app.port());
    }

    /** The reader of the feedback topic, made at the first call. */
    FeedbackTopicReader topic() {
        if (topic == null) {
            topic = new FeedbackTopicReader(runtime.bootstrapServers(), runtime.schemaRegistryUrl());
        }
        return topic;
    }

    @Override
    public void close() {
        if (topic != null) {
            topic.close();
        }
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
        KafkaPrivacyScan.assertNoPersonalDataOn(runtime);
    }
}
