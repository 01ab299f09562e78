package org.instantfeedback.streams.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.clients.StandaloneClients;

/**
 * Sends ops' acknowledgements and resolutions to feedback.alert-actions.v1, keyed
 * {@code <scope>:<id>:<kind>} with the JSON value the alerting topology reads
 * ({@code {alertId, action, actor, note, at}}), and returns only once Kafka has the record.
 */
public final class AlertActions {
    /** The two things ops can do to an alert. */
    public enum Action {
        ACKNOWLEDGE,
        RESOLVE
    }

    /** How long to wait for Kafka's acknowledgement before telling the caller to try again. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Producer<String, String>> producer;
    private final Clock clock;

    public AlertActions(Supplier<Producer<String, String>> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
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
     * Writes the action and waits for Kafka to have it.
     *
     * @throws QueryUnavailableException when Kafka does not take it in time
     */
    public void send(AlertView alert, Action action, String actor, String note) {
        String key = alert.scope().toLowerCase(Locale.ROOT) + ":" + alert.subject() + ":" + alert.kindId();
        ObjectNode value = JSON.createObjectNode()
                .put("alertId", alert.alertId())
                .put("action", action.name())
                .put("actor", actor)
                .put("note", note)
                .put("at", clock.instant().toString());
        Producer<String, String> current = producer.get();
        if (current == null) {
            throw new QueryUnavailableException("the service is still starting");
        }
        try {
            current.send(new ProducerRecord<>(Topics.ALERT_ACTIONS, key, value.toString()))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
