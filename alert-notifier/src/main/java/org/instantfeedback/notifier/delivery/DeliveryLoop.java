package org.instantfeedback.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.notifier.config.RetryPolicy;
import org.instantfeedback.notifier.routing.Target;
import org.instantfeedback.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts of {@value Topics#ALERTS} to one target, in order per alert, each once.
 *
 * <ul>
 *   <li>An offset is committed (synchronously) only after its alert was delivered, dead-lettered or
 *       found not to be for this target, so a restart resumes after the last delivered alert.</li>
 *   <li>When the target fails in a way worth retrying, the partition is rewound to the alert and
 *       paused for the backoff; the loop keeps polling, so the consumer stays in its group however
 *       long the target is down, and other partitions go on. Alerts of one alert id share a
 *       partition, so nothing overtakes an alert that waits.</li>
 *   <li>A permanent refusal (4xx other than 408 and 429, 3xx) sends the record to
 *       {@value Topics#DEAD_LETTER} with the reason in headers.</li>
 * </ul>
 *
 * <p>One window remains: a crash after the target took an alert and before the commit delivers
 * it again after the restart. Every request carries the alert's eventId as {@code Idempotency-Key},
 * so a receiver that remembers keys closes that window.
 */
public final class DeliveryLoop implements Runnable {
    /** What the loop is doing, for readiness and logs. */
    public enum State {
        STARTING,
        DELIVERING,
        BACKING_OFF,
        STOPPED,
        FAILED
    }

    static final Duration MAX_POLL_WAIT = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final Target target;
    private final Consumer<byte[], byte[]> consumer;
    private final Deserializer<FeedbackAlert> alerts;
    private final WebhookClient client;
    private final DeadLetters deadLetters;
    private final RetryPolicy retry;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final RandomGenerator random;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final Map<TopicPartition, Failing> failing = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> skipped = new HashMap<>();
    private volatile State state = State.STARTING;

    /** The record a partition is stuck on, and how often it has failed. */
    private record Failing(long offset, int failures) {
    }

    public DeliveryLoop(Target target, Consumer<byte[], byte[]> consumer, Deserializer<FeedbackAlert> alerts,
                        WebhookClient client, DeadLetters deadLetters, RetryPolicy retry, DeliveryMetrics metrics,
                        Clock clock, RandomGenerator random) {
        this.target = target;
        this.consumer = consumer;
        this.alerts = alerts;
        this.client = client;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
    }

    public Target target() {
        return target;
    }

    public State state() {
        return state;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS), new ForgetRevokedPartitions());
            while (running.get()) {
                resumeDuePartitions();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollWait());
                for (TopicPartition partition : records.partitions()) {
                    deliverInOrder(partition, records.records(partition));
                }
                commitSkipped();
                state = pausedUntil.isEmpty() ? State.DELIVERING : State.BACKING_OFF;
            }
            state = State.STOPPED;
        } catch (WakeupException e) {
            state = State.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.STOPPED;
        } catch (RuntimeException e) {
            state = State.FAILED;
            log.error("Delivery to {} stopped; the next start resumes after the last delivered alert", target.name(), e);
        } finally {
            closeConsumer();
        }
    }

    /**
     * Stops the loop after the delivery under way and its commit (no wakeup: it could cut the
     * commit of a delivered alert); the consumer then leaves the group.
     */
    public void stop() {
        running.set(false);
    }

    private void deliverInOrder(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records)
            throws InterruptedException {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!running.get() || !handle(partition, record)) {
                return;
            }
        }
    }

    /** Returns whether the partition may go on to its next record. */
    private boolean handle(TopicPartition partition, ConsumerRecord<byte[], byte[]> record)
            throws InterruptedException {
        FeedbackAlert alert;
        try {
            alert = alerts.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            if (registryUnavailable(e)) {
                backOff(partition, record, "schema registry unavailable: " + e.getMessage(), Duration.ZERO);
                return false;
            }
            return deadLetter(partition, record, 0, "unreadable alert: " + e.getMessage());
        }
        if (alert == null || !target.wants(alert)) {
            skipped.put(partition, new OffsetAndMetadata(record.offset() + 1));
            return true;
        }
        DeliveryResult result = client.deliver(target, alert);
        metrics.attempt(result.outcome());
        switch (result.outcome()) {
            case DELIVERED -> {
                commit(partition, record);
                metrics.delivered(Duration.between(Instant.ofEpochMilli(record.timestamp()), clock.instant()));
                log.info("Delivered {} to {}", alert.getEventId(), target.name());
                return true;
            }
            case PERMANENT -> {
                return deadLetter(partition, record, result.status(), result.reason());
            }
            default -> {
                backOff(partition, record, result.reason(), result.retryAfter().orElse(Duration.ZERO));
                return false;
            }
        }
    }

    private boolean deadLetter(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, int status,
                               String reason) throws InterruptedException {
        try {
            deadLetters.write(record, target.name(), status, reason);
        } catch (KafkaException e) {
            backOff(partition, record, e.getMessage(), Duration.ZERO);
            return false;
        }
        commit(partition, record);
        metrics.deadLettered();
        log.warn("{} refused the record at {}@{} for good ({}); it is on {}", target.name(), partition,
                record.offset(), reason, Topics.DEAD_LETTER);
        return true;
    }

    private void commit(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        failing.remove(partition);
        skipped.remove(partition);
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // Lost the partition in a rebalance: its next owner resumes from the last commit and
            // sends this alert again, with the same Idempotency-Key.
            log.warn("Could not commit {}@{} for {}: {}", partition, record.offset(), target.name(), e.getMessage());
        }
    }

    private void commitSkipped() {
        if (skipped.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(skipped));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // only alerts this target does not want; reading them again is harmless
            log.debug("Could not commit skipped alerts for {}: {}", target.name(), e.getMessage());
        }
        skipped.clear();
    }

    private void backOff(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, String reason,
                         Duration askedFor) {
        Failing previous = failing.get(partition);
        int failures = previous != null && previous.offset() == record.offset() ? previous.failures() + 1 : 1;
        failing.put(partition, new Failing(record.offset(), failures));
        Duration wait = retry.backoff(failures, random);
        if (askedFor.compareTo(wait) > 0) {
            wait = askedFor.compareTo(retry.max()) > 0 ? retry.max() : askedFor;
        }
        consumer.seek(partition, record.offset());
        consumer.pause(List.of(partition));
        pausedUntil.put(partition, clock.instant().plus(wait));
        state = State.BACKING_OFF;
        log.warn("Delivery to {} of {}@{} failed ({} time(s)): {}; retrying in {} ms", target.name(), partition,
                record.offset(), failures, reason, wait.toMillis());
    }

    private void resumeDuePartitions() {
        Instant now = clock.instant();
        pausedUntil.entrySet().removeIf(entry -> {
            if (entry.getValue().isAfter(now)) {
                return false;
            }
            consumer.resume(List.of(entry.getKey()));
            return true;
        });
    }

    /** Polls at most until the next paused partition is due, so retries are not late. */
    private Duration pollWait() {
        Instant now = clock.instant();
        Duration wait = MAX_POLL_WAIT;
        for (Instant due : pausedUntil.values()) {
            Duration untilDue = Duration.between(now, due);
            if (untilDue.compareTo(wait) < 0) {
                wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
            }
        }
        return wait;
    }

    private static boolean registryUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return registry.kind() == SchemaRegistryException.Kind.UNREACHABLE || registry.httpStatus() >= 500;
            }
        }
        return false;
    }

    private void closeConsumer() {
        try {
            commitSkipped();
        } catch (RuntimeException e) {
            log.debug("Could not commit skipped alerts on close: {}", e.getMessage());
        }
        consumer.close();
    }

    /**
     * A partition taken away is no longer this loop's to retry; whoever gets it resumes from its
     * last commit, which never passes an undelivered alert.
     */
    private final class ForgetRevokedPartitions implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revokedSkips = new HashMap<>();
            partitions.forEach(partition -> {
                OffsetAndMetadata offset = skipped.remove(partition);
                if (offset != null) {
                    revokedSkips.put(partition, offset);
                }
            });
            if (!revokedSkips.isEmpty()) {
                try {
                    consumer.commitSync(revokedSkips);
                } catch (KafkaException e) {
                    log.debug("Could not commit skipped alerts of revoked partitions: {}", e.getMessage());
                }
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(skipped::remove);
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // nothing to do: positions come from the committed offsets
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                pausedUntil.remove(partition);
                failing.remove(partition);
            });
        }
    }
}
