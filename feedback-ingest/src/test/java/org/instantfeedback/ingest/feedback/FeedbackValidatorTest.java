package org.instantfeedback.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.service.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FeedbackValidatorTest {
    private static final Instant NOW = Instant.parse("2026-05-01T08:30:00.123456Z");

    private final FeedbackValidator validator = new FeedbackValidator(() -> "generated-id");

    @Test
    void maps_valid_feedback_to_the_event() {
        FeedbackReceived event = validator.validate(new FeedbackSubmission("  route-42 ", 4L, "stars-5",
                " Driver was friendly ", "2026-05-01T10:00:00+02:00", "key-1", Channel.WEB, null, List.of()), NOW);

        assertThat(event.getEventId()).isEqualTo("key-1");
        assertThat(event.getChannel()).isEqualTo(Channel.WEB);
        assertThat(event.getSubject()).isEqualTo("route-42");
        assertThat(event.getRating()).isEqualTo(new Rating(4, RatingScale.STARS_5));
        assertThat(event.getText()).isEqualTo("Driver was friendly");
        assertThat(event.getSenderPseudonym()).isNull();
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
        assertThat(event.getReceivedAt()).isEqualTo(Instant.parse("2026-05-01T08:30:00.123Z"));
    }

    @Test
    void defaults_to_five_stars_now_and_a_fresh_id() {
        FeedbackReceived event = validator.validate(submission("branch:7", 5L, null, null, null), NOW);

        assertThat(event.getRating()).isEqualTo(new Rating(5, RatingScale.STARS_5));
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-05-01T08:30:00.123Z"));
        assertThat(event.getEventId()).isEqualTo("generated-id");
        assertThat(event.getText()).isNull();
    }

    @Test
    void gives_every_event_a_different_uuid_by_default() {
        FeedbackValidator random = new FeedbackValidator();
        FeedbackSubmission submission = submission("route-42", 5L, null, null, null);

        String first = random.validate(submission, NOW).getEventId();
        String second = random.validate(submission, NOW).getEventId();

        assertThat(java.util.UUID.fromString(first)).isNotEqualTo(java.util.UUID.fromString(second));
    }

    @Test
    void accepts_a_comment_without_a_rating() {
        FeedbackReceived event = validator.validate(submission("route-42", null, null, "Bus was late", null), NOW);

        assertThat(event.getRating()).isNull();
        assertThat(event.getText()).isEqualTo("Bus was late");
    }

    @ParameterizedTest
    @CsvSource({
        "stars-5, 1, STARS_5", "stars-5, 5, STARS_5",
        "nps-0-10, 0, NPS_0_10", "nps-0-10, 10, NPS_0_10",
        "thumbs, 0, THUMBS", "thumbs, 1, THUMBS",
        "smiley-4, 1, SMILEY_4", "SMILEY-4, 4, SMILEY_4"
    })
    void accepts_every_value_at_the_edges_of_each_scale(String scale, long value, RatingScale expected) {
        FeedbackReceived event = validator.validate(submission("route-42", value, scale, null, null), NOW);

        assertThat(event.getRating()).isEqualTo(new Rating((int) value, expected));
    }

    @ParameterizedTest
    @CsvSource({
        "stars-5, 0", "stars-5, 6", "nps-0-10, -1", "nps-0-10, 11",
        "thumbs, 2", "thumbs, -1", "smiley-4, 0", "smiley-4, 5", "stars-5, 9223372036854775807"
    })
    void rejects_a_rating_outside_its_scale(String scale, long value) {
        assertThat(errorsFor(submission("route-42", value, scale, null, null)))
                .containsExactly(new FieldError("rating", "must be from "
                        + SupportedScale.byWireName(scale).orElseThrow().min() + " to "
                        + SupportedScale.byWireName(scale).orElseThrow().max() + " on the " + scale + " scale"));
    }

    static Stream<Arguments> invalidSubmissions() {
        String longSubject = "r".repeat(65);
        String longComment = "ä".repeat(1001);
        return Stream.of(
                Arguments.of(submission(null, 5L, null, null, null), "subject", "is required"),
                Arguments.of(submission("   ", 5L, null, null, null), "subject", "must not be blank"),
                Arguments.of(submission(longSubject, 5L, null, null, null), "subject", "at most 64 characters"),
                Arguments.of(submission("route/42", 5L, null, null, null), "subject", "may contain only"),
                Arguments.of(submission("route\n42", 5L, null, null, null), "subject", "may contain only"),
                Arguments.of(submission("route-42", 5L, "stars-10", null, null), "scale", "must be one of"),
                Arguments.of(submission("route-42", null, null, longComment, null), "comment", "at most 1000"),
                Arguments.of(submission("route-42", null, null, "  ", null), "rating", "a rating, a comment"),
                Arguments.of(submission("route-42", 5L, null, null, "yesterday"), "occurredAt", "ISO-8601"),
                Arguments.of(submission("route-42", 5L, null, null, "2026-05-01T08:36:00Z"), "occurredAt",
                        "more than 5 minutes in the future"),
                Arguments.of(submission("route-42", 5L, null, null, "1969-12-31T23:59:59Z"), "occurredAt",
                        "before 1970"),
                Arguments.of(withKey(""), "Idempotency-Key", "visible ASCII"),
                Arguments.of(withKey("has space"), "Idempotency-Key", "visible ASCII"),
                Arguments.of(withKey("ключ"), "Idempotency-Key", "visible ASCII"),
                Arguments.of(withKey("k".repeat(129)), "Idempotency-Key", "visible ASCII"));
    }

    @ParameterizedTest
    @MethodSource("invalidSubmissions")
    void names_the_field_that_breaks_a_rule(FeedbackSubmission submission, String field, String message) {
        List<FieldError> errors = errorsFor(submission);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo(field);
        assertThat(errors.get(0).message()).contains(message);
    }

    @Test
    void accepts_values_at_the_documented_limits() {
        FeedbackReceived event = validator.validate(new FeedbackSubmission("Zürich HB #3: Gleis_7.a-b".repeat(2)
                .substring(0, 50), 3L, null, "ä".repeat(1000), "2026-05-01T08:35:00.123Z", "k".repeat(128),
                Channel.WEB, null, List.of()), NOW);

        assertThat(event.getText()).hasSize(1000);
        assertThat(event.getEventId()).hasSize(128);
        assertThat(event.getSubject()).hasSize(50);
    }

    @Test
    void names_every_broken_rule_at_once_including_what_the_channel_could_not_read() {
        FeedbackSubmission submission = new FeedbackSubmission("", null, "stars-9", "x".repeat(1001),
                "2999-01-01T00:00:00Z", "bad key", Channel.WEB, null,
                List.of(new FieldError("rating", "must be a whole number")));

        assertThat(errorsFor(submission)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("rating", "subject", "scale", "comment", "occurredAt", "Idempotency-Key");
    }

    @Test
    void does_not_report_a_field_twice_when_the_channel_could_not_read_it() {
        FeedbackSubmission submission = new FeedbackSubmission(null, null, null, null, null, null, Channel.WEB, null,
                List.of(new FieldError("subject", "must be a string"),
                        new FieldError("rating", "must be a whole number")));

        assertThat(errorsFor(submission)).containsExactly(
                new FieldError("subject", "must be a string"), new FieldError("rating", "must be a whole number"));
    }

    @Test
    void masks_phone_numbers_and_email_addresses_in_the_comment() {
        FeedbackReceived event = validator.validate(submission("route-42", null, null,
                "Driver found my wallet, call +44 7700 900123 or jane@example.org", null), NOW);

        assertThat(event.getText()).isEqualTo("Driver found my wallet, call [phone] or [email]");
    }

    @Test
    void carries_the_sender_pseudonym_and_allows_sms_up_to_1600_characters() {
        FeedbackReceived event = validator.validate(new FeedbackSubmission("route-42", null, null, "x".repeat(1600),
                null, "twilio:SM1", Channel.SMS, "pseudonym-1", List.of()), NOW);

        assertThat(event.getSenderPseudonym()).isEqualTo("pseudonym-1");
        assertThat(event.getText()).hasSize(1600);
        assertThat(errorsFor(new FeedbackSubmission("route-42", null, null, "x".repeat(1601), null, null, Channel.SMS,
                null, List.of()))).extracting(FieldError::field).containsExactly("comment");
    }

    @Test
    void takes_only_subjects_on_the_allow_list_when_one_is_given() {
        FeedbackValidator restricted = new FeedbackValidator(() -> "id", SubjectAllowlist.of(List.of("route-*",
                "branch-central")));

        assertThat(restricted.validate(submission("route-7", 4L, null, null, null), NOW).getSubject())
                .isEqualTo("route-7");
        assertThat(restricted.acceptedSubject("branch-central")).contains("branch-central");
        assertThat(restricted.acceptedSubject("branch-london")).isEmpty();
        assertThat(catchThrowableOfType(InvalidFeedbackException.class, () -> restricted.validate(
                submission("branch-london", 4L, null, null, null), NOW)).errors())
                .extracting(FieldError::field).containsExactly("subject");
    }

    @Test
    void refuses_to_build_an_invalid_feedback_exception_without_errors() {
        assertThatThrownBy(() -> new InvalidFeedbackException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private List<FieldError> errorsFor(FeedbackSubmission submission) {
        return catchThrowableOfType(InvalidFeedbackException.class, () -> validator.validate(submission, NOW)).errors();
    }

    private static FeedbackSubmission submission(String subject, Long rating, String scale, String comment,
            String occurredAt) {
        return new FeedbackSubmission(subject, rating, scale, comment, occurredAt, null, Channel.WEB, null, List.of());
    }

    private static FeedbackSubmission withKey(String key) {
        return new FeedbackSubmission("route-42", 5L, null, null, null, key, Channel.WEB, null, List.of());
    }
}
