package org.instantfeedback.streams.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.streams.state.JsonSerde;
import org.junit.jupiter.api.Test;

class AlertingInputJsonTest {
    private final Serde<AlertingInput> serde = JsonSerde.of(AlertingInput.class);

    @Test
    void feedback_crosses_the_repartition_topic_unchanged() {
        FeedbackObservation observation = new FeedbackObservation("event-1", "route-42",
                Instant.parse("2026-05-04T08:03:00.123Z"), 2, FeedbackObservation.STARS_5, "negative", true,
                List.of("safety", "staff"), "pseudonym-1", "Driver was rude, call me on [phone]");

        AlertingInput read = roundTrip(AlertingInput.of(observation));

        assertThat(read.observation()).isEqualTo(observation);
        assertThat(read.observation().isComplaint()).isTrue();
        assertThat(read.action()).isNull();
    }

    @Test
    void an_ops_action_and_anonymous_feedback_without_text_cross_it_unchanged() {
        OpsActionRequest action = new OpsActionRequest("urgent-report", "alert-1", "ACKNOWLEDGE", "alice", null,
                Instant.parse("2026-05-04T08:19:00Z"));
        FeedbackObservation anonymous = new FeedbackObservation("event-2", "route-7",
                Instant.parse("2026-05-04T08:04:00Z"), null, null, null, false, List.of(), null, null);

        assertThat(roundTrip(AlertingInput.of(action)).action()).isEqualTo(action);
        assertThat(roundTrip(AlertingInput.of(anonymous)).observation()).isEqualTo(anonymous);
    }

    private AlertingInput roundTrip(AlertingInput input) {
        byte[] bytes = serde.serializer().serialize("alerting.by-scope.v1-repartition", input);
        return serde.deserializer().deserialize("alerting.by-scope.v1-repartition", bytes);
    }
}
