package org.instantfeedback.streams;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.instantfeedback.streams.config.StreamsAppConfig;

/**
 * feedback-streams instances on the test broker and registry, as the integration tests start
 * them: the pipeline's topics, a state directory of its own for each instance (deleted when this
 * is closed, with every instance stopped), an HTTP port the OS chooses; and the Avro producer and
 * deserializers the tests read and write records with.
 */
public final class StreamsOnBroker implements AutoCloseable {
    private final KafkaAndRegistry kafka;
    private final List<StreamsApp> apps = new ArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();

    public StreamsOnBroker(KafkaAndRegistry kafka) {
        this.kafka = kafka;
        kafka.createTopics(Map.ofEntries(Map.entry(Topics.FEEDBACK_RECEIVED, 2), Map.entry(Topics.FEEDBACK_SCORED, 2),
                Map.entry(Topics.CSAT, 2), Map.entry(Topics.CSAT_V2, 2),
                Map.entry(Topics.DEAD_LETTER, 1), Map.entry(Topics.METRICS, 2),
                Map.entry(Topics.METRICS_LATEST, 2), Map.entry(Topics.ALERTS, 2), Map.entry(Topics.ALERT_ACTIONS, 2),
                Map.entry(Topics.ALERT_RULES, 1), Map.entry(Topics.ALERT_RULES_ACCEPTED, 1),
                Map.entry(Topics.CONVERSATION_ACTIONS, 2), Map.entry(Topics.REPLY_STATUS, 2)));
    }

    /**
     * Starts an instance of the deployment {@code applicationId} with {@code settings} on top of
     * the broker, the registry, a fresh state directory and port 0.
     */
    public StreamsApp start(String applicationId, Map<String, String> settings) {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("feedback-streams-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stateDirs.add(stateDir);
        Map<String, String> env = new HashMap<>();
        env.put("STREAMS_HTTP_PORT", "0");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("KAFKA_APPLICATION_ID", applicationId);
        env.put("KAFKA_STATE_DIR", stateDir.toString());
        env.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        env.putAll(settings);
        StreamsApp app = StreamsApp.create(StreamsAppConfig.from(env));
        apps.add(app);
        app.start();
        return app;
    }

    /** A producer of feedback in the registry's wire format that waits for every replica. */
    public KafkaProducer<String, FeedbackReceived> feedbackProducer() {
        SpecificAvroSerializer<FeedbackReceived> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistrySettings.URL, kafka.schemaRegistryUrl()), false);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), serializer);
    }

    /** Sends {@code feedback} keyed by its subject and waits until the broker has it. */
    public static void send(KafkaProducer<String, FeedbackReceived> producer, FeedbackReceived feedback)
            throws Exception {
        producer.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, feedback.getSubject(), feedback))
                .get(30, TimeUnit.SECONDS);
    }

    public <T extends SpecificRecord> Deserializer<T> deserializer(Class<T> type) {
        SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>(type);
        deserializer.configure(Map.of(SchemaRegistrySettings.URL, kafka.schemaRegistryUrl()), false);
        return deserializer;
    }

    @Override
    public void close() {
        apps.forEach(StreamsApp::close);
        for (Path stateDir : stateDirs) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
