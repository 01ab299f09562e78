package org.instantfeedback.replies.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.contacts.ContactKeyException;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.contacts.ContactKeysUnavailableException;
import org.instantfeedback.deadletter.DeadLetterRecord;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.registry.SchemaRegistryException;
import org.instantfeedback.replies.provider.OutgoingSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the replies of {@value Topics#REPLIES}, making at most one provider call per reply, even
 * across crashes (retries of an SMS certainly not sent aside):
 *
 * <ol>
 *   <li>Before the call, one Kafka transaction writes SENDING to {@value Topics#REPLY_STATUS} and
 *       commits the group's offset past the reply. Once it commits, no instance consumes the reply
 *       again.</li>
 *   <li>The call; its outcome is written in a transaction of its own.</li>
 *   <li>A sender that crashed between the two leaves a SENDING; {@link StaleSendingSweep}, run at
 *       start and whenever a SENDING it saw turns stale, reports it as OUTCOME_UNKNOWN.</li>
 * </ol>
 *
 * <p>The price of never texting twice is the opposite failure: a crash in that window loses a
 * reply that may not have been sent, which ops see as OUTCOME_UNKNOWN rather than as a retry.
 *
 * <p>A record that is no reply the sender can send (bytes that do not read as a ReplyRequested, no
 * value, an address that does not open) is not called for: it goes to {@value Topics#DEAD_LETTER}
 * as it was read, with the reason, in the transaction that commits the offset past it, together
 * with a FAILED status when it names a reply. Only a registry that does not answer makes the
 * sender read a record again, as that is no fault of the record.
 */
public final class DeliveryLoop implements Runnable {
    /** What the loop is doing, for readiness and logs. */
    public enum State {
        STARTING,
        DELIVERING,
        STOPPED,
        FAILED
    }

    static final Duration POLL_WAIT = Duration.ofMillis(200);
    private static final Duration KEYRING_WAIT = Duration.ofSeconds(5);
    private static final Duration SWEEP_RETRY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Deserializer<ReplyRequested> replies;
    private final ContactKeyring keyring;
    private final ReplyStatuses statuses;
    private final StaleSendingSweep sweep;
    private final ProviderCalls calls;
    private final Optional<StatusCallbackUrl> callbacks;
    private final SenderMetrics metrics;
    private final Clock clock;
    private final Stopping stopping;
    private volatile State state = State.STARTING;
    private volatile boolean assigned;
    private Optional<Instant> nextSweep = Optional.empty();

    public DeliveryLoop(Consumer<byte[], byte[]> consumer, Deserializer<ReplyRequested> replies,
                        ContactKeyring keyring, ReplyStatuses statuses, StaleSendingSweep sweep,
                        ProviderCalls calls, Optional<StatusCallbackUrl> callbacks, SenderMetrics metrics,
                        Clock clock, Stopping stopping) {
        this.consumer = consumer;
        this.replies = replies;
        this.keyring = keyring;
        this.statuses = statuses;
        this.sweep = sweep;
        this.calls = calls;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.clock = clock;
        this.stopping = stopping;
    }

    public State state() {
        return state;
    }

    @Override
    public void run() {
        try {
            if (!awaitKeyring()) {
                state = State.STOPPED;
                return;
            }
            statuses.init();
            sweep();
            consumer.subscribe(List.of(Topics.REPLIES), new PositionsOnAssignment());
            while (!stopping.isStopped()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_WAIT);
                for (TopicPartition partition : records.partitions()) {
                    deliverInOrder(partition, records.records(partition));
                }
                if (nextSweep.filter(due -> !due.isAfter(clock.instant())).isPresent()) {
                    sweep();
                }
                if (assigned) {
                    state = State.DELIVERING;
                }
            }
            state = State.STOPPED;
        } catch (RuntimeException e) {
            state = State.FAILED;
            log.error("The reply sender stopped; a restart resumes after the last reply marked SENDING", e);
        } finally {
            consumer.close();
        }
    }

    /**
     * Stops the loop after the reply under way (no wakeup: it could cut the transaction of a reply
     * already sent); a wait between retries ends at once, and that reply is reported FAILED.
     */
    public void stop() {
        stopping.stop();
    }

    /** Closes the consumer of a loop that never ran (its run closes it otherwise). */
    public void closeUnstarted() {
        consumer.close();
    }

    private boolean awaitKeyring() {
        while (!stopping.isStopped()) {
            try {
                keyring.awaitReady(KEYRING_WAIT);
                return true;
            } catch (ContactKeysUnavailableException e) {
                log.warn("Waiting for the contact keys: {}", e.getMessage());
            }
        }
        return false;
    }

    /** A sweep that fails is tried again later; replies go on meanwhile, as they do not depend on it. */
    private void sweep() {
        try {
            nextSweep = sweep.run();
        } catch (StatusNotWrittenException | TimeoutException | IllegalStateException e) {
            log.warn("Could not sweep stale SENDING statuses ({}); trying again in {}", e.getMessage(), SWEEP_RETRY);
            nextSweep = Optional.of(clock.instant().plus(SWEEP_RETRY));
        }
    }

    private void deliverInOrder(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            // Records not handled yet keep their offsets uncommitted: whoever reads on sends them.
            if (stopping.isStopped() || !handle(partition, record)) {
                return;
            }
        }
    }

    /** Returns whether the partition may go on to its next record. */
    private boolean handle(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        Map<TopicPartition, OffsetAndMetadata> next = Map.of(partition, new OffsetAndMetadata(record.offset() + 1));
        ReplyRequested reply;
        try {
            reply = read(record);
        } catch (SerializationException e) {
            if (registryUnavailable(e)) {
                readAgain(partition, record);
                return false;
            }
            // No reply to name: the dead letter alone tells ops, as no status can be matched to one.
            return deadLetter(partition, record, e, Optional.empty(), next);
        }
        Optional<String> number;
        try {
            number = keyring.open(reply.getTo());
        } catch (ContactKeyException e) {
            return deadLetter(partition, record, e,
                    Optional.of(ReplyOutcome.addressUnreadable(reply, clock.instant())), next);
        }
        if (number.isEmpty()) {
            // An erased passenger is no bad input: FAILED says why, with no dead letter to keep.
            return endUnsent(partition, record, ReplyOutcome.contactErased(reply, clock.instant()), next);
        }
        return send(partition, record, reply, number.get(), next);
    }

    /** The reply in {@code record}; a record without a value is none, rather than one that vanishes. */
    private ReplyRequested read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new SerializationException("the record has no value, so it carries no reply");
        }
        return replies.deserialize(record.topic(), record.headers(), record.value());
    }

    private boolean send(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, ReplyRequested reply,
                         String number, Map<TopicPartition, OffsetAndMetadata> next) {
        ReplyStatus sending = ReplyStatuses.of(reply, DeliveryStatus.SENDING, clock.instant()).build();
        try {
            // The guard against a second SMS: SENDING and the offset past this reply commit together,
            // before the provider is called. From here on the reply is never consumed again, so a
            // crash during the call cannot lead to a second one. The offsets carry the group's
            // generation: an instance that lost the partition in a rebalance cannot commit them, and
            // so does not call either.
            statuses.writeWithOffsets(sending, next, consumer.groupMetadata());
        } catch (StatusNotWrittenException e) {
            log.warn("Could not mark reply {} as sending ({}); it is read again", reply.getReplyId(), e.getMessage());
            readAgain(partition, record);
            return false;
        }
        OutgoingSms sms = new OutgoingSms(reply.getReplyId(), number, reply.getTo().getOperatorNumber(),
                reply.getText(), callbacks.map(callback -> callback.of(reply)));
        ReplyStatus outcome = ReplyOutcome.of(reply, calls.send(sms, reply), clock.instant());
        try {
            statuses.write(List.of(outcome));
        } catch (StatusNotWrittenException e) {
            log.error("Reply {} ended {} but that could not be written ({}); the sweep will report it as unknown",
                    reply.getReplyId(), outcome.getStatus(), e.getMessage());
        }
        ended(outcome);
        return true;
    }

    /** A reply that is not sent ends with its status and the offset past it, in one transaction. */
    private boolean endUnsent(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, ReplyStatus outcome,
                              Map<TopicPartition, OffsetAndMetadata> next) {
        try {
            statuses.writeWithOffsets(outcome, next, consumer.groupMetadata());
        } catch (StatusNotWrittenException e) {
            log.warn("Could not end reply {} as {} ({}); it is read again", outcome.getReplyId(), outcome.getStatus(),
                    e.getMessage());
            readAgain(partition, record);
            return false;
        }
        ended(outcome);
        return true;
    }

    /**
     * Puts the record on the dead-letter topic as it was read, with the reason, and {@code failed}
     * when it named a reply, in the transaction that moves the offset past it: a record the sender
     * cannot send is neither lost nor allowed to stop the replies behind it.
     */
    private boolean deadLetter(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, Exception reason,
                               Optional<ReplyStatus> failed, Map<TopicPartition, OffsetAndMetadata> next) {
        try {
            statuses.deadLetterWithOffsets(DeadLetterRecord.of(record, reason), failed, next, consumer.groupMetadata());
        } catch (StatusNotWrittenException e) {
            log.warn("Could not dead-letter the record at {}@{} ({}); it is read again", partition, record.offset(),
                    e.getMessage());
            readAgain(partition, record);
            return false;
        }
        metrics.deadLettered();
        log.warn("Dead-lettered the record at {}@{}{} to {}: {}", partition, record.offset(),
                failed.map(status -> " (reply " + status.getReplyId() + ")").orElse(""), Topics.DEAD_LETTER,
                reason.getMessage());
        return true;
    }

    private void ended(ReplyStatus outcome) {
        metrics.replied(outcome.getStatus());
        log.info("Reply {}: {}{}", outcome.getReplyId(), outcome.getStatus(),
                outcome.getErrorCode() == null ? "" : " (" + outcome.getErrorCode() + ")");
    }

    /** Rewinds to the record, unless a rebalance took the partition away: its next owner reads it. */
    private void readAgain(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        if (consumer.assignment().contains(partition)) {
            consumer.seek(partition, record.offset());
        }
    }

    private static boolean registryUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return registry.kind() == SchemaRegistryException.Kind.UNREACHABLE || registry.httpStatus() >= 500;
            }
        }
        return false;
    }

    /**
     * Resolves the position of every partition as soon as it is assigned, so that a partition
     * without a committed offset starts at the end as of now: a reply written once the sender
     * reports ready is read, and none written before it was ever deployed is sent out of the blue.
     */
    private final class PositionsOnAssignment implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(consumer::position);
            assigned = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to do: every reply handled was committed with its SENDING
        }
    }
}
