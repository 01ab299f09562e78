package org.instantfeedback.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.service.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedbackJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reads_every_field_and_ignores_unknown_ones() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree("{\"subject\":\"route-42\",\"rating\":9,\"scale\":\"nps-0-10\","
                + "\"comment\":\"ok\",\"occurredAt\":\"2026-05-01T08:00:00Z\",\"device\":{\"id\":1}}");

        FeedbackSubmission submission = FeedbackJson.submission(body, "key-1", Channel.WEB);

        assertThat(submission).isEqualTo(new FeedbackSubmission("route-42", 9L, "nps-0-10", "ok",
                "2026-05-01T08:00:00Z", "key-1", Channel.WEB, null, java.util.List.of()));
    }

    @Test
    void treats_null_as_absent() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree("{\"subject\":\"route-42\",\"rating\":null,\"comment\":null}");

        FeedbackSubmission submission = FeedbackJson.submission(body, null, Channel.WEB);

        assertThat(submission.rating()).isNull();
        assertThat(submission.comment()).isNull();
        assertThat(submission.readErrors()).isEmpty();
    }

    @Test
    void reports_each_field_of_the_wrong_json_type() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree("{\"subject\":42,\"rating\":\"five\",\"scale\":[],"
                + "\"comment\":true,\"occurredAt\":1714550400000}");

        FeedbackSubmission submission = FeedbackJson.submission(body, null, Channel.WEB);

        assertThat(submission.readErrors()).containsExactly(
                new FieldError("subject", "must be a string"),
                new FieldError("rating", "must be a whole number"),
                new FieldError("scale", "must be a string"),
                new FieldError("comment", "must be a string"),
                new FieldError("occurredAt", "must be a string"));
    }

    @Test
    void refuses_a_fractional_rating() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree("{\"rating\":4.5}");

        assertThat(FeedbackJson.submission(body, null, Channel.WEB).readErrors())
                .containsExactly(new FieldError("rating", "must be a whole number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8",
        "Application/JSON;charset=\"UTF-8\""})
    void accepts_json_in_utf_8(String contentType) {
        assertThatCode(() -> JsonRequestBody.requireJson(contentType)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "application/json-patch+json",
        "application/json; charset=iso-8859-1"})
    void refuses_other_media_types(String contentType) {
        assertThatThrownBy(() -> JsonRequestBody.requireJson(contentType))
                .isInstanceOf(UnsupportedMediaTypeException.class);
    }
}
