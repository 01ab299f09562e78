package org.instantfeedback.replies.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.instantfeedback.events.DeliveryStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioStatusTest {

    @ParameterizedTest
    @CsvSource({"queued, QUEUED", "accepted, QUEUED", "scheduled, QUEUED", "sending, SENDING", "sent, SENT",
            "delivered, DELIVERED", "read, DELIVERED", "failed, FAILED", "undelivered, FAILED", "canceled, FAILED",
            "a-status-twilio-adds-later, QUEUED"})
    void reads_twilios_status_as_the_senders(String twilio, DeliveryStatus expected) {
        assertThat(TwilioStatus.toDeliveryStatus(twilio)).isEqualTo(expected);
    }
}
