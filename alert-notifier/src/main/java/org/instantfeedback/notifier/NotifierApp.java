package org.instantfeedback.notifier;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.notifier.config.NotifierConfig;
import org.instantfeedback.notifier.delivery.DeadLetters;
import org.instantfeedback.notifier.delivery.DeliveryLoop;
import org.instantfeedback.notifier.delivery.DeliveryMetrics;
import org.instantfeedback.notifier.delivery.WebhookClient;
import org.instantfeedback.notifier.http.HealthApi;
import org.instantfeedback.notifier.routing.Target;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.service.telemetry.ServiceTelemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * alert-notifier, wired: one delivery loop (a consumer in its own group, on its own thread) per
 * target, so a target that is down holds up only itself; a shared dead-letter producer; and the
 * health and metrics API. {@link #create} builds everything and starts nothing.
 */
public final class NotifierApp implements AutoCloseable {
    /** A loop finishes its delivery under way (bounded by the request timeout) and its commit. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(NotifierApp.class);

    private final NotifierConfig config;
    private final List<DeliveryLoop> loops;
    private final List<KafkaClientMetrics> clientMetrics;
    private final KafkaProducer<byte[], byte[]> deadLetterProducer;
    private final ServiceTelemetry telemetry;
    private final Javalin http;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private NotifierApp(NotifierConfig config, List<DeliveryLoop> loops, List<KafkaClientMetrics> clientMetrics,
                        KafkaProducer<byte[], byte[]> deadLetterProducer, ServiceTelemetry telemetry, Javalin http) {
        this.config = config;
        this.loops = loops;
        this.clientMetrics = clientMetrics;
        this.deadLetterProducer = deadLetterProducer;
        this.telemetry = telemetry;
        this.http = http;
    }

    public static NotifierApp create(NotifierConfig config) {
        ServiceTelemetry telemetry = ServiceTelemetry.create("alert-notifier");
        PrometheusMeterRegistry metrics = telemetry.registry();
        List<KafkaClientMetrics> clientMetrics = new ArrayList<>();

        KafkaProducer<byte[], byte[]> deadLetterProducer = new KafkaProducer<>(producerProperties(config),
                new ByteArraySerializer(), new ByteArraySerializer());
        clientMetrics.add(bound(new KafkaClientMetrics(deadLetterProducer), metrics));
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer);
        WebhookClient client = new WebhookClient(config.requestTimeout(), Clock.systemUTC());

        List<DeliveryLoop> loops = new ArrayList<>();
        for (Target target : config.targets()) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(config, target),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            clientMetrics.add(bound(new KafkaClientMetrics(consumer), metrics));
            SpecificAvroDeserializer<FeedbackAlert> alerts = new SpecificAvroDeserializer<>(FeedbackAlert.class);
            alerts.configure(config.registrySettings(), false);
            loops.add(new DeliveryLoop(target, consumer, alerts, client, deadLetters, config.retry(),
                    new DeliveryMetrics(metrics, target.name()), Clock.systemUTC(), RandomGenerator.getDefault()));
        }
        Javalin http = HealthApi.create(loops, metrics);
        return new NotifierApp(config, List.copyOf(loops), clientMetrics, deadLetterProducer, telemetry, http);
    }

    /** Starts the HTTP API (first, so a taken port fails before joining any group), then the loops. */
    public void start() {
        http.start(config.httpPort());
        for (DeliveryLoop loop : loops) {
            Thread thread = new Thread(loop, "notifier-" + loop.target().name());
            threads.add(thread);
            thread.start();
        }
        log.info("alert-notifier started: HTTP on port {}, Kafka at {}, registry at {}, targets {}", port(),
                config.bootstrapServers(), SchemaRegistrySettings.printable(config.schemaRegistryUrl()),
                config.targets());
    }

    public int port() {
        return http.port();
    }

    /** Lets every loop finish the delivery under way and commit it, then closes the clients. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop();
        loops.forEach(DeliveryLoop::stop);
        long joinMillis = config.requestTimeout().plus(STOP_MARGIN).toMillis();
        for (Thread thread : threads) {
            try {
                thread.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("{} did not stop within {} ms", thread.getName(), joinMillis);
            }
        }
        clientMetrics.forEach(KafkaClientMetrics::close);
        deadLetterProducer.close(Duration.ofSeconds(10));
        telemetry.close();
        log.info("alert-notifier stopped");
    }

    private static Map<String, Object> consumerProperties(NotifierConfig config, Target target) {
        Map<String, Object> properties = new HashMap<>(config.kafkaSettings());
        properties.keySet().removeIf(key -> !ConsumerConfig.configNames().contains(key) && !isCommonClientKey(key));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupIdPrefix() + "." + target.name());
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "alert-notifier-" + target.name());
        // Alerts are delivered one by one, each call taking up to the request timeout: a small batch
        // keeps a poll's worth of work (10 x 10 s by default) well inside max.poll.interval.ms
        // (5 min), so a slow target does not get the consumer thrown out of its group.
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10");
        return properties;
    }

    private static Map<String, Object> producerProperties(NotifierConfig config) {
        Map<String, Object> properties = new HashMap<>(config.kafkaSettings());
        properties.keySet().removeIf(key -> !ProducerConfig.configNames().contains(key) && !isCommonClientKey(key));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "alert-notifier-dead-letters");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return properties;
    }

    /** Security settings (sasl.*, ssl.*) apply to both clients; they are listed in both config sets. */
    private static boolean isCommonClientKey(String key) {
        return key.startsWith("sasl.") || key.startsWith("ssl.") || key.equals("security.protocol");
    }

    private static KafkaClientMetrics bound(KafkaClientMetrics clientMetrics, PrometheusMeterRegistry registry) {
        clientMetrics.bindTo(registry);
        return clientMetrics;
    }
}
