package org.instantfeedback.replies.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.Serializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes statuses to {@value Topics#REPLY_STATUS}, keyed by contactId, and the records that carry
 * no reply the sender can send to {@value Topics#DEAD_LETTER}, each batch in a Kafka transaction of
 * this instance's transactional producer.
 */
public final class ReplyStatuses {
    private static final Logger log = LoggerFactory.getLogger(ReplyStatuses.class);

    // Bytes rather than ReplyStatus: a dead letter is the record as it was read, and it must go
    // through this same producer to commit in one transaction with the statuses and offsets.
    private final Producer<byte[], byte[]> producer;
    private final Serializer<ReplyStatus> serializer;

    public ReplyStatuses(Producer<byte[], byte[]> producer, Serializer<ReplyStatus> serializer) {
        this.producer = producer;
        this.serializer = serializer;
    }

    /** Registers the transactional id, fencing an earlier producer of the same id and ending its transaction. */
    public void init() {
        producer.initTransactions();
    }

    /** A status of {@code reply} learned at {@code at}, without provider details. */
    public static ReplyStatus.Builder of(ReplyRequested reply, DeliveryStatus status, Instant at) {
        return ReplyStatus.newBuilder()
                .setReplyId(reply.getReplyId())
                .setConversationId(reply.getConversationId())
                .setContactId(reply.getTo().getContactId())
                .setStatus(status)
                .setAt(at);
    }

    /**
     * Writes {@code status} and moves the group's offsets to {@code next} in one transaction: once it
     * returns, the reply is never consumed again, by this instance or another.
     *
     * @throws StatusNotWrittenException when the transaction was aborted; neither took effect
     */
    public void writeWithOffsets(ReplyStatus status, Map<TopicPartition, OffsetAndMetadata> next,
                                 ConsumerGroupMetadata group) {
        inTransaction(() -> {
            send(status);
            producer.sendOffsetsToTransaction(next, group);
        });
    }

    /**
     * Writes {@code deadLetter}, then {@code failed} when the record named a reply, and moves the
     * group's offsets to {@code next}, in one transaction: the record is never consumed again, and
     * it is not lost either.
     *
     * @throws StatusNotWrittenException when the transaction was aborted; none of it took effect
     */
    public void deadLetterWithOffsets(ProducerRecord<byte[], byte[]> deadLetter, Optional<ReplyStatus> failed,
                                      Map<TopicPartition, OffsetAndMetadata> next, ConsumerGroupMetadata group) {
        inTransaction(() -> {
            producer.send(deadLetter);
            failed.ifPresent(this::send);
            producer.sendOffsetsToTransaction(next, group);
        });
    }

    /**
     * Writes {@code statuses} in one transaction.
     *
     * @throws StatusNotWrittenException when the transaction was aborted
     */
    public void write(List<ReplyStatus> statuses) {
        inTransaction(() -> statuses.forEach(this::send));
    }

    private void send(ReplyStatus status) {
        producer.send(new ProducerRecord<>(Topics.REPLY_STATUS,
                status.getContactId().getBytes(StandardCharsets.UTF_8),
                serializer.serialize(Topics.REPLY_STATUS, status)));
    }

    private void inTransaction(Runnable writes) {
        producer.beginTransaction();
        try {
            writes.run();
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException e) {
            // Fatal for this producer: another instance took its transactional id, or it may not write.
            throw e;
        } catch (KafkaException e) {
            abort();
            throw new StatusNotWrittenException(e);
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.debug("Could not abort the transaction: {}", e.getMessage());
        }
    }
}
