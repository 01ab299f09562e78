package org.instantfeedback.streams.query;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.streams.clients.StandaloneClients;

/**
 * Writes what ops do (alert actions, answers to passengers) to its topic and returns only once
 * Kafka has it, so a 202 means the action will be applied; otherwise the caller hears "ask again".
 */
public final class ActionRecords {
    /** How long to wait for Kafka's acknowledgement before telling the caller to try again. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Producer<String, String>> producer;

    public ActionRecords(Supplier<Producer<String, String>> producer) {
        this.producer = producer;
    }

    /** An idempotent, acks=all producer of action records, from the app's Kafka client settings. */
    public static Producer<String, String> producer(Map<String, Object> kafkaSettings, String clientId) {
        Map<String, Object> settings = StandaloneClients.producer(kafkaSettings, clientId);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    /**
     * Writes the record and waits for Kafka to have it.
     *
     * @throws QueryUnavailableException when Kafka does not take it in time
     */
    public void send(String topic, String key, String json) {
        Producer<String, String> current = producer.get();
        if (current == null) {
            throw new QueryUnavailableException("the service is still starting");
        }
        try {
            current.send(new ProducerRecord<>(topic, key, json)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new QueryUnavailableException("Kafka did not take the action in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while sending the action", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new QueryUnavailableException("Kafka refused the action", e);
        }
    }
}
