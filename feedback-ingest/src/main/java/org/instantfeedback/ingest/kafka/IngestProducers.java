package org.instantfeedback.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.instantfeedback.ingest.config.PublishSettings;
import org.instantfeedback.registry.SchemaRegistryException;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroSerializer;

/**
 * How every producer of feedback-ingest is built and waited for: the same operator settings, the
 * same guarantee (acks=all, idempotent), every wait bounded by the publish timeout, and failures
 * told apart the same way, so that each endpoint answers 2xx only once Kafka has its record.
 */
public final class IngestProducers {
    /** Kafka's default since 4.0; read only to keep the producer's own timeout check satisfied. */
    private static final long DEFAULT_LINGER_MS = 5;

    private IngestProducers() {
    }

    /**
     * A producer with string keys, its metrics bound to {@code metrics}. {@code role} tells its client id
     * apart from the other producers' when the operator set one ({@code KAFKA_CLIENT_ID}), since two
     * clients of one id would report over each other.
     *
     * @param role null for the feedback producer, which keeps the operator's client id as it is
     */
    static <V> Created<V> create(PublishSettings config, Serializer<V> values, String role, MeterRegistry metrics) {
        KafkaProducer<String, V> producer;
        try {
            producer = new KafkaProducer<>(producerProperties(config, role), new StringSerializer(), values);
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(metrics);
        return new Created<>(producer, producerMetrics);
    }

    /** A producer and the metrics to close with it. */
    record Created<V>(KafkaProducer<String, V> producer, AutoCloseable metrics) {
    }

    /** An Avro serializer configured from the {@code SCHEMA_REGISTRY_*} settings. */
    static <V extends SpecificRecord> SpecificAvroSerializer<V> avroValues(PublishSettings config) {
        SpecificAvroSerializer<V> values = new SpecificAvroSerializer<>();
        values.configure(serdeProperties(config), false);
        return values;
    }

    /**
     * The producer settings: the operator's {@code KAFKA_*} settings, with timeouts derived from
     * the publish timeout where the operator set none, so that every wait inside the producer ends
     * within it. Acks and idempotence are not negotiable (IngestConfig refuses other values).
     */
    static Map<String, Object> producerProperties(PublishSettings config) {
        return producerProperties(config, null);
    }

    /** As {@link #producerProperties(PublishSettings)}, the operator's client id (if any) suffixed by {@code role}. */
    static Map<String, Object> producerProperties(PublishSettings config, String role) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        if (role != null) {
            props.computeIfPresent(CommonClientConfigs.CLIENT_ID_CONFIG, (name, id) -> id + "-" + role);
        }
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
     * Waits for Kafka's acknowledgement until {@code deadline} ({@link System#nanoTime()}).
     *
     * @param what what was sent, for the message ("the feedback")
     */
    static RecordMetadata await(Future<RecordMetadata> acknowledgement, long deadline, Duration timeout,
            String what) {
        try {
            return acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw classified(e.getCause());
        } catch (TimeoutException e) {
            throw new PublishUnavailableException("Kafka did not acknowledge " + what + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishUnavailableException("interrupted while waiting for Kafka", e);
        }
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
}
