package org.instantfeedback.replies.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.replies.provider.SendResult;
import org.junit.jupiter.api.Test;

class ReplyOutcomeTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:16:00Z");
    private final ReplyRequested reply = StatusCallbackUrlTest.reply("reply-1", "conversation-1", "contact-1");

    @Test
    void an_accepted_message_keeps_the_providers_status_and_id() {
        ReplyStatus status = ReplyOutcome.of(reply, new SendResult.Accepted("SM123", DeliveryStatus.QUEUED), AT);

        assertThat(status.getStatus()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(status.getProviderMessageId()).isEqualTo("SM123");
        assertThat(status.getContactId()).isEqualTo("contact-1");
        assertThat(status.getAt()).isEqualTo(AT);
    }

    @Test
    void an_opted_out_passenger_is_reported_as_opted_out() {
        ReplyStatus status = ReplyOutcome.of(reply, new SendResult.Refused("21610", "unsubscribed", true), AT);

        assertThat(status.getStatus()).isEqualTo(DeliveryStatus.OPTED_OUT);
        assertThat(status.getErrorCode()).isEqualTo("21610");
    }

    @Test
    void another_refusal_fails_with_the_providers_code() {
        ReplyStatus status = ReplyOutcome.of(reply, new SendResult.Refused("21211", "invalid To", false), AT);

        assertThat(status.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(status.getErrorCode()).isEqualTo("21211");
        assertThat(status.getErrorMessage()).isEqualTo("invalid To");
    }

    @Test
    void an_unanswered_call_leaves_the_outcome_unknown_with_its_reason() {
        ReplyStatus status = ReplyOutcome.of(reply, new SendResult.Unknown("no answer within PT10S"), AT);

        assertThat(status.getStatus()).isEqualTo(DeliveryStatus.OUTCOME_UNKNOWN);
        assertThat(status.getErrorMessage()).isEqualTo("no answer within PT10S");
    }

    @Test
    void a_reply_never_taken_after_its_retries_fails_as_given_up() {
        ReplyStatus status = ReplyOutcome.of(reply, new SendResult.NotSent("connection refused"), AT);

        assertThat(status.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(status.getErrorCode()).isEqualTo("gave-up");
    }

    @Test
    void retries_wait_one_second_doubling_up_to_thirty() {
        assertThat(ProviderCalls.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ProviderCalls.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProviderCalls.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(ProviderCalls.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ProviderCalls.backoff(40)).isEqualTo(Duration.ofSeconds(30));
    }
}
