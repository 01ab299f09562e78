package org.instantfeedback.streams.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.Test;

class OccurredAtTimestampExtractorTest {
    private static final Instant OCCURRED = Instant.parse("2026-05-04T12:07:00Z");
    private static final Instant WRITTEN = Instant.parse("2026-05-04T12:31:00Z");

    private final OccurredAtTimestampExtractor extractor = new OccurredAtTimestampExtractor();

    @Test
    void feedback_is_placed_at_the_moment_it_occurred() {
        FeedbackReceived feedback = Feedback.stars("route-42", 5, OCCURRED);

        assertThat(extractor.extract(record(feedback), -1)).isEqualTo(OCCURRED.toEpochMilli());
    }

    @Test
    void an_occurred_at_far_after_the_feedback_was_received_falls_back_to_the_record_timestamp() {
        FeedbackReceived feedback = FeedbackReceived.newBuilder(Feedback.stars("route-42", 5, OCCURRED))
                .setOccurredAt(OCCURRED.plus(Duration.ofDays(365)))
                .build();

        assertThat(extractor.extract(record(feedback), -1)).isEqualTo(WRITTEN.toEpochMilli());
    }

    @Test
    void a_clock_a_little_ahead_of_the_ingest_service_is_still_trusted() {
        FeedbackReceived feedback = FeedbackReceived.newBuilder(Feedback.stars("route-42", 5, OCCURRED))
                .setReceivedAt(OCCURRED.minus(Duration.ofMinutes(1)))
                .build();

        assertThat(extractor.extract(record(feedback), -1)).isEqualTo(OCCURRED.toEpochMilli());
    }

    @Test
    void an_occurred_at_before_1970_falls_back_to_the_record_timestamp() {
        FeedbackReceived feedback = FeedbackReceived.newBuilder(Feedback.stars("route-42", 5, OCCURRED))
                .setOccurredAt(Instant.ofEpochMilli(-5))
                .build();

        assertThat(extractor.extract(record(feedback), -1)).isEqualTo(WRITTEN.toEpochMilli());
    }

    @Test
    void values_that_are_not_feedback_keep_their_record_timestamp() {
        assertThat(extractor.extract(record("something else"), -1)).isEqualTo(WRITTEN.toEpochMilli());
    }

    private static ConsumerRecord<Object, Object> record(Object value) {
        return new ConsumerRecord<>("feedback.received.v1", 0, 17L, WRITTEN.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, -1, "route-42", value, new RecordHeaders(), Optional.empty());
    }
}
