package org.instantfeedback.replies;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.instantfeedback.replies.config.ReplySenderConfig;
import org.instantfeedback.replies.delivery.DeliveryLoop;
import org.instantfeedback.replies.delivery.ProviderCalls;
import org.instantfeedback.replies.delivery.ReplyStatuses;
import org.instantfeedback.replies.delivery.SenderMetrics;
import org.instantfeedback.replies.delivery.StaleSendingSweep;
import org.instantfeedback.replies.delivery.StatusCallbackUrl;
import org.instantfeedback.replies.delivery.Stopping;
import org.instantfeedback.replies.http.HealthApi;
import org.instantfeedback.replies.provider.SmsProvider;
import org.instantfeedback.service.telemetry.ServiceTelemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply sender, wired: the contact keyring, one delivery loop (its consumer, its transactional
 * producer and the sweep's reader) on its own thread, and the health and metrics API.
 * {@link #create} builds everything and starts nothing.
 */
public final class ReplySenderApp implements AutoCloseable {
    /** Beyond the call under way: the outcome's transaction and the consumer leaving its group. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ReplySenderApp.class);

    private final ReplySenderConfig config;
    private final ContactKeyring keyring;
    private final DeliveryLoop loop;
    private final Stopping stopping;
    private final List<AutoCloseable> clients;
    private final ServiceTelemetry telemetry;
    private final Javalin http;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReplySenderApp(ReplySenderConfig config, ContactKeyring keyring, DeliveryLoop loop, Stopping stopping,
                           List<AutoCloseable> clients, ServiceTelemetry telemetry, Javalin http) {
        this.config = config;
        this.keyring = keyring;
        this.loop = loop;
        this.stopping = stopping;
        this.clients = clients;
        this.telemetry = telemetry;
        this.http = http;
        this.thread = new Thread(loop, "reply-sender");
    }

    public static ReplySenderApp create(ReplySenderConfig config) {
        ServiceTelemetry telemetry = ServiceTelemetry.create("reply-sender");
        PrometheusMeterRegistry metrics = telemetry.registry();
        List<AutoCloseable> clients = new ArrayList<>();
        ContactKeyring keyring = ContactKeyring.create(config.contacts());

        SpecificAvroSerializer<ReplyStatus> statusSerializer = new SpecificAvroSerializer<>();
        statusSerializer.configure(config.registrySettings(), false);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(config),
                new ByteArraySerializer(), new ByteArraySerializer());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaConsumer<byte[], byte[]> sweepReader = new KafkaConsumer<>(sweepProperties(config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        clients.add(bound(new KafkaClientMetrics(producer), metrics));
        clients.add(bound(new KafkaClientMetrics(consumer), metrics));
        // The loop closes its consumer; the sweep's reader and the producer are closed here.
        clients.add(sweepReader);
        clients.add(() -> producer.close(CLOSE_TIMEOUT));
        // The producer no longer owns the serializer (it takes bytes), so its registry client is closed here.
        clients.add(statusSerializer);

        SpecificAvroDeserializer<ReplyRequested> replies = new SpecificAvroDeserializer<>(ReplyRequested.class);
        replies.configure(config.registrySettings(), false);
        SpecificAvroDeserializer<ReplyStatus> statusesIn = new SpecificAvroDeserializer<>(ReplyStatus.class);
        statusesIn.configure(config.registrySettings(), false);

        SmsProvider provider = config.provider().create();
        SenderMetrics senderMetrics = new SenderMetrics(metrics, provider.name());
        ReplyStatuses statuses = new ReplyStatuses(producer, statusSerializer);
        Stopping stopping = new Stopping();
        Clock clock = Clock.systemUTC();
        StaleSendingSweep sweep = new StaleSendingSweep(sweepReader, statusesIn, statuses,
                config.provider().timeout(), clock);
        ProviderCalls calls = new ProviderCalls(provider, statuses, config.retryLimit(), senderMetrics, clock,
                stopping);
        DeliveryLoop loop = new DeliveryLoop(consumer, replies, keyring, statuses, sweep, calls,
                config.statusCallback().map(StatusCallbackUrl::new), senderMetrics, clock, stopping);
        Javalin http = HealthApi.create(loop, metrics);
        return new ReplySenderApp(config, keyring, loop, stopping, clients, telemetry, http);
    }

    /**
     * Starts the HTTP API (first, so a taken port fails before joining any group), the keyring, then
     * the loop, which waits for the keyring and sweeps before it consumes.
     */
    public void start() {
        http.start(config.httpPort());
        keyring.start();
        thread.start();
        log.info("reply-sender started: HTTP on port {}, Kafka at {}, registry at {}, provider {}", port(),
                config.bootstrapServers(), SchemaRegistrySettings.printable(config.schemaRegistryUrl()),
                config.provider().name());
    }

    public int port() {
        return http.port();
    }

    /** Whether the sender delivers: the keyring read, the sweep done and the consumer in its group. */
    public boolean ready() {
        return loop.state() == DeliveryLoop.State.DELIVERING;
    }

    /** Lets the loop finish the reply under way and write its outcome, then closes the clients. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop();
        stopping.stop();
        // A provider call may wait for its connection and then for its answer, each up to the timeout.
        long joinMillis = config.provider().timeout().multipliedBy(2).plus(STOP_MARGIN).toMillis();
        if (thread.getState() == Thread.State.NEW) {
            loop.closeUnstarted();
        } else if (thread.isAlive()) {
            try {
                thread.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("{} did not stop within {} ms", thread.getName(), joinMillis);
            }
        }
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                log.warn("Could not close a client: {}", e.getMessage());
            }
        }
        keyring.close();
        telemetry.close();
        log.info("reply-sender stopped");
    }

    private static Map<String, Object> consumerProperties(ReplySenderConfig config) {
        Map<String, Object> properties = clientProperties(config, ConsumerConfig.configNames());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "reply-sender");
        // A partition without a committed offset starts at its end: were the group's offsets ever
        // lost, "earliest" would text every reply still on the topic a second time.
        properties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // One reply per poll, and a poll interval longer than one reply's retries (each call up to
        // twice the timeout, waits up to 30 s): a provider that is down does not get the consumer
        // thrown out of its group while a reply is retried.
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        Duration longestReply = config.retryLimit().plus(config.provider().timeout().multipliedBy(2))
                .plus(Duration.ofMinutes(1));
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, longestReply.toMillis()));
        return properties;
    }

    private static Map<String, Object> sweepProperties(ReplySenderConfig config) {
        Map<String, Object> properties = clientProperties(config, ConsumerConfig.configNames());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reply-sender-sweep");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return properties;
    }

    private static Map<String, Object> producerProperties(ReplySenderConfig config) {
        Map<String, Object> properties = clientProperties(config, ProducerConfig.configNames());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "reply-sender-statuses");
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return properties;
    }

    private static Map<String, Object> clientProperties(ReplySenderConfig config, Set<String> known) {
        Map<String, Object> properties = new HashMap<>(config.kafkaSettings());
        properties.keySet().removeIf(key -> !known.contains(key) && !isCommonClientKey(key));
        return properties;
    }

    /** Security settings (sasl.*, ssl.*) apply to every client; they are listed in each config set. */
    private static boolean isCommonClientKey(String key) {
        return key.startsWith("sasl.") || key.startsWith("ssl.") || key.equals("security.protocol");
    }

    private static KafkaClientMetrics bound(KafkaClientMetrics clientMetrics, PrometheusMeterRegistry registry) {
        clientMetrics.bindTo(registry);
        return clientMetrics;
    }
}
