package org.instantfeedback.streams.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every live event to every connected viewer. Publishing never blocks: each viewer has a
 * bounded buffer, and a viewer whose buffer is full is dropped (its browser reconnects and reloads
 * the figures), so one phone on a bad train connection cannot slow the others or fill the heap.
 * A heartbeat goes to everyone at a fixed interval, so clients and proxies see the stream is alive.
 */
public final class LiveBroadcaster implements AutoCloseable {
    /** Events a viewer may fall behind by: a few seconds of a busy stream, about 300 KiB at most. */
    public static final int DEFAULT_BUFFER_EVENTS = 512;
    /** Viewers one instance serves at once; each holds one HTTP thread while connected. */
    public static final int DEFAULT_MAX_CLIENTS = 100;
    /** Under the usual 30-60 s idle timeouts of proxies and load balancers. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(LiveBroadcaster.class);

    private final int bufferEvents;
    private final int maxClients;
    private final Duration heartbeatInterval;
    private final Clock clock;
    private final Set<LiveSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Counter droppedClients;
    private final Counter eventsPublished;
    private ScheduledExecutorService heartbeats;

    public LiveBroadcaster(int bufferEvents, int maxClients, Duration heartbeatInterval, Clock clock,
                           MeterRegistry metrics) {
        if (bufferEvents < 1 || maxClients < 1 || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("buffer, client limit and heartbeat interval must be positive");
        }
        this.bufferEvents = bufferEvents;
        this.maxClients = maxClients;
        this.heartbeatInterval = heartbeatInterval;
        this.clock = clock;
        Gauge.builder("feedback.dashboard.live.clients", subscriptions, Set::size)
                .description("Viewers connected to the live stream (/v1/live)")
                .register(metrics);
        this.droppedClients = Counter.builder("feedback.dashboard.live.dropped.clients")
                .description("Viewers dropped from the live stream because they fell behind")
                .register(metrics);
        this.eventsPublished = Counter.builder("feedback.dashboard.live.events")
                .description("Events published to the live stream (heartbeats not counted)")
                .register(metrics);
    }

    /** With the defaults above. */
    public static LiveBroadcaster withDefaults(Clock clock, MeterRegistry metrics) {
        return new LiveBroadcaster(DEFAULT_BUFFER_EVENTS, DEFAULT_MAX_CLIENTS, DEFAULT_HEARTBEAT_INTERVAL, clock, metrics);
    }

    /** Starts the heartbeat. */
    public synchronized void start() {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "live-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long millis = heartbeatInterval.toMillis();
            heartbeats.scheduleAtFixedRate(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** A new viewer, or empty when the instance already serves as many as it may. */
    public Optional<LiveSubscription> subscribe() {
        if (subscriptions.size() >= maxClients) {
            return Optional.empty();
        }
        LiveSubscription subscription = new LiveSubscription(bufferEvents, subscriptions::remove);
        subscriptions.add(subscription);
        return Optional.of(subscription);
    }

    /** Offers the event to every viewer; viewers whose buffer is full are dropped. Never blocks. */
    public void publish(LiveEvent event) {
        if (!LiveEvent.HEARTBEAT.equals(event.name())) {
            eventsPublished.increment();
        }
        for (LiveSubscription subscription : subscriptions) {
            if (!subscription.offer(event)) {
                droppedClients.increment();
                log.info("Dropped a live viewer that fell {} events behind; its browser will reconnect", bufferEvents);
            }
        }
    }

    /** Sends a heartbeat to every viewer now (the scheduler calls this every interval). */
    public void heartbeat() {
        publish(LiveEvent.of(LiveEvent.HEARTBEAT, "{\"at\":\"" + clock.instant() + "\",\"intervalMillis\":"
                + heartbeatInterval.toMillis() + "}"));
    }

    public int clients() {
        return subscriptions.size();
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Stops the heartbeat and ends every subscription, so their HTTP threads return. */
    @Override
    public synchronized void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
        for (LiveSubscription subscription : subscriptions) {
            subscription.close();
        }
    }
}
