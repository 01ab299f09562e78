package org.instantfeedback.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.privacy.KafkaPrivacyScan;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up the endpoint tests share: the feedback topic on the test broker, one or more ingest
 * instances on it, a reader of the topic, and, after the test class, every instance stopped and a
 * scan of every byte on the broker for personal data. Registered as an extension of a test class
 * that has the broker ({@code @WithKafkaAndRegistry}), which stops the broker only after this:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final IngestOnBroker INGEST = new IngestOnBroker();
 *
 * @BeforeAll
 * static void startIngest(KafkaAndRegistry runtime) {
 *     client = INGEST.start(runtime, SmsGatewaySettings.SMS_API_KEYS.name(), "a-key");
 * }
 * }</pre>
 */
final class IngestOnBroker implements AfterAllCallback {
    private final List<IngestApp> apps = new ArrayList<>();
    private KafkaAndRegistry runtime;
    private FeedbackTopicReader topic;

    /**
     * Starts an instance on {@code runtime} configured as {@link TestIngest#env} with {@code
     * overrides} (name, value pairs) and returns a client of it.
     */
    IngestHttpClient start(KafkaAndRegistry runtime, String... overrides) {
        if (this.runtime == null) {
            this.runtime = runtime;
            runtime.createTopics(Map.of(Topics.FEEDBACK_RECEIVED, 1));
        }
        IngestApp app = TestIngest.start(TestIngest.env(runtime, overrides));
        apps.add(app);
        return new IngestHttpClient(app.port());
    }

    /** The reader of the feedback topic, made at the first call (after the first {@link #start}). */
    FeedbackTopicReader topic() {
        if (topic == null) {
            topic = new FeedbackTopicReader(runtime.bootstrapServers(), runtime.schemaRegistryUrl());
        }
        return topic;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (topic != null) {
            topic.close();
        }
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
        if (runtime != null) {
            KafkaPrivacyScan.assertNoPersonalDataOn(runtime);
        }
    }
}
