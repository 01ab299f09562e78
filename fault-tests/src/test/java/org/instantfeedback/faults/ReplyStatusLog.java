package org.instantfeedback.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.ReplyStatus;

/**
 * Everything committed on {@value Topics#REPLY_STATUS} so far, read on demand: each call reads what
 * came since the last one. A reply's statuses share its contact's partition, so they come in the
 * order they were written.
 */
final class ReplyStatusLog implements AutoCloseable {
    private final KafkaConsumer<String, ReplyStatus> reader;
    private final List<ReplyStatus> read = new ArrayList<>();

    ReplyStatusLog(Clients clients) {
        this.reader = clients.avroReader(Topics.REPLY_STATUS, ReplyStatus.class);
    }

    /** The statuses of one reply written so far, oldest first. */
    synchronized List<ReplyStatus> of(String replyId) {
        for (ConsumerRecord<String, ReplyStatus> record : reader.poll(Duration.ofMillis(200))) {
            read.add(record.value());
        }
        return read.stream().filter(status -> status.getReplyId().equals(replyId)).toList();
    }

    @Override
    public synchronized void close() {
        reader.close();
    }
}
