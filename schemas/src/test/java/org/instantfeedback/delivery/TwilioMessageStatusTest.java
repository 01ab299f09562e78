package org.instantfeedback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.instantfeedback.events.DeliveryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioMessageStatusTest {

    @ParameterizedTest
    @CsvSource({"queued, QUEUED", "accepted, QUEUED", "scheduled, QUEUED", "sending, SENDING", "sent, SENT",
            "delivered, DELIVERED", "read, DELIVERED", "failed, FAILED", "undelivered, FAILED", "canceled, FAILED",
            "Delivered, DELIVERED", "a-status-twilio-adds-later, QUEUED"})
    void reads_twilios_status_as_a_delivery_status(String twilio, DeliveryStatus expected) {
        assertThat(TwilioMessageStatus.toDeliveryStatus(twilio)).isEqualTo(expected);
    }

    @Test
    void reads_no_status_at_all_as_queued() {
        assertThat(TwilioMessageStatus.toDeliveryStatus(null)).isEqualTo(DeliveryStatus.QUEUED);
    }
}
