package org.instantfeedback.replies.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the replies of crashed senders: every reply whose latest status on
 * {@value Topics#REPLY_STATUS} is a SENDING older than one provider call (its timeout plus a margin)
 * was being sent by a sender that stopped before it wrote the outcome. Its offset was committed with
 * the SENDING, so no one will call for it again; it gets OUTCOME_UNKNOWN, as the provider may or may
 * not have taken it.
 *
 * <p>Another instance may still be mid-call for a SENDING this sweep takes as stale (a stalled JVM,
 * a slow network). That does no harm: readers rank OUTCOME_UNKNOWN below QUEUED, SENT and DELIVERED,
 * so the real outcome, written later, wins.
 *
 * <p>Reads the last {@link #LOOK_BACK} of the topic with a consumer of its own (no group: it commits
 * nothing), from the offsets of that time to the end.
 */
public final class StaleSendingSweep {
    static final Duration LOOK_BACK = Duration.ofHours(24);
    /** Beyond the provider's timeout: a call's end, the outcome's write and clock skew between hosts. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    static final String SENDER_LOST = "sender-lost";
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_WAIT = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(StaleSendingSweep.class);

    private final Consumer<byte[], byte[]> reader;
    private final Deserializer<ReplyStatus> statusesIn;
    private final ReplyStatuses statusesOut;
    private final Duration staleAfter;
    private final Clock clock;

    /** @param providerTimeout the longest one provider call waits for its answer */
    public StaleSendingSweep(Consumer<byte[], byte[]> reader, Deserializer<ReplyStatus> statusesIn,
                             ReplyStatuses statusesOut, Duration providerTimeout, Clock clock) {
        this.reader = reader;
        this.statusesIn = statusesIn;
        this.statusesOut = statusesOut;
        this.staleAfter = providerTimeout.plus(MARGIN);
        this.clock = clock;
    }

    /**
     * Writes OUTCOME_UNKNOWN for every stale SENDING.
     *
     * @return when the youngest SENDING left alone turns stale, so the sweep can run again then;
     *         empty when there is none
     * @throws StatusNotWrittenException when the statuses could not be written; the next sweep tries again
     */
    public Optional<Instant> run() {
        Instant now = clock.instant();
        Map<String, ReplyStatus> latest = latestStatuses(now.minus(LOOK_BACK));
        Instant staleBefore = now.minus(staleAfter);
        List<ReplyStatus> unknown = new ArrayList<>();
        Optional<Instant> nextDue = Optional.empty();
        for (ReplyStatus status : latest.values()) {
            if (status.getStatus() != DeliveryStatus.SENDING) {
                continue;
            }
            if (status.getAt().isBefore(staleBefore)) {
                unknown.add(outcomeUnknown(status, now));
            } else {
                Instant due = status.getAt().plus(staleAfter);
                nextDue = nextDue.filter(earlier -> earlier.isBefore(due)).or(() -> Optional.of(due));
            }
        }
        if (!unknown.isEmpty()) {
            statusesOut.write(unknown);
            unknown.forEach(status -> log.warn("Reply {} was being sent when its sender stopped: outcome unknown,"
                    + " not resent", status.getReplyId()));
        }
        return nextDue;
    }

    private Map<String, ReplyStatus> latestStatuses(Instant from) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : reader.partitionsFor(Topics.REPLY_STATUS, READ_TIMEOUT)) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        Map<String, ReplyStatus> latest = new LinkedHashMap<>();
        if (partitions.isEmpty()) {
            return latest;
        }
        reader.assign(partitions);
        seekTo(partitions, from);
        // A reply's statuses share its contact's partition, in the order they were written.
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, READ_TIMEOUT);
        Instant deadline = clock.instant().plus(READ_TIMEOUT);
        while (!readToEnd(ends)) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + Topics.REPLY_STATUS + " to its end within "
                        + READ_TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL_WAIT)) {
                ReplyStatus status = readable(record);
                if (status != null) {
                    latest.put(status.getReplyId(), status);
                }
            }
        }
        reader.unsubscribe();
        return latest;
    }

    private void seekTo(List<TopicPartition> partitions, Instant from) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> starts = reader.offsetsForTimes(times, READ_TIMEOUT);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            if (start == null) {
                reader.seekToEnd(List.of(partition));
            } else {
                reader.seek(partition, start.offset());
            }
        }
    }

    private boolean readToEnd(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (reader.position(end.getKey(), READ_TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private ReplyStatus readable(ConsumerRecord<byte[], byte[]> record) {
        try {
            return statusesIn.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            log.debug("Skipped an unreadable status at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private static ReplyStatus outcomeUnknown(ReplyStatus sending, Instant now) {
        return ReplyStatus.newBuilder()
                .setReplyId(sending.getReplyId())
                .setConversationId(sending.getConversationId())
                .setContactId(sending.getContactId())
                .setStatus(DeliveryStatus.OUTCOME_UNKNOWN)
                .setErrorCode(SENDER_LOST)
                .setErrorMessage("the sender stopped during the provider call; the reply is not resent")
                .setAt(now)
                .build();
    }
}
