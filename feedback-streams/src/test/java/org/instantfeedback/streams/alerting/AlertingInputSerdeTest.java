package org.instantfeedback.streams.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.junit.jupiter.api.Test;

class AlertingInputSerdeTest {
    private final Serde<AlertingInput> serde = AlertingInputSerde.create();

    @Test
    void an_urgent_report_crosses_the_repartition_topic_unchanged() {
        FeedbackObservation observation = new FeedbackObservation("event-1", "route-42",
                Instant.parse("2026-05-04T08:03:00.123Z"), 2, FeedbackObservation.STARS_5, "negative", true,
                List.of("safety", "staff"), "pseudonym-1", "Driver was rude, call me on [phone]");

        AlertingInput read = roundTrip(AlertingInput.report(observation));

        assertThat(read.observation()).isEqualTo(observation);
        assertThat(read.observation().isComplaint()).isTrue();
        assertThat(read.reportOnly()).isTrue();
        assertThat(read.counts()).isFalse();
        assertThat(read.action()).isNull();
    }

    @Test
    void a_minute_of_a_subject_crosses_it_as_merged_figures_with_its_slice() {
        WindowMetrics added = WindowMetrics.of(observation("event-1", 2, "pseudonym-1"))
                .add(observation("event-2", 5, "pseudonym-2"));

        AlertingInput read = roundTrip(AlertingInput.of(new AlertingInput.SliceChange(1_777_881_780_000L, added)));

        assertThat(read.change()).isEqualTo(new AlertingInput.SliceChange(1_777_881_780_000L, added));
        assertThat(read.counts()).isTrue();
        assertThat(read.addedTo(WindowMetrics.empty())).isEqualTo(added);
    }

    /** Written by a release before slice changes: still counted, and taken as a report. */
    @Test
    void feedback_written_by_an_earlier_release_is_counted_and_reported() {
        byte[] earlier = ("{\"observation\":{\"eventId\":\"event-9\",\"subject\":\"route-42\","
                + "\"occurredAt\":\"2026-05-04T08:03:00Z\",\"ratingValue\":1,\"ratingScale\":\"STARS_5\","
                + "\"sentiment\":\"negative\",\"urgent\":false,\"topics\":[],\"senderPseudonym\":null,"
                + "\"text\":null,\"reading\":null},\"action\":null}").getBytes(StandardCharsets.UTF_8);

        AlertingInput read = serde.deserializer().deserialize("alerting.by-scope.v1-repartition", earlier);

        assertThat(read.observation().eventId()).isEqualTo("event-9");
        assertThat(read.reportOnly()).isFalse();
        assertThat(read.counts()).isTrue();
    }

    private static FeedbackObservation observation(String eventId, int stars, String sender) {
        return new FeedbackObservation(eventId, "route-42", Instant.parse("2026-05-04T08:03:00.123Z"), stars,
                FeedbackObservation.STARS_5, stars <= 2 ? "negative" : "positive", false, List.of("staff"), sender,
                stars <= 2 ? "Driver was rude" : null);
    }

    @Test
    void an_ops_action_and_anonymous_feedback_without_text_cross_it_unchanged() {
        OpsActionRequest action = new OpsActionRequest("urgent-report", "alert-1", "ACKNOWLEDGE", "alice", null,
                Instant.parse("2026-05-04T08:19:00Z"));
        FeedbackObservation anonymous = new FeedbackObservation("event-2", "route-7",
                Instant.parse("2026-05-04T08:04:00Z"), null, null, null, false, List.of(), null, null);

        assertThat(roundTrip(AlertingInput.of(action)).action()).isEqualTo(action);
        assertThat(roundTrip(AlertingInput.report(anonymous)).observation()).isEqualTo(anonymous);
    }

    private AlertingInput roundTrip(AlertingInput input) {
        byte[] bytes = serde.serializer().serialize("alerting.by-scope.v1-repartition", input);
        return serde.deserializer().deserialize("alerting.by-scope.v1-repartition", bytes);
    }
}
