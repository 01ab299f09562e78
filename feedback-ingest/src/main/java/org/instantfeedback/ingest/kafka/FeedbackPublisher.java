package org.instantfeedback.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.ingest.config.PublishSettings;
import org.instantfeedback.registry.SchemaRegistryException;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroSerializer;

/**
 * Writes {@code FeedbackReceived} events to {@value Topics#FEEDBACK_RECEIVED}, keyed by subject and
 * stamped with the time the feedback occurred, and returns only once Kafka has acknowledged the
 * event on all in-sync replicas, or fails within the publish timeout. Callers can therefore
 * promise a sender that acknowledged feedback is stored.
 */
public final class FeedbackPublisher implements AutoCloseable {
    /** Kafka's default since 4.0; read only to keep the producer's own timeout check satisfied. */
    private static final long DEFAULT_LINGER_MS = 5;

    private final Producer<String, FeedbackReceived> producer;
    private final AutoCloseable producerMetrics;
    private final Duration timeout;

    FeedbackPublisher(Producer<String, FeedbackReceived> producer, AutoCloseable producerMetrics, Duration timeout) {
        this.producer = producer;
        this.producerMetrics = producerMetrics;
        this.timeout = timeout;
    }

    /** Creates the producer and its Avro serializer, and reports the producer's metrics to {@code metrics}. */
    public static FeedbackPublisher create(PublishSettings config, MeterRegistry metrics) {
        SpecificAvroSerializer<FeedbackReceived> values = new SpecificAvroSerializer<>();
        values.configure(serdeProperties(config), false);
        KafkaProducer<String, FeedbackReceived> producer;
        try {
            producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), values);
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(metrics);
        return new FeedbackPublisher(producer, producerMetrics, config.publishTimeout());
    }

    /**
     * The producer settings: the operator's {@code KAFKA_*} settings, with timeouts derived from
     * the publish timeout where the operator set none, so that every wait inside the producer ends
     * within it. Acks and idempotence are not negotiable (IngestConfig refuses other values).
     */
    static Map<String, Object> producerProperties(PublishSettings config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        long timeoutMs = config.publishTimeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMs));
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        long lingerMs = Long.parseLong(String.valueOf(props.getOrDefault(ProducerConfig.LINGER_MS_CONFIG,
                DEFAULT_LINGER_MS)));
        // The producer insists on delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1, timeoutMs - lingerMs)));
        return props;
    }

    /** The serde settings; registry calls made while sending are bounded by the publish timeout too. */
    static Map<String, Object> serdeProperties(PublishSettings config) {
        Map<String, Object> props = new HashMap<>(config.schemaRegistry());
        props.putIfAbsent(SchemaRegistrySettings.REQUEST_TIMEOUT_MS,
                String.valueOf(config.publishTimeout().toMillis()));
        return props;
    }

    /**
     * Sends the event and waits for Kafka's acknowledgement.
     *
     * @throws PublishUnavailableException when Kafka or the registry cannot be reached in time
     * @throws PublishFailedException      when they refuse the event for good
     */
    public RecordMetadata publish(FeedbackReceived event) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<RecordMetadata> acknowledgement;
        try {
            acknowledgement = producer.send(record(event));
        } catch (RuntimeException e) {
            throw classified(e);
        }
        return await(acknowledgement, deadline);
    }

    /**
     * Sends every event, then waits for all acknowledgements within one publish timeout. The
     * answer has one entry per event, in order: empty when Kafka has the event, else why not
     * ({@link PublishUnavailableException} or {@link PublishFailedException}). Once a send fails
     * because Kafka cannot be reached, the rest are not tried (each would wait as long again).
     */
    public List<Optional<RuntimeException>> publishAll(List<FeedbackReceived> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        List<Optional<RuntimeException>> failures = new ArrayList<>(events.size());
        RuntimeException unreachable = null;
        for (FeedbackReceived event : events) {
            Future<RecordMetadata> acknowledgement = null;
            RuntimeException failure = unreachable;
            if (failure == null) {
                try {
                    acknowledgement = producer.send(record(event));
                } catch (RuntimeException e) {
                    failure = classified(e);
                    unreachable = failure instanceof PublishUnavailableException ? failure : null;
                }
            }
            acknowledgements.add(acknowledgement);
            failures.add(Optional.ofNullable(failure));
        }
        for (int i = 0; i < events.size(); i++) {
            if (acknowledgements.get(i) != null) {
                try {
                    await(acknowledgements.get(i), deadline);
                } catch (PublishUnavailableException | PublishFailedException e) {
                    failures.set(i, Optional.of(e));
                }
            }
        }
        return failures;
    }

    private static ProducerRecord<String, FeedbackReceived> record(FeedbackReceived event) {
        return new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, null, event.getOccurredAt().toEpochMilli(),
                event.getSubject(), event);
    }

    private RecordMetadata await(Future<RecordMetadata> acknowledgement, long deadline) {
        try {
            return acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw classified(e.getCause());
        } catch (TimeoutException e) {
            throw new PublishUnavailableException("Kafka did not acknowledge the feedback within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishUnavailableException("interrupted while waiting for Kafka", e);
        }
    }

    /** The longest {@link #publish} waits. */
    public Duration timeout() {
        return timeout;
    }

    /** Tells failures worth retrying (unreachable, too slow) from those an operator must fix. */
    static RuntimeException classified(Throwable failure) {
        SchemaRegistryException registryFailure = causeOfType(failure, SchemaRegistryException.class);
        if (registryFailure != null) {
            boolean retriable = registryFailure.kind() == SchemaRegistryException.Kind.UNREACHABLE
                    || registryFailure.httpStatus() >= 500;
            return retriable
                    ? new PublishUnavailableException("the schema registry is unavailable: "
                            + registryFailure.getMessage(), failure)
                    : new PublishFailedException("the schema registry refused the event: "
                            + registryFailure.getMessage(), failure);
        }
        if (failure instanceof RetriableException || failure instanceof InterruptException) {
            return new PublishUnavailableException("Kafka is unavailable: " + failure.getMessage(), failure);
        }
        return new PublishFailedException("Kafka refused the event: " + failure.getMessage(), failure);
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Sends what is still buffered (bounded by the publish timeout), then releases the producer. */
    @Override
    public void close() {
        try {
            producerMetrics.close();
        } catch (Exception e) {
            // Metrics are best effort; the producer below must still be closed.
        }
        producer.close(timeout);
    }
}
